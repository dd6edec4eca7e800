// Dining philosophers: a deadlock.
//
// Five philosophers sit around a table with one fork between each pair, and a
// philosopher needs both neighbouring forks to eat. Each fork is a Lock. Every
// philosopher takes the left fork first, then reaches for the right one. If all
// five hold their left fork at the same moment, every right fork is someone's left
// fork: philosopher 1 waits for philosopher 2, who waits for 3, ... who waits for
// 1. Nobody can go on, and nobody will put a fork down.
//
// On its own this needs bad luck: one philosopher who gets both forks before a
// neighbour sits down eats and frees them (that is why deadlocks slip through
// testing). A sleep between the two forks makes the bad luck likely, but only if
// all five start within that sleep, and starting a process can take longer. So here
// the host makes it certain: each philosopher says "ready" on a queue once it holds
// its left fork, and waits for the host's "go" before reaching for the right one.
//
// In CPython this program hangs forever (Ctrl+C is the only way out). The
// playground notices when every live process is blocked with no timeout, so that
// nothing can wake any of them: within a second it ends the run and, in the
// console, reports "Deadlock: ..." with who waits for which lock, who holds it, and
// the cycle (the command line prints the report to stderr and exits with status 1).
// Fork N is Lock-N in the report: the forks are the first objects created. Watch
// the timeline: five lanes "blocked on acquire" and the main process blocked in
// join(), until the playground ends them all ("deadlocked").
//
// The next example, "Dining philosophers without deadlock", breaks the cycle.
import { Lock, Process, Queue } from "multiprocessing";

const PHILOSOPHERS = 5;

function philosopher(i: number, left: Lock, right: Lock, ready: Queue<number>, go: Queue<string>) {
  left.acquire();
  print(`philosopher ${i} holds fork ${i} (left)`);
  ready.put(i); // tell the host
  go.get(); // wait until all five hold their left fork
  print(`philosopher ${i} reaches for fork ${(i % PHILOSOPHERS) + 1} (right)`);
  right.acquire(); // held by the neighbour, who is waiting too: forever
  print(`philosopher ${i} eats`); // never printed
  right.release();
  left.release();
}

if (__name__ === "__main__") {
  const forks = Array.from({ length: PHILOSOPHERS }, () => new Lock());
  const ready = new Queue<number>();
  const go = new Queue<string>();
  const table = [];
  for (let i = 1; i <= PHILOSOPHERS; i++) {
    const left = forks[i - 1]!; // fork i
    const right = forks[i % PHILOSOPHERS]!; // fork i + 1, and fork 1 for the last one
    const p = new Process({ target: philosopher, args: [i, left, right, ready, go], name: `philosopher-${i}` });
    p.start();
    table.push(p);
  }
  for (let i = 0; i < PHILOSOPHERS; i++) {
    ready.get();
  }
  for (let i = 0; i < PHILOSOPHERS; i++) {
    go.put("go");
  }
  for (const p of table) {
    p.join();
  }
  print("dinner is over"); // never printed
}
