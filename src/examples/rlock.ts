// RLock: a lock its holder may take again, for code that calls itself.
//
// countdown() takes the lock and, while holding it, calls itself: each level
// acquires the same RLock once more and releases it once when it returns. An RLock
// counts these: only the owner may acquire it again, and it is free for other
// processes only after the outermost release. So each process's whole countdown
// prints as one block. Watch the timeline: while one process counts down (a short
// sleep at each level), the other is "blocked on acquire" at its first level.
//
// Then the main process shows why a plain Lock would not do: its holder cannot take
// it again. acquire() would wait forever (the run would deadlock, see the dining
// philosophers), so it asks with a timeout, and after 0.5 s gets False.
import { Lock, Process, RLock, current_process } from "multiprocessing";
import * as time from "time";

function countdown(lock: RLock, n: number) {
  // CPython: with lock:
  with_(lock, () => {
    const indent = "  ".repeat(3 - n);
    print(`${current_process().name}: ${indent}countdown(${n}) holds the lock`);
    time.sleep(0.1);
    if (n > 0) {
      countdown(lock, n - 1); // acquires the RLock again: the owner does not block
    }
  });
}

if (__name__ === "__main__") {
  const lock = new RLock();
  const procs = [
    new Process({ target: countdown, args: [lock, 3] }),
    new Process({ target: countdown, args: [lock, 3] }),
  ];
  for (const p of procs) {
    p.start();
  }
  for (const p of procs) {
    p.join();
  }

  const plain = new Lock();
  plain.acquire();
  const again = plain.acquire({ timeout: 0.5 }); // CPython: plain.acquire(timeout=0.5)
  print("a plain Lock taken again by its holder:", again);
  plain.release();
}
