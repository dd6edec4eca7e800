// A process killed while it holds a pipe end: the OS closes its descriptors, so the
// peer's recv() raises EOFError instead of waiting forever.
import { Pipe, Process } from "multiprocessing";
import type { Connection } from "multiprocessing";
import * as time from "time";

function hold(conn: Connection, also: Connection[]) {
  conn.send(["ready", also.length]);
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
}
