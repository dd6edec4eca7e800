// Two children write 20,000 lines each to stdout at the same time.
import { Process } from "multiprocessing";
import * as sys from "sys";

function w(tag: string) {
  for (let i = 0; i < 20000; i++) sys.stdout.write(tag + i + "\n");
}

if (__name__ === "__main__") {
  const a = new Process({ target: w, args: ["a"] });
  const b = new Process({ target: w, args: ["b"] });
  a.start();
  b.start();
  a.join();
  b.join();
}
