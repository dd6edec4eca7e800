import multiprocessing
import time

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing


def nap():
    time.sleep(0.6)
    print("child woke up")


if __name__ == "__main__":
    p = mp.Process(target=nap)
    p.start()
    t0 = time.monotonic()
    p.join(0.1)
    waited = time.monotonic() - t0
    print("after join(0.1): alive", p.is_alive(), "exitcode", p.exitcode, "waited about 0.1 s:", waited >= 0.09 and waited < 0.4)
    p.join(timeout=0.05)
    print("after join(timeout=0.05): alive", p.is_alive())
    p.join()
    print("after join(): alive", p.is_alive(), "exitcode", p.exitcode)
    p.join(0)
    print("joining again is fine")
