// A child writes to stdout and to stderr; the main process writes to stdout.
import { Process } from "multiprocessing";
import * as sys from "sys";

function speak() {
  print("child says hello");
  print("child complains", { file: sys.stderr });
}

if (__name__ === "__main__") {
  print("main says hello");
  const p = new Process({ target: speak });
  p.start();
  p.join();
  print("main is done");
}
