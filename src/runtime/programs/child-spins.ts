// A child that loops forever after one line of output, and a parent that joins it.
import { Process } from "multiprocessing";

function spin() {
  print("spinning");
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
