import multiprocessing

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing


def worker(jobs):
    while True:
        job = jobs.get()
        if job is None:
            break
        n, reply = job
        reply.send(n * n)
        reply.close()


def relay(inbox):
    conn = inbox.recv()
    conn.send(["relayed", conn.readable, conn.writable])
    conn.close()


if __name__ == "__main__":
    jobs = mp.Queue()
    p = mp.Process(target=worker, args=(jobs,))
    p.start()
    for n in [3, 4]:
        mine, theirs = mp.Pipe(False)
        jobs.put([n, theirs])
        print(n, "->", mine.recv())
        theirs.close()
        try:
            mine.recv()
        except Exception as e:
            print("then", type(e).__name__)
    jobs.put(None)
    p.join()

    inbox_r, inbox_w = mp.Pipe(False)
    a, b = mp.Pipe()
    r = mp.Process(target=relay, args=(inbox_r,))
    r.start()
    inbox_w.send(b)
    b.close()
    print(a.recv())
    r.join()
    print("exitcodes", p.exitcode, r.exitcode)
