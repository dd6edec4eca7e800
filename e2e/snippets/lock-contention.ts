// Two processes want one Lock: Process-1 holds it for a while, Process-2 waits for it.
import { Lock, Process } from "multiprocessing";
import * as time from "time";

function hold(lock: Lock, secs: number) {
  lock.acquire();
  time.sleep(secs);
  lock.release();
}

if (__name__ === "__main__") {
  const lock = new Lock();
  const p1 = new Process({ target: hold, args: [lock, 0.6] });
  const p2 = new Process({ target: hold, args: [lock, 0.1] });
  p1.start();
  time.sleep(0.15);
  p2.start();
  p1.join();
  p2.join();
}
