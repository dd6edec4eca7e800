// Dining philosophers without deadlock: take the forks in a fixed order.
//
// The same table as in "Dining philosophers: a deadlock": five philosophers, five
// forks (Locks), and each needs both neighbouring forks to eat. The deadlock was
// a cycle: everyone held one fork and waited for the next one round the table.
// Here every philosopher picks up the lower-numbered of their two forks first.
// For philosophers 1 to 4 that is still the left fork, but philosopher 5 (forks 5
// and 1) reaches for fork 1 first and so competes with philosopher 1 for it
// instead of holding fork 5. Now a philosopher who holds a fork only ever waits
// for a higher-numbered one, so a chain of waits climbs the numbers and can never
// come back round to where it started: no cycle, no deadlock.
//
// Each philosopher eats three meals and pauses between picking up the two forks,
// the pause that makes the left-then-right version deadlock; here it does no harm.
// Watch the timeline: philosophers block on acquire (a fork is busy), but always
// only for as long as a neighbour eats, and every lane ends with exit code 0.
// (Another classic fix is a waiter: a Semaphore(4) that lets at most four sit at
// the table at a time, so at least one of them can always get both forks.)
import { Lock, Process } from "multiprocessing";
import * as time from "time";

const PHILOSOPHERS = 5;
const MEALS = 3;

function philosopher(i: number, first: Lock, firstNo: number, second: Lock, secondNo: number) {
  for (let meal = 1; meal <= MEALS; meal++) {
    time.sleep(0.05); // think
    first.acquire();
    time.sleep(0.1); // holding one fork, a neighbour may grab the other
    second.acquire();
    print(`philosopher ${i} eats meal ${meal} with forks ${firstNo} and ${secondNo}`);
    time.sleep(0.1); // eat
    second.release();
    first.release();
  }
}

if (__name__ === "__main__") {
  const forks = Array.from({ length: PHILOSOPHERS }, () => new Lock());
  const table = [];
  for (let i = 1; i <= PHILOSOPHERS; i++) {
    const left = i; // fork i
    const right = (i % PHILOSOPHERS) + 1; // fork i + 1, and fork 1 for the last one
    const [lo, hi] = [Math.min(left, right), Math.max(left, right)];
    const p = new Process({
      target: philosopher,
      args: [i, forks[lo - 1], lo, forks[hi - 1], hi],
      name: `philosopher-${i}`,
    });
    p.start();
    table.push(p);
  }
  for (const p of table) {
    p.join();
  }
  print(`dinner is over: ${PHILOSOPHERS * MEALS} meals, everyone ate`);
}
