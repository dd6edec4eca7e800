#!/usr/bin/env python3
"""A1 twin: start+join of an empty Process, N=20 sequentially, per start method.

Reuses b_spawn() from the shared reference (../shared/reference/cpython_mp.py relative
to the repo root) when it exists, so the figure is measured exactly as the reference
does; otherwise falls back to an identical copy below.

Before timing, one process per start method is started and joined untimed: the bench
runs this script once per repetition, and without it every forkserver figure would
include starting the fork server (in the reference's median of 3 only the first one does).

Usage: python3 spawn_join.py [--reps N] [--reference PATH]
Prints one JSON object on stdout: {"source", "python", "methods": {m: [ms/proc per rep]}}.
"""
import json
import multiprocessing as mp
import os
import sys
import time

N_SPAWN = 20


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
    reference = argv[argv.index("--reference") + 1] if "--reference" in argv else None
    b_spawn, source = load_b_spawn(reference)
    methods = {}
    for m in ("fork", "spawn", "forkserver"):
        warm = mp.get_context(m).Process(target=empty)
        warm.start()
        warm.join()
        methods[m] = [b_spawn(m)[0] for _ in range(reps)]
    print(json.dumps({"source": source, "python": sys.version.split()[0], "n": N_SPAWN, "methods": methods}))


if __name__ == "__main__":
    main()
