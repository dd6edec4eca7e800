// A child that never ends, and a main process that waits for it.
import { Process } from "multiprocessing";

function spin() {
  print("child spinning");
  while (true) {
    // spin
  }
}

if (__name__ === "__main__") {
  const p = new Process({ target: spin });
  p.start();
  p.join();
  print("never printed");
}
