// A target defined inside the main block, so a child cannot find it by name.
import { Process } from "multiprocessing";

if (__name__ === "__main__") {
  const inner = () => print("x");
  new Process({ target: inner }).start();
}
