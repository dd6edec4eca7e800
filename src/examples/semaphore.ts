// Semaphore: let at most 2 of 5 workers in at a time.
//
// A Semaphore(2) is a counter that starts at 2: acquire() takes one (waiting while
// it is 0) and release() gives one back. Five workers start together and each
// spends 0.5 s "inside" between acquire() and release(). Watch the console: each
// line says when, in seconds since the start, a worker entered or left, and no
// more than two are ever inside. Watch the timeline: the other three are "blocked
// on acquire" until someone leaves; each release() lets exactly one waiter in.
//
// Finally a BoundedSemaphore: the same, but releasing it more often than it was
// acquired raises ValueError instead of silently letting one more process in.
import { BoundedSemaphore, Process, Semaphore, current_process } from "multiprocessing";
import * as time from "time";

function worker(sem: Semaphore, t0: number) {
  const me = current_process().name;
  const at = () => (time.time() - t0).toFixed(2);
  sem.acquire();
  try {
    print(`${at()} s  ${me} enters`);
    time.sleep(0.5); // the work that at most two may do at once
    print(`${at()} s  ${me} leaves`);
  } finally {
    sem.release();
  }
}

if (__name__ === "__main__") {
  const sem = new Semaphore(2);
  const t0 = time.time();
  const workers = [];
  for (let i = 1; i <= 5; i++) {
    const p = new Process({ target: worker, args: [sem, t0], name: `worker-${i}` });
    p.start();
    workers.push(p);
  }
  for (const p of workers) {
    p.join();
  }
  print("every worker is done; the semaphore's value is back to", sem.get_value());

  const bounded = new BoundedSemaphore(2);
  bounded.acquire();
  bounded.release();
  try {
    bounded.release(); // one release too many
  } catch (e) {
    print(`${(e as Error).name}: ${(e as Error).message}`);
  }
}
