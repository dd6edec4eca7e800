// A process killed while it holds a pipe end: the OS closes its descriptors, so the
// peer's recv() raises EOFError instead of waiting forever.
import { Pipe, Process, Queue } from "multiprocessing";
import type { Connection } from "multiprocessing";
import * as time from "time";

function hold(conn: Connection, also: Connection[]) {
  conn.send(["ready", also.length]);
  time.sleep(60);
}

function holdFromQueue(q: Queue) {
  const conn = q.get() as Connection;
  conn.send("got it through the queue");
  time.sleep(60);
}

if (__name__ === "__main__") {
  const [a, b] = Pipe();
  // The same end passed twice: the child holds two copies, and both close when it dies.
  const p = new Process({ target: hold, args: [b, [b]] });
  p.start();
  b.close();
  print(a.recv());
  p.terminate();
  p.join();
  try {
    a.recv();
  } catch (e) {
    print("recv after the holder was terminated:", (e as Error).constructor.name);
  }
  print("exitcode", p.exitcode);

  const [r, w] = Pipe(false);
  const q = new Process({ target: hold, args: [w, []] });
  q.start();
  w.close();
  print(r.recv());
  q.kill();
  q.join();
  try {
    r.recv();
  } catch (e) {
    print("recv after the holder was killed:", (e as Error).constructor.name);
  }
  print("exitcode", q.exitcode);

  // An end that reached the child inside a queue item is closed at its death too.
  const [c, d] = Pipe();
  const jobs = new Queue();
  const h = new Process({ target: holdFromQueue, args: [jobs] });
  h.start();
  jobs.put(d);
  print(c.recv());
  d.close();
  h.terminate();
  h.join();
  try {
    c.recv();
  } catch (e) {
    print("recv after the holder was terminated:", (e as Error).constructor.name);
  }
}
