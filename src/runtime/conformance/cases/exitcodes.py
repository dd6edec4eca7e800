import multiprocessing
import sys
import time

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing


def returns():
    pass


def exits(code):
    sys.exit(code)


def raises():
    raise ValueError("bad value")


def sleeps():
    time.sleep(30)


if __name__ == "__main__":
    cases = [
        ("returns", mp.Process(target=returns)),
        ("exit3", mp.Process(target=exits, args=(3,))),
        ("exitNone", mp.Process(target=exits, args=(None,))),
        ("exitMsg", mp.Process(target=exits, args=("goodbye",))),
        ("raises", mp.Process(target=raises)),
    ]
    for label, p in cases:
        p.start()
        p.join()
        print(label, p.exitcode)
    t = mp.Process(target=sleeps)
    t.start()
    t.terminate()
    t.join()
    print("terminated", t.exitcode, "exitcode=-SIGTERM" in repr(t))
    k = mp.Process(target=sleeps, name="victim")
    k.start()
    k.kill()
    k.join()
    print("killed", k.exitcode, k.name)
