// Misuse: a Condition used without its lock, barriers that time out, are aborted or
// broken, synchronisation objects put into a queue, and a barrier action that cannot travel.
import { Barrier, Condition, Event, Process, Queue } from "multiprocessing";
import * as time from "time";

function report(f: () => unknown) {
  try {
    f();
    print("no error");
  } catch (e) {
    const err = e as Error;
    print(`${err.name}: ${err.message}`);
  }
}

function arrive(b: Barrier) {
  report(() => b.wait());
}

if (__name__ === "__main__") {
  const c = new Condition();
  report(() => c.wait());
  report(() => c.notify());
  report(() => c.notify_all());

  const t = new Barrier(2);
  report(() => t.wait(0.05));
  print("broken after a timeout:", t.broken);
  report(() => t.wait());

  const a = new Barrier(2);
  const p = new Process({ target: arrive, args: [a] });
  p.start();
  while (a.n_waiting < 1) time.sleep(0.01);
  a.abort();
  p.join();
  report(() => a.wait());

  const q = new Queue();
  for (const o of [new Event(), c, a]) report(() => q.put(o));

  const inline = new Barrier(1, () => print("inline action"));
  report(() => new Process({ target: arrive, args: [inline] }).start());
}
