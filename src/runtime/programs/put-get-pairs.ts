// A child puts a list and a long string into a bounded queue; the main process gets both.
import { Process, Queue } from "multiprocessing";

function f(q: Queue) {
  q.put(["one", "two", 3]);
  q.put("x".repeat(500));
}

if (__name__ === "__main__") {
  const q = new Queue(2);
  const p = new Process({ target: f, args: [q] });
  p.start();
  q.get();
  q.get();
  p.join();
}
