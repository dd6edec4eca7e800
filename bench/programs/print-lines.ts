// P1: two children print LINES_PER_PROC lines each; the parent times start()..join().
import { Process } from "multiprocessing";
import * as time from "time";

/** Lines per child; the harness reads it from here (bench/programs.ts) and gives CPython's twin the same. */
const LINES_PER_PROC = 50_000;

function writer(n: number) {
  for (let i = 0; i < n; i++) {
    print(i);
  }
}

if (__name__ === "__main__") {
  const epoch0 = time.time();
  const t = time.perf_counter();
  const a = new Process({ target: writer, args: [LINES_PER_PROC] });
  const b = new Process({ target: writer, args: [LINES_PER_PROC] });
  a.start();
  b.start();
  a.join();
  b.join();
  const ms = (time.perf_counter() - t) * 1000;
  const epoch1 = time.time();
  // Wall-clock stamps let the harness split click-to-shown into before/during/after the program.
  print(
    `BENCH print_lines_ms ${ms.toFixed(1)} start_epoch_ms=${(epoch0 * 1000).toFixed(1)} end_epoch_ms=${(epoch1 * 1000).toFixed(1)}`,
  );
}
