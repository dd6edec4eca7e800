#!/usr/bin/env python3
"""A2/A3 twins: Queue and Pipe throughput child->parent, and Pipe ping-pong.

Reuses b_queue(), b_pipe() and b_pingpong() from the shared reference
(../shared/reference/cpython_mp.py relative to the repo root) when it exists, so the
figures are measured exactly as the reference does (default start method, 'fork' on
Linux); otherwise falls back to identical copies below.

  queue_ints   Queue, 100,000 small ints child->parent, msg/s   (b_queue(None))
  queue_bytes  Queue, 100,000 x b"x" * 1024 child->parent, msg/s (b_queue(b"x" * 1024))
  pipe         Pipe(duplex=False), 100,000 small ints, msg/s      (b_pipe())
  pingpong     duplex Pipe, 20,000 round trips, us per round trip (b_pingpong())

Usage: python3 channels.py [--reps N] [--reference PATH] [--only NAME[,NAME...]]
Prints one JSON object on stdout: {"source", "python", "results": {name: [value per rep]}}.
"""
import json
import multiprocessing as mp
import os
import sys
import time

N_MSG = 100_000
N_PING = 20_000
now = time.perf_counter


# ---- twins of the reference (used only when it cannot be imported) ----
def q_producer(q, n, payload):
    for i in range(n):
        q.put(payload if payload is not None else i)


def pipe_producer(conn, n):
    for i in range(n):
        conn.send(i)


def pipe_echo(conn):
    while (x := conn.recv()) is not None:
        conn.send(x)


def b_queue_twin(payload):
    q = mp.Queue()
    p = mp.Process(target=q_producer, args=(q, N_MSG, payload))
    p.start()
    q.get()
    t = now()
    for _ in range(N_MSG - 1):
        q.get()
    dt = now() - t
    p.join()
    return (N_MSG - 1) / dt, "msg/s"


def b_pipe_twin():
    r, w = mp.Pipe(duplex=False)
    p = mp.Process(target=pipe_producer, args=(w, N_MSG))
    p.start()
    r.recv()
    t = now()
    for _ in range(N_MSG - 1):
        r.recv()
    dt = now() - t
    p.join()
    return (N_MSG - 1) / dt, "msg/s"


def b_pingpong_twin():
    a, b = mp.Pipe()
    p = mp.Process(target=pipe_echo, args=(b,))
    p.start()
    a.send(0); a.recv()
    t = now()
    for i in range(N_PING):
        a.send(i)
        a.recv()
    dt = now() - t
    a.send(None)
    p.join()
    return dt / N_PING * 1e6, "us/rt"


def load_benchmarks(reference):
    """The reference's functions, importable by children via sys.path; else the twins."""
    if reference and os.path.isfile(reference):
        sys.path.insert(0, os.path.dirname(os.path.abspath(reference)))
        mod = __import__(os.path.splitext(os.path.basename(reference))[0])
        if getattr(mod, "N_MSG", None) == N_MSG and getattr(mod, "N_PING", None) == N_PING and all(
            hasattr(mod, f) for f in ("b_queue", "b_pipe", "b_pingpong")
        ):
            return mod.b_queue, mod.b_pipe, mod.b_pingpong, os.path.abspath(reference)
    return b_queue_twin, b_pipe_twin, b_pingpong_twin, "bench/python/channels.py (twin)"


def main():
    argv = sys.argv
    reps = int(argv[argv.index("--reps") + 1]) if "--reps" in argv else 3
    reference = argv[argv.index("--reference") + 1] if "--reference" in argv else None
    b_queue, b_pipe, b_pingpong, source = load_benchmarks(reference)
    benches = {
        "queue_ints": lambda: b_queue(None),
        "queue_bytes": lambda: b_queue(b"x" * 1024),
        "pipe": b_pipe,
        "pingpong": b_pingpong,
    }
    only = argv[argv.index("--only") + 1].split(",") if "--only" in argv else list(benches)
    results = {name: [benches[name]()[0] for _ in range(reps)] for name in only}
    print(json.dumps({"source": source, "python": sys.version.split()[0], "start_method": mp.get_start_method(), "results": results}))


if __name__ == "__main__":
    main()
