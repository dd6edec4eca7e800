// L2: an uncontended Lock: one process acquires and releases it N_PAIRS times, after
// a short untimed warm-up; value: ns per acquire+release pair (CPython's twin:
// bench/python/locks.py lock_uncontended).
import { Lock } from "multiprocessing";
import * as time from "time";

/**
 * Pairs timed; the harness reads it from here and gives CPython's twin the same number.
 * 2M operations, far more than a process's event ring holds as records (1M UTF-16 units,
 * ~50k records): as records of their own they had made the process wait for the kernel
 * to drain (in the CLI under load ~30, 200k pairs took 6 µs each and 1M took 13 µs).
 * As runs (events/opRun.ts) they are a few records per drain, so the figure is the
 * process's own cost.
 */
const N_PAIRS = 1_000_000;

if (__name__ === "__main__") {
  const lock = new Lock();
  for (let i = 0; i < 1000; i++) {
    lock.acquire();
    lock.release();
  }
  const t = time.perf_counter();
  for (let i = 0; i < N_PAIRS; i++) {
    lock.acquire();
    lock.release();
  }
  const dt = time.perf_counter() - t;
  print(`BENCH lock_uncontended_ns ${((dt / N_PAIRS) * 1e9).toFixed(1)}`);
}
