// A1: start+join of an empty Process, N_SPAWN sequentially after 2 warm-up rounds,
// each start+join timed on its own (CPython's twin: bench/python/spawn_join.py).
// Value: mean ms per start+join. Fields: mean time inside start(), and the p50, p95
// and max of the single start+joins (nearest rank, as in the twin).
import { Process } from "multiprocessing";
import * as time from "time";

/** Start+joins timed; the harness reads it from here and gives CPython's twin the same number. */
const N_SPAWN = 40;

function empty() {}

/** The q-quantile of `sorted` by nearest rank: the smallest value with at least q of them at or below it. */
function nearestRank(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

if (__name__ === "__main__") {
  for (let i = 0; i < 2; i++) {
    const p = new Process({ target: empty });
    p.start();
    p.join();
  }
  let inStart = 0;
  const each: number[] = [];
  const t = time.perf_counter();
  for (let i = 0; i < N_SPAWN; i++) {
    const t0 = time.perf_counter();
    const p = new Process({ target: empty });
    p.start();
    const t1 = time.perf_counter();
    p.join();
    inStart += t1 - t0;
    each.push((time.perf_counter() - t0) * 1000);
  }
  const ms = ((time.perf_counter() - t) / N_SPAWN) * 1000;
  each.sort((a, b) => a - b);
  const [p50, p95, max] = [0.5, 0.95, 1].map((q) => nearestRank(each, q).toFixed(3));
  const extra = `start_ms=${((inStart / N_SPAWN) * 1000).toFixed(3)} p50_ms=${p50} p95_ms=${p95} max_ms=${max}`;
  print(`BENCH spawn_join_ms ${ms.toFixed(3)} ${extra}`);
}
