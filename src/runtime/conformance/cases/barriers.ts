import { Barrier, BrokenBarrierError, Pipe, Process, Queue } from "multiprocessing";
import * as time from "time";

function announce() {
  print("the barrier tripped", { flush: true });
}

function boom() {
  throw new ValueError("action failed");
}

function pass(b: Barrier, q: Queue<string>, rounds: number) {
  for (let i = 0; i < rounds; i++) {
    try {
      q.put(`index ${b.wait()}`);
    } catch (e) {
      if (!(e instanceof BrokenBarrierError)) throw e;
      q.put("BrokenBarrierError");
    }
  }
}

const addr = (x: unknown) => String(x).replace(/0x[0-9a-f]+/, "ADDR");

/** Waits until `n` processes wait at `b` (polling, as nothing else tells). */
function untilWaiting(b: Barrier, n: number) {
  while (b.n_waiting < n) time.sleep(0.01);
}

if (__name__ === "__main__") {
  const b = new Barrier(3, announce);
  print(addr(b), b.parties, b.n_waiting, b.broken);
  const q = new Queue<string>();
  const ps = [0, 1].map(() => new Process({ target: pass, args: [b, q, 2] }));
  for (const p of ps) p.start();
  for (let round = 0; round < 2; round++) {
    const mine = `index ${b.wait()}`;
    print("round", round, [mine, q.get(), q.get()].sort());
  }
  for (const p of ps) p.join();
  print(addr(b));

  const t = new Barrier(2, { timeout: 0.05 });
  try {
    t.wait();
  } catch (e) {
    if (!(e instanceof BrokenBarrierError)) throw e;
    print("timed out:", e.name, JSON.stringify(e.message), t.broken, addr(t), t.n_waiting);
  }
  try {
    t.wait(0);
  } catch (e) {
    if (!(e instanceof BrokenBarrierError)) throw e;
    print("still broken:", e.name);
  }
  t.reset();
  print("after reset:", t.broken, addr(t));

  const a = new Barrier(2);
  let p = new Process({ target: pass, args: [a, q, 1] });
  p.start();
  untilWaiting(a, 1);
  print(addr(a));
  a.abort();
  print("aborted:", q.get(), a.broken);
  p.join();
  try {
    a.wait();
  } catch (e) {
    if (!(e instanceof BrokenBarrierError)) throw e;
    print("wait after abort:", e.name);
  }

  const r = new Barrier(2);
  p = new Process({ target: pass, args: [r, q, 1] });
  p.start();
  untilWaiting(r, 1);
  r.reset();
  print("reset while waiting:", q.get(), r.broken, addr(r));
  p.join();

  const f = new Barrier(1, boom);
  try {
    f.wait();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("action raised:", e.message, f.broken);
  }
  print("one party:", new Barrier(1).wait({ timeout: 1 }));

  const [, w] = Pipe();
  try {
    w.send(b);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    print("RuntimeError:", e.message);
  }
}
