import multiprocessing
import time

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing


def counter(lock, total, n):
    for _ in range(n):
        with lock:
            total.put(1)


def hold(lock, ready):
    lock.acquire()
    ready.put("holding")
    time.sleep(0.3)
    lock.release()


def recurse(rlock, depth):
    with rlock:
        if depth > 0:
            recurse(rlock, depth - 1)
        else:
            print("deepest", rlock)


def gate(sem, q):
    q.put(sem.acquire(timeout=0.5))


if __name__ == "__main__":
    lock = mp.Lock()
    print(lock, lock.acquire(False), lock, lock.acquire(timeout=0.05))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print("ValueError:", e)

    ready = mp.Queue()
    p = mp.Process(target=hold, args=(lock, ready))
    p.start()
    print(ready.get())
    print("busy while held:", lock.acquire(block=False))
    t = time.monotonic()
    print("waited for it:", lock.acquire(timeout=5), time.monotonic() - t > 0.1)
    lock.release()
    p.join()

    r = mp.RLock()
    print(r)
    p = mp.Process(target=recurse, args=(r, 3))
    p.start()
    p.join()
    r.acquire()
    r.acquire()
    print(r)
    r.release()
    r.release()
    try:
        r.release()
    except AssertionError as e:
        print("AssertionError:", e)

    s = mp.Semaphore(2)
    q = mp.Queue()
    ps = [mp.Process(target=gate, args=(s, q)) for i in range(5)]
    for p in ps:
        p.start()
    print("let in:", sorted(q.get() for _ in range(5)))
    for p in ps:
        p.join()
    print(s.get_value(), s)

    b = mp.BoundedSemaphore(1)
    b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    print(b)
    try:
        mp.Semaphore(-1)
    except OSError as e:
        print("OSError:", e)
