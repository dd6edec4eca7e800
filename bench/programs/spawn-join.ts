// A1: start+join of an empty Process, N=20 sequentially after 2 warm-up rounds (cpython_mp.py's b_spawn).
// Extra fields: mean time inside start(), and the slowest single start+join.
import { Process } from "multiprocessing";
import * as time from "time";

function empty() {}

if (__name__ === "__main__") {
  const N = 20;
  for (let i = 0; i < 2; i++) {
    const p = new Process({ target: empty });
    p.start();
    p.join();
  }
  let inStart = 0;
  let slowest = 0;
  const t = time.perf_counter();
  for (let i = 0; i < N; i++) {
    const t0 = time.perf_counter();
    const p = new Process({ target: empty });
    p.start();
    const t1 = time.perf_counter();
    p.join();
    inStart += t1 - t0;
    slowest = Math.max(slowest, time.perf_counter() - t0);
  }
  const ms = ((time.perf_counter() - t) / N) * 1000;
  const extra = `start_ms=${((inStart / N) * 1000).toFixed(3)} slowest_ms=${(slowest * 1000).toFixed(3)}`;
  print(`BENCH spawn_join_ms ${ms.toFixed(3)} ${extra}`);
}
