import multiprocessing

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing


def sleeper(c, q, name, timeout):
    with c:
        q.put(f"{name} ready")
        q.put(f"{name} woke {c.wait(timeout)}")


if __name__ == "__main__":
    q = mp.Queue()
    c = mp.Condition()
    print(c, mp.Condition(mp.Lock()), mp.Condition(lock=None))
    for name, f in [("wait", lambda: c.wait()), ("notify", lambda: c.notify()), ("notify_all", lambda: c.notify_all())]:
        try:
            f()
        except AssertionError as err:
            print(name, "AssertionError:", err)
    with c:
        print(c, c.wait(0.01), c.wait(timeout=0))
        print(c.wait_for(lambda: 0, 0.01), c.wait_for(lambda: 5), c.wait_for(lambda: "", timeout=0))
        c.notify()
        c.notify(0)
        c.notify(n=3)
        c.notify_all()
    c.acquire()
    c.acquire()
    print(c, c.wait(0.01), c)
    c.release()
    c.release()
    print(c)

    # notify(n) wakes at most n of the waiters, notify_all the rest.
    sleepers = [mp.Process(target=sleeper, args=(c, q, n, None)) for n in ["a", "b", "c"]]
    for s in sleepers:
        s.start()
        q.get()
    with c:
        print("waiting:", c)
        c.notify(2)
    first = [q.get(), q.get()]
    with c:
        print("still waiting:", c)
        c.notify_all()
    print(sorted(first + [q.get()]))
    for s in sleepers:
        s.join()

    # A waiter that timed out does not take a notify meant for the one still waiting.
    early = mp.Process(target=sleeper, args=(c, q, "early", 0.5))
    early.start()
    print(q.get())
    late = mp.Process(target=sleeper, args=(c, q, "late", None))
    late.start()
    print(sorted([q.get(), q.get()]))
    with c:
        c.notify()
    print(q.get())
    early.join()
    late.join()

    _, w = mp.Pipe()
    try:
        w.send(c)
    except RuntimeError as err:
        print("RuntimeError:", err)
