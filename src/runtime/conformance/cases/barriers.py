import multiprocessing
import re
import time
from threading import BrokenBarrierError

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing


def announce():
    print("the barrier tripped", flush=True)


def boom():
    raise ValueError("action failed")


def pass_(b, q, rounds):
    for _ in range(rounds):
        try:
            q.put(f"index {b.wait()}")
        except BrokenBarrierError:
            q.put("BrokenBarrierError")


def addr(x):
    return re.sub(r"0x[0-9a-f]+", "ADDR", str(x))


def until_waiting(b, n):
    while b.n_waiting < n:
        time.sleep(0.01)


if __name__ == "__main__":
    b = mp.Barrier(3, announce)
    print(addr(b), b.parties, b.n_waiting, b.broken)
    q = mp.Queue()
    ps = [mp.Process(target=pass_, args=(b, q, 2)) for _ in range(2)]
    for p in ps:
        p.start()
    for round_ in range(2):
        mine = f"index {b.wait()}"
        print("round", round_, sorted([mine, q.get(), q.get()]))
    for p in ps:
        p.join()
    print(addr(b))

    t = mp.Barrier(2, timeout=0.05)
    try:
        t.wait()
    except BrokenBarrierError as e:
        print("timed out:", type(e).__name__, '"' + str(e) + '"', t.broken, addr(t), t.n_waiting)
    try:
        t.wait(0)
    except BrokenBarrierError as e:
        print("still broken:", type(e).__name__)
    t.reset()
    print("after reset:", t.broken, addr(t))

    a = mp.Barrier(2)
    p = mp.Process(target=pass_, args=(a, q, 1))
    p.start()
    until_waiting(a, 1)
    print(addr(a))
    a.abort()
    print("aborted:", q.get(), a.broken)
    p.join()
    try:
        a.wait()
    except BrokenBarrierError as e:
        print("wait after abort:", type(e).__name__)

    r = mp.Barrier(2)
    p = mp.Process(target=pass_, args=(r, q, 1))
    p.start()
    until_waiting(r, 1)
    r.reset()
    print("reset while waiting:", q.get(), r.broken, addr(r))
    p.join()

    f = mp.Barrier(1, boom)
    try:
        f.wait()
    except ValueError as e:
        print("action raised:", e, f.broken)
    print("one party:", mp.Barrier(1).wait(timeout=1))

    _, w = mp.Pipe()
    try:
        w.send(b)
    except RuntimeError as e:
        print("RuntimeError:", e)
