// get() on an empty queue that nobody will ever put into.
import { Queue } from "multiprocessing";

if (__name__ === "__main__") {
  const q = new Queue();
  print("waiting");
  q.get();
  print("never printed");
}
