/**
 * The browser workloads as playground programs. Each measures itself with
 * time.perf_counter() and prints one `BENCH <name> <value> [key=value ...]` line last.
 */

/**
 * A1: start+join of an empty Process, N=20 sequentially after 2 warm-up rounds (cpython_mp.py's b_spawn).
 * Extra fields: mean time inside start(), and the slowest single start+join.
 */
export const SPAWN_JOIN = `import { Process } from "multiprocessing";
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
  const extra = \`start_ms=\${((inStart / N) * 1000).toFixed(3)} slowest_ms=\${(slowest * 1000).toFixed(3)}\`;
  print(\`BENCH spawn_join_ms \${ms.toFixed(3)} \${extra}\`);
}
`;

export const PRINT_LINES_PER_PROC = 50_000;

/** P1: two children print 50,000 lines each; the parent times start()..join(). */
export const PRINT_LINES = `import { Process } from "multiprocessing";
import * as time from "time";

function writer(n: number) {
  for (let i = 0; i < n; i++) {
    print(i);
  }
}

if (__name__ === "__main__") {
  const epoch0 = time.time();
  const t = time.perf_counter();
  const a = new Process({ target: writer, args: [${PRINT_LINES_PER_PROC}] });
  const b = new Process({ target: writer, args: [${PRINT_LINES_PER_PROC}] });
  a.start();
  b.start();
  a.join();
  b.join();
  const ms = (time.perf_counter() - t) * 1000;
  const epoch1 = time.time();
  // Wall-clock stamps let the harness split click-to-shown into before/during/after the program.
  print(\`BENCH print_lines_ms \${ms.toFixed(1)} start_epoch_ms=\${(epoch0 * 1000).toFixed(1)} end_epoch_ms=\${(epoch1 * 1000).toFixed(1)}\`);
}
`;
