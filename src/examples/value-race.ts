// A shared Value: lost updates, and the lock that prevents them.
//
// Two processes each add 1 to a shared counter 10,000 times, so it should end at
// 20,000. But `counter.value += 1` is two steps: read the value, then write the
// value plus one. When both processes read the same value, say 41, both write 42,
// and one of the two updates is lost. Reading and writing are each safe on their
// own (a Value's lock guards each one); the gap between them is not.
//
// The fix holds the Value's own lock, get_lock(), around the whole read-and-write
// (CPython: with counter.get_lock(): counter.value += 1), so the other process
// cannot read in between: the total is exactly 20,000 on every run. The price:
// the two processes take turns at every step (watch the timeline).
//
// Both processes first meet at a Barrier(2), so that they really run at the same
// time: otherwise the first might be done before the second has even started.
// The first total changes from run to run.
import { Barrier, Process, Value } from "multiprocessing";

const N = 10_000;

function add_unsafely(counter: Value, start: Barrier) {
  start.wait(); // until both processes are here
  for (let i = 0; i < N; i++) {
    counter.value += 1; // read, then write: another process can slip in between
  }
}

function add_safely(counter: Value, start: Barrier) {
  start.wait();
  for (let i = 0; i < N; i++) {
    with_(counter.get_lock(), () => {
      counter.value += 1; // nobody else can read or write while we hold the lock
    });
  }
}

function run_two(target: typeof add_unsafely): number {
  const counter = new Value("i", 0);
  const start = new Barrier(2);
  const procs = [new Process({ target, args: [counter, start] }), new Process({ target, args: [counter, start] })];
  for (const p of procs) {
    p.start();
  }
  for (const p of procs) {
    p.join();
  }
  return counter.value;
}

if (__name__ === "__main__") {
  const unsafe = run_two(add_unsafely);
  print(`without the lock: ${unsafe} (${2 * N - unsafe} updates lost)`);
  const safe = run_two(add_safely);
  print(`with get_lock():  ${safe} (${2 * N - safe} updates lost)`);
}
