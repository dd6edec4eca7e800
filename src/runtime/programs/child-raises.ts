// A child whose target raises two frames deep.
import { Process } from "multiprocessing";

function helper() {
  throw new ValueError("bad value");
}

function f() {
  helper();
}

if (__name__ === "__main__") {
  const p = new Process({ target: f });
  p.start();
  p.join();
}
