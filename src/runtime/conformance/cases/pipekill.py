import multiprocessing

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing
import time


def hold(conn, also):
    conn.send(["ready", len(also)])
    time.sleep(60)


def hold_from_queue(q):
    conn = q.get()
    conn.send("got it through the queue")
    time.sleep(60)


if __name__ == "__main__":
    a, b = mp.Pipe()
    p = mp.Process(target=hold, args=(b, [b]))
    p.start()
    b.close()
    print(a.recv())
    p.terminate()
    p.join()
    try:
        a.recv()
    except Exception as e:
        print("recv after the holder was terminated:", type(e).__name__)
    print("exitcode", p.exitcode)

    r, w = mp.Pipe(False)
    q = mp.Process(target=hold, args=(w, []))
    q.start()
    w.close()
    print(r.recv())
    q.kill()
    q.join()
    try:
        r.recv()
    except Exception as e:
        print("recv after the holder was killed:", type(e).__name__)
    print("exitcode", q.exitcode)

    c, d = mp.Pipe()
    jobs = mp.Queue()
    h = mp.Process(target=hold_from_queue, args=(jobs,))
    h.start()
    jobs.put(d)
    print(c.recv())
    d.close()
    h.terminate()
    h.join()
    try:
        c.recv()
    except Exception as e:
        print("recv after the holder was terminated:", type(e).__name__)
