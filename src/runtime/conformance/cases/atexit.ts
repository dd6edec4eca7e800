import { Process } from "multiprocessing";
import * as time from "time";

function forever() {
  while (true) time.sleep(0.05);
}

function slow() {
  time.sleep(0.3);
  print("non-daemon child finished after main's code ended");
}

if (__name__ === "__main__") {
  const d = new Process({ target: forever, daemon: true });
  const n = new Process({ target: slow });
  d.start();
  n.start();
  print("main's code ends here");
  throw new RuntimeError("main fails, children are still handled");
}
