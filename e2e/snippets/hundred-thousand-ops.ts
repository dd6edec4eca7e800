// 100,000 queue operations: a producer puts 50,000 numbers, the main process gets them.
import { Process, Queue } from "multiprocessing";

function producer(q: Queue<number>, n: number) {
  for (let i = 0; i < n; i++) q.put(i);
}

if (__name__ === "__main__") {
  const n = 50_000;
  const q = new Queue<number>();
  const p = new Process({ target: producer, args: [q, n] });
  p.start();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += q.get();
  p.join();
  print("sum", sum);
}
