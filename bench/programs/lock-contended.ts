// L1: a Lock contended by two processes: each acquires it, adds one to a local counter
// and releases it, N_LOCK times. Timed from the first start() until both are joined;
// value: acquire+release pairs per second, both processes together (CPython's twin:
// bench/python/locks.py lock_contended).
import { Lock, Process } from "multiprocessing";
import * as time from "time";

/** Pairs per process; the harness reads it from here and gives CPython's twin the same number. */
const N_LOCK = 100_000;

function lock_worker(lock: Lock, n: number) {
  let count = 0;
  for (let i = 0; i < n; i++) {
    lock.acquire();
    count += 1;
    lock.release();
  }
  if (count !== n) throw new RuntimeError(`counted ${count} of ${n}`);
}

if (__name__ === "__main__") {
  const lock = new Lock();
  const ps = [0, 1].map(() => new Process({ target: lock_worker, args: [lock, N_LOCK] }));
  const t = time.perf_counter();
  for (const p of ps) p.start();
  for (const p of ps) p.join();
  const dt = time.perf_counter() - t;
  for (const p of ps) if (p.exitcode !== 0) throw new RuntimeError(`${p.name} exited ${p.exitcode}`);
  print(`BENCH lock_contended_ops_s ${((2 * N_LOCK) / dt).toFixed(1)}`);
}
