// The main process joins a child that sleeps, then exits with a code of its own.
import { Process } from "multiprocessing";
import * as sys from "sys";
import * as time from "time";

function napper(secs: number) {
  time.sleep(secs);
  sys.exit(3);
}

if (__name__ === "__main__") {
  const p = new Process({ target: napper, args: [1.5] });
  p.start();
  p.join();
  print(`exitcode=${p.exitcode}`);
}
