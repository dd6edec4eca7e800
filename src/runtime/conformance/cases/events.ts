import { Event, Pipe, Process, Queue } from "multiprocessing";
import * as time from "time";

function setLater(e: Event) {
  time.sleep(0.1);
  e.set();
}

function waitFor(e: Event, q: Queue<string>) {
  q.put(`woke ${e.wait() ? "True" : "False"}`);
}

const addr = (x: unknown) => String(x).replace(/0x[0-9a-f]+/, "ADDR");

if (__name__ === "__main__") {
  const e = new Event();
  print(addr(e), e.is_set(), e.wait(0), e.wait({ timeout: 0.01 }), e.wait(-1));
  const p = new Process({ target: setLater, args: [e] });
  p.start();
  print("waited:", e.wait(), e.is_set());
  p.join();
  print(addr(e), e.wait(0));
  e.set();
  e.clear();
  print("after clear:", e.is_set(), e.wait(0.05));
  e.clear();

  const q = new Queue<string>();
  const ws = [0, 1].map(() => new Process({ target: waitFor, args: [e, q] }));
  for (const w of ws) w.start();
  e.set();
  print([q.get(), q.get()]);
  for (const w of ws) w.join();

  const [, w] = Pipe();
  try {
    w.send(e);
  } catch (err) {
    if (!(err instanceof RuntimeError)) throw err;
    print("RuntimeError:", err.message);
  }
}
