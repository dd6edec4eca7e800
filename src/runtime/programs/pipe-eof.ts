// A child sends two items and exits; the parent reads them, then finds the pipe closed.
import { Pipe, Process } from "multiprocessing";
import type { Connection } from "multiprocessing";

function f(c: Connection) {
  c.send(1);
  c.send(2);
}

if (__name__ === "__main__") {
  const [a, b] = Pipe();
  const p = new Process({ target: f, args: [b] });
  p.start();
  b.close();
  p.join();
  print(a.recv(), a.recv());
  try {
    a.recv();
  } catch (e) {
    print((e as Error).name);
  }
}
