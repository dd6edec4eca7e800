// Puts a closed Connection into a queue.
import { Pipe, Queue } from "multiprocessing";

if (__name__ === "__main__") {
  const q = new Queue();
  const [a] = Pipe();
  a.close();
  try {
    q.put(a);
  } catch (e) {
    print((e as Error).name + ": " + (e as Error).message);
  }
}
