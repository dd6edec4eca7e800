import { Lock, Process, Queue } from "multiprocessing";
import * as time from "time";

function holder(l: Lock) {
  l.acquire();
  time.sleep(1.5);
}

if (__name__ === "__main__") {
  // Every process waits, but each wait ends by itself: never a deadlock.
  const l = new Lock();
  const p = new Process({ target: holder, args: [l] });
  p.start();
  const q = new Queue<string>();
  try {
    q.get({ timeout: 1 });
  } catch (e) {
    print("get timed out:", (e as Error).name);
  }
  print("acquired:", l.acquire({ timeout: 0.9 }));
  p.join();
  print("done");
}
