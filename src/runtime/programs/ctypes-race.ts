// Two processes increment one counter, first without its lock, then holding it.
import { Process, Queue, Value } from "multiprocessing";

const N = 5000;

function bump(counter: Value, locked: boolean, ready: Queue<string>, go: Queue<string>) {
  ready.put("ready");
  go.get();
  for (let i = 0; i < N; i++) {
    if (locked) {
      with_(counter.get_lock(), () => {
        counter.value += 1;
      });
    } else {
      counter.value += 1; // a read, then a write: another process may write in between
    }
  }
}

function race(counter: Value, locked: boolean): number {
  const ready = new Queue<string>();
  const go = new Queue<string>();
  const ps = [0, 1].map(() => new Process({ target: bump, args: [counter, locked, ready, go] }));
  for (const p of ps) p.start();
  for (const _ of ps) ready.get();
  for (const _ of ps) go.put("go");
  for (const p of ps) p.join();
  return counter.value;
}

if (__name__ === "__main__") {
  const unlocked = new Value("i", 0);
  print("unlocked lost updates:", race(unlocked, false) < 2 * N);
  const locked = new Value("i", 0);
  print("locked:", race(locked, true));
}
