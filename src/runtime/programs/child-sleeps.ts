// A child named "sleeper" sleeps 50 ms; the main process joins it.
import { Process } from "multiprocessing";
import * as time from "time";

function f() {
  time.sleep(0.05);
}

if (__name__ === "__main__") {
  const p = new Process({ target: f, name: "sleeper" });
  p.start();
  p.join();
}
