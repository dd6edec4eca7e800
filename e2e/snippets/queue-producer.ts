// A producer puts ten items into a bounded queue; the main process gets them.
import { Process, Queue } from "multiprocessing";
import * as time from "time";

function producer(q: Queue<string>) {
  for (let i = 0; i < 10; i++) {
    q.put(`item ${i}`);
    time.sleep(0.05);
  }
}

if (__name__ === "__main__") {
  const q = new Queue<string>(3);
  const p = new Process({ target: producer, args: [q] });
  p.start();
  time.sleep(0.4);
  for (let i = 0; i < 10; i++) {
    const item = q.get();
    print(`got ${item}`);
    time.sleep(0.12);
  }
  p.join();
}
