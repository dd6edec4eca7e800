// V1: a shared Value incremented under its own lock, N_INCR times in one process, after
// a short untimed warm-up; value: ns per increment (CPython's twin: bench/python/locks.py
// value_incr). The bench shows "n/a (not available)" while the runtime raises NotImplementedError.
import { Value } from "multiprocessing";
import * as time from "time";

/** Increments timed; the harness reads it from here and gives CPython's twin the same number. */
const N_INCR = 1_000_000;

if (__name__ === "__main__") {
  const v = new Value("i", 0);
  for (let i = 0; i < 1000; i++) {
    with_(v.get_lock(), () => {
      v.value += 1;
    });
  }
  const t = time.perf_counter();
  for (let i = 0; i < N_INCR; i++) {
    with_(v.get_lock(), () => {
      v.value += 1;
    });
  }
  const dt = time.perf_counter() - t;
  if (v.value !== N_INCR + 1000) throw new RuntimeError(`value is ${v.value}, expected ${N_INCR + 1000}`);
  print(`BENCH value_incr_ns ${((dt / N_INCR) * 1e9).toFixed(1)}`);
}
