// A child writes to stdout and stderr; the main process exits with code 4.
import { Process } from "multiprocessing";
import * as sys from "sys";

function f() {
  print("child");
  sys.stderr.write("warn\n");
}

if (__name__ === "__main__") {
  const p = new Process({ target: f });
  p.start();
  p.join();
  print("exitcode", p.exitcode);
  sys.exit(4);
}
