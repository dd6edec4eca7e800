#!/usr/bin/env python3
"""L1, L2 and V1 twins: a Lock contended by two processes, an uncontended Lock, and a
locked Value increment, each as its playground program in bench/programs/ does it.

  lock_contended    two children each loop N times: lock.acquire(); n += 1 (a local
                    counter); lock.release(). Timed from the first start() until both
                    are joined; acquire+release pairs per second, both together (ops/s).
                    Like lock-contended.ts, and unlike the reference's b_lock_contended
                    (a shared RawValue, a Barrier, 50k each), so the two programs match.
  lock_uncontended  one process, N acquire+release pairs after 1,000 untimed; ns per pair.
  value_incr        one process, N times `with v.get_lock(): v.value += 1` after 1,000
                    untimed; ns per increment.

Default start method ('fork' on Linux), as the reference.
Usage: python3 locks.py --only NAME --n N
Prints one JSON object on stdout: {"python", "start_method", "name", "value", "unit"}.
"""
import json
import multiprocessing as mp
import sys
import time

now = time.perf_counter
WARMUP = 1000


def lock_worker(lock, n):
    count = 0
    for _ in range(n):
        lock.acquire()
        count += 1
        lock.release()
    assert count == n, count


def b_contended(n):
    lock = mp.Lock()
    ps = [mp.Process(target=lock_worker, args=(lock, n)) for _ in range(2)]
    t = now()
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    dt = now() - t
    assert all(p.exitcode == 0 for p in ps), [p.exitcode for p in ps]
    return 2 * n / dt, "ops/s"


def b_uncontended(n):
    lock = mp.Lock()
    for _ in range(WARMUP):
        lock.acquire()
        lock.release()
    t = now()
    for _ in range(n):
        lock.acquire()
        lock.release()
    return (now() - t) / n * 1e9, "ns/pair"


def b_value(n):
    v = mp.Value("i", 0)
    for _ in range(WARMUP):
        with v.get_lock():
            v.value += 1
    t = now()
    for _ in range(n):
        with v.get_lock():
            v.value += 1
    dt = now() - t
    assert v.value == n + WARMUP, v.value
    return dt / n * 1e9, "ns/incr"


def main():
    argv = sys.argv
    name = argv[argv.index("--only") + 1]
    n = int(argv[argv.index("--n") + 1])
    bench = {"lock_contended": b_contended, "lock_uncontended": b_uncontended, "value_incr": b_value}[name]
    value, unit = bench(n)
    print(json.dumps({"python": sys.version.split()[0], "start_method": mp.get_start_method(), "name": name, "value": value, "unit": unit}))


if __name__ == "__main__":
    main()
