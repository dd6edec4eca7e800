// join(timeout): wait for a child, but not forever.
//
// Watch the timeline: Process-1 is busy computing for a few seconds. The main
// process blocks in p.join(1) for one second at a time; each time the timeout
// passes, join() simply returns (it raises nothing), so the parent checks
// is_alive() and prints "still running...". When the child finishes, the last
// join() returns at once and exitcode is 0. (In CPython: p.join(timeout=1).)
import { Process } from "multiprocessing";
import * as time from "time";

// About 2-3 seconds of pure computation in a browser's JavaScript engine.
// Make it larger or smaller if your machine is much slower or faster.
const N = 2_100_000_000;

function crunch(n: number) {
  const start = time.perf_counter();
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += i & 0xff;
  }
  const secs = time.perf_counter() - start;
  print(`child: summed ${n} numbers to ${total} in ${secs.toFixed(2)} s`);
}

if (__name__ === "__main__") {
  const p = new Process({ target: crunch, args: [N] });
  const t0 = time.monotonic();
  p.start();

  p.join(1);
  while (p.is_alive()) {
    const waited = (time.monotonic() - t0).toFixed(1);
    print(`still running... after ${waited} s, is_alive() =`, p.is_alive());
    p.join(1);
  }

  p.join(); // returns at once: the child has already ended
  print("done: is_alive() =", p.is_alive(), "exitcode =", p.exitcode);
}
