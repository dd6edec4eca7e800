import { Lock, Process, Queue } from "multiprocessing";
import * as time from "time";

function holder(l: Lock, ready: Queue<string>) {
  l.acquire();
  ready.put("holding");
  time.sleep(3);
}

if (__name__ === "__main__") {
  // Every process waits, but each wait ends by itself: never a deadlock.
  const l = new Lock();
  const ready = new Queue<string>();
  const p = new Process({ target: holder, args: [l, ready] });
  p.start();
  ready.get({ timeout: 30 });
  const q = new Queue<string>();
  try {
    q.get({ timeout: 1 });
  } catch (e) {
    print("get timed out:", (e as Error).name);
  }
  print("acquired:", l.acquire({ timeout: 0.5 }));
  p.join();
  print("done");
}
