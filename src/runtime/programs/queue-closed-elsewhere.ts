// The main process closes a queue its child is waiting on: the child keeps waiting.
import { Process, Queue } from "multiprocessing";

function consume(q: Queue) {
  print("got", q.get());
}

if (__name__ === "__main__") {
  const q = new Queue();
  const p = new Process({ target: consume, args: [q] });
  p.start();
  q.close();
  p.join(0.3);
  print("still waiting:", p.is_alive());
  p.terminate();
  p.join();
  print(p.exitcode);
  try {
    q.put(1);
  } catch (e) {
    print((e as Error).name);
  }
}
