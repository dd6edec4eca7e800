import { BoundedSemaphore, Lock, Process, Queue, RLock, Semaphore } from "multiprocessing";
import * as time from "time";

function hold(lock: Lock, ready: Queue<string>) {
  lock.acquire();
  ready.put("holding");
  time.sleep(0.3);
  lock.release();
}

function recurse(rlock: RLock, depth: number) {
  with_(rlock, () => {
    if (depth > 0) recurse(rlock, depth - 1);
    else print("deepest", rlock);
  });
}

function gate(sem: Semaphore, q: Queue<boolean>) {
  q.put(sem.acquire({ timeout: 0.5 }));
}

if (__name__ === "__main__") {
  const lock = new Lock();
  print(lock, lock.acquire(false), lock, lock.acquire({ timeout: 0.05 }));
  lock.release();
  try {
    lock.release();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("ValueError:", e.message);
  }

  const ready = new Queue<string>();
  let p = new Process({ target: hold, args: [lock, ready] });
  p.start();
  print(ready.get());
  print("busy while held:", lock.acquire({ block: false }));
  const t = time.monotonic();
  print("waited for it:", lock.acquire({ timeout: 5 }), time.monotonic() - t > 0.1);
  lock.release();
  p.join();

  const r = new RLock();
  print(r);
  p = new Process({ target: recurse, args: [r, 3] });
  p.start();
  p.join();
  r.acquire();
  r.acquire();
  print(r);
  r.release();
  r.release();
  try {
    r.release();
  } catch (e) {
    if (!(e instanceof AssertionError)) throw e;
    print("AssertionError:", e.message);
  }

  const s = new Semaphore(2);
  const q = new Queue<boolean>();
  const ps = [0, 1, 2, 3, 4].map(() => new Process({ target: gate, args: [s, q] }));
  for (const p of ps) p.start();
  print(
    "let in:",
    ps.map(() => q.get()).sort((a, b) => Number(a) - Number(b)),
  );
  for (const p of ps) p.join();
  print(s.get_value(), s);

  const b = new BoundedSemaphore(1);
  b.acquire();
  b.release();
  try {
    b.release();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("ValueError:", e.message);
  }
  print(b);
  try {
    new Semaphore(-1);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    print("OSError:", e.message);
  }
}
