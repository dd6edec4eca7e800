// Starts 80 processes that sleep, more than the 64 that may be alive at once.
import { Process } from "multiprocessing";
import * as time from "time";

function wait() {
  time.sleep(0.5);
}

if (__name__ === "__main__") {
  const ps: Process[] = [];
  try {
    for (let i = 0; i < 80; i++) {
      const p = new Process({ target: wait });
      p.start();
      ps.push(p);
    }
  } catch (e) {
    print((e as Error).name, ps.length);
  }
  for (const p of ps) p.join();
  print(
    "all joined",
    ps.every((p) => p.exitcode === 0),
  );
}
