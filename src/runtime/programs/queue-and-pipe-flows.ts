import { Pipe, Process, Queue } from "multiprocessing";
import type { Connection } from "multiprocessing";

function produce(q: Queue<number>, conn: Connection) {
  for (let i = 0; i < 5; i++) q.put(i);
  conn.send("done");
}

if (__name__ === "__main__") {
  const q = new Queue<number>();
  const [a, b] = Pipe();
  const p = new Process({ target: produce, args: [q, b] });
  p.start();
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += q.get();
  print(sum, a.recv());
  p.join();
}
