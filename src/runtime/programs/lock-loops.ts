// Three processes in tight acquire/release loops on one Lock, and a locked Value's
// increments: the loops an uncontended process writes as runs (events/opRun.ts), cut
// wherever another process takes the lock in between.
import { Lock, Process, Value } from "multiprocessing";

function spin(l: Lock, v: Value<number>, n: number) {
  for (let i = 0; i < n; i++) {
    l.acquire(); // @line:acquire
    l.release(); // @line:release
  }
  for (let i = 0; i < n; i++) {
    with_(v.get_lock(), () => {
      v.value += 1; // @line:increment
    });
  }
}

if (__name__ === "__main__") {
  const l = new Lock();
  const v = new Value("i", 0);
  const ps = [0, 1, 2].map(() => new Process({ target: spin, args: [l, v, 20_000] }));
  for (const p of ps) p.start();
  for (const p of ps) p.join();
  print("value", v.value);
}
