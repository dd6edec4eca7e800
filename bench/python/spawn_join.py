#!/usr/bin/env python3
"""A1 twin: start+join of an empty Process, per start method, two ways.

- The mean over N_SPAWN=20 sequential start+joins: b_spawn() from the shared reference
  (../shared/reference/cpython_mp.py relative to the repo root) when it exists, so the
  figure is measured exactly as the reference does; otherwise an identical copy below.
- Each start+join timed on its own, --n of them (the harness passes spawn-join.ts's
  N_SPAWN), as the playground's program does: p50, p95 and max by nearest rank.

Before timing, two processes per start method are started and joined untimed, as the
playground's program does: the bench runs this script once per repetition, and without
it every forkserver figure would include starting the fork server.

Usage: python3 spawn_join.py [--reps N] [--n N] [--reference PATH]
Prints one JSON object on stdout: {"source", "python", "n", "methods": {m: [ms/proc per rep]},
"per_call_n", "per_call": {m: {"p50": [ms per rep], "p95": [...], "max": [...]}}}.
"""
import json
import math
import multiprocessing as mp
import os
import sys
import time

N_SPAWN = 20
WARMUP = 2


def empty():
    pass


def b_spawn_twin(method):
    ctx = mp.get_context(method)
    t = time.perf_counter()
    for _ in range(N_SPAWN):
        p = ctx.Process(target=empty)
        p.start()
        p.join()
    return (time.perf_counter() - t) / N_SPAWN * 1e3, "ms/proc"


def nearest_rank(sorted_values, q):
    """The smallest value with at least q of them at or below it (as spawn-join.ts)."""
    return sorted_values[max(0, math.ceil(q * len(sorted_values)) - 1)]


def per_call(method, n):
    """p50, p95 and max of n start+joins, each timed on its own, ms."""
    ctx = mp.get_context(method)
    each = []
    for _ in range(n):
        t0 = time.perf_counter()
        p = ctx.Process(target=empty)
        p.start()
        p.join()
        each.append((time.perf_counter() - t0) * 1e3)
    each.sort()
    return {"p50": nearest_rank(each, 0.5), "p95": nearest_rank(each, 0.95), "max": each[-1]}


def load_b_spawn(reference):
    """The reference's b_spawn, importable by spawn/forkserver children via sys.path."""
    if reference and os.path.isfile(reference):
        sys.path.insert(0, os.path.dirname(os.path.abspath(reference)))
        mod = __import__(os.path.splitext(os.path.basename(reference))[0])
        if getattr(mod, "N_SPAWN", None) == N_SPAWN and hasattr(mod, "b_spawn"):
            return mod.b_spawn, os.path.abspath(reference)
    return b_spawn_twin, "bench/python/spawn_join.py (twin)"


def main():
    argv = sys.argv
    reps = int(argv[argv.index("--reps") + 1]) if "--reps" in argv else 3
    n = int(argv[argv.index("--n") + 1]) if "--n" in argv else 40
    reference = argv[argv.index("--reference") + 1] if "--reference" in argv else None
    b_spawn, source = load_b_spawn(reference)
    methods, calls = {}, {}
    for m in ("fork", "spawn", "forkserver"):
        for _ in range(WARMUP):
            warm = mp.get_context(m).Process(target=empty)
            warm.start()
            warm.join()
        methods[m], calls[m] = [], {"p50": [], "p95": [], "max": []}
        for _ in range(reps):
            methods[m].append(b_spawn(m)[0])
            for k, v in per_call(m, n).items():
                calls[m][k].append(v)
    out = {"source": source, "python": sys.version.split()[0], "n": N_SPAWN, "methods": methods, "per_call_n": n, "per_call": calls}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
