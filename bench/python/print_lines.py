#!/usr/bin/env python3
"""P1 twin: two child processes each print 50,000 lines to the inherited stdout.

Run with stdout redirected to a pipe that the harness reads until EOF. The parent
prints nothing on stdout; it times start() of the first child .. join() of the last
and reports on stderr as one line: BENCH_JSON {...}.

Usage: python3 print_lines.py --method fork|spawn|forkserver [--lines 50000] [--procs 2]
"""
import json
import multiprocessing as mp
import sys
import time


def writer(n):
    for i in range(n):
        print(i)
    # multiprocessing flushes sys.stdout when the child exits (util._flush_std_streams)


def main():
    argv = sys.argv
    method = argv[argv.index("--method") + 1] if "--method" in argv else "fork"
    lines = int(argv[argv.index("--lines") + 1]) if "--lines" in argv else 50_000
    procs = int(argv[argv.index("--procs") + 1]) if "--procs" in argv else 2
    ctx = mp.get_context(method)
    ps = [ctx.Process(target=writer, args=(lines,)) for _ in range(procs)]
    t = time.perf_counter()
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    ms = (time.perf_counter() - t) * 1e3
    exitcodes = [p.exitcode for p in ps]
    sys.stderr.write("BENCH_JSON " + json.dumps({"method": method, "ms": ms, "exitcodes": exitcodes}) + "\n")


if __name__ == "__main__":
    main()
