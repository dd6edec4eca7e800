import multiprocessing

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing


def nothing():
    pass


def daemonChild():
    try:
        mp.Process(target=nothing).start()
    except Exception as e:
        print("daemon:", type(e).__name__, str(e))


def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, str(e))


if __name__ == "__main__":
    p = mp.Process(target=nothing)
    attempt("join before start:", lambda: p.join())
    p.start()
    attempt("start twice:", lambda: p.start())
    p.join()
    attempt("join self:", lambda: multiprocessing.current_process().join())
    attempt("close:", lambda: p.close())
    attempt("use closed:", lambda: p.is_alive())
    d = mp.Process(target=daemonChild, daemon=True)
    d.start()
    d.join()
    print("daemon exit", d.exitcode)
    attempt("group:", lambda: mp.Process(group="g"))
