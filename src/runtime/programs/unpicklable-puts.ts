// Puts a lambda, a queue and a top-level function into a queue: only the last is sent.
import { Queue } from "multiprocessing";

function top() {}

if (__name__ === "__main__") {
  const q = new Queue();
  for (const v of [() => 1, new Queue(), top]) {
    try {
      q.put(v);
      print("put");
    } catch (e) {
      print((e as Error).name + ": " + (e as Error).message);
    }
  }
  print(q.qsize());
}
