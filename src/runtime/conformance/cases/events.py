import multiprocessing
import re
import time

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing


def set_later(e):
    time.sleep(0.1)
    e.set()


def wait_for(e, q):
    q.put(f"woke {e.wait()}")


def addr(x):
    return re.sub(r"0x[0-9a-f]+", "ADDR", str(x))


if __name__ == "__main__":
    e = mp.Event()
    print(addr(e), e.is_set(), e.wait(0), e.wait(timeout=0.01), e.wait(-1))
    p = mp.Process(target=set_later, args=(e,))
    p.start()
    print("waited:", e.wait(), e.is_set())
    p.join()
    print(addr(e), e.wait(0))
    e.set()
    e.clear()
    print("after clear:", e.is_set(), e.wait(0.05))
    e.clear()

    q = mp.Queue()
    ws = [mp.Process(target=wait_for, args=(e, q)) for _ in range(2)]
    for w in ws:
        w.start()
    e.set()
    print([q.get(), q.get()])
    for w in ws:
        w.join()

    _, w = mp.Pipe()
    try:
        w.send(e)
    except RuntimeError as err:
        print("RuntimeError:", err)
