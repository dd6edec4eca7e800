import multiprocessing
import queue

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing


def f(q):
    q.put(["one", "two", 3])


def producer(q, name, n):
    for i in range(n):
        q.put([name, i])


def consumer(q, results):
    total = 0
    while True:
        item = q.get()
        if item is None:
            break
        total += item[1]
    results.put(total)


def worker(q, out):
    while True:
        job = q.get()
        out.put(job * job)
        q.task_done()


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=f, args=(q,))
    p.start()
    print(q.get())
    p.join()

    bounded = mp.Queue(2)
    bounded.put(1)
    bounded.put(2, block=False)
    import time; time.sleep(0.05)  # CPython's feeder thread makes put visible later
    print("full:", bounded.full(), bounded.qsize(), bounded.empty())
    try:
        bounded.put_nowait(3)
    except Exception as e:
        print("put_nowait raised", type(e).__name__, str(e) == "", isinstance(e, queue.Full))
    try:
        bounded.put(3, True, 0.05)
    except Exception as e:
        print("timed put raised", type(e).__name__)
    print(bounded.get(), bounded.get_nowait())
    try:
        bounded.get(timeout=0.05)
    except Exception as e:
        print("timed get raised", type(e).__name__, isinstance(e, queue.Empty))

    work = mp.Queue()
    results = mp.Queue()
    producers = [mp.Process(target=producer, args=(work, name, 100)) for name in ["a", "b", "c"]]
    consumers = [mp.Process(target=consumer, args=(work, results)) for _ in range(2)]
    for x in producers + consumers:
        x.start()
    for x in producers:
        x.join()
    for _ in consumers:
        work.put(None)
    totals = [results.get(), results.get()]
    for x in consumers:
        x.join()
    print("sum of everything consumed:", totals[0] + totals[1])

    jobs = mp.JoinableQueue()
    squares = mp.SimpleQueue()
    w = mp.Process(target=worker, args=(jobs, squares), daemon=True)
    w.start()
    for i in range(1, 5):
        jobs.put(i)
    jobs.join()
    got = []
    while not squares.empty():
        got.append(squares.get())
    print("squares:", got)
    try:
        jobs.task_done()
    except Exception as e:
        print(type(e).__name__, str(e))

    q.close()
    try:
        q.put(1)
    except Exception as e:
        print("after close:", type(e).__name__)
