// Starts more processes than the playground allows at once, and joins the ones that started.
import { Process } from "multiprocessing";
import * as time from "time";

function nap() {
  time.sleep(1);
}

if (__name__ === "__main__") {
  const started: Process[] = [];
  try {
    for (let i = 0; i < 80; i++) {
      const p = new Process({ target: nap });
      p.start();
      started.push(p);
    }
  } catch (e) {
    const err = e as Error;
    print(`${err.constructor.name}: ${err.message}`);
  }
  for (const p of started) {
    p.join();
  }
  print(`joined ${started.length}`);
}
