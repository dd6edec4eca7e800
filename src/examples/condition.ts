// Condition: consumers wait until there is something to take.
//
// A baker puts loaves on a shared shelf, one every 0.2 s; two customers want three
// loaves each. The shelf is a RawValue: a number in shared memory with no lock of
// its own, because every process touches it only while holding the condition's
// lock (CPython: with cond:). A customer calls wait_for() with the test "is there a
// loaf?": if not, it releases the lock and sleeps until notified, then takes the
// lock again and re-checks. The baker adds a loaf and notify()s, waking one
// waiting customer. Watch the timeline: the customers' lanes are "blocked on
// wait_for" while the shelf is empty, and each notify() wakes one of them.
import { Condition, Process, RawValue, current_process } from "multiprocessing";
import * as time from "time";

const LOAVES = 6;

function baker(cond: Condition, shelf: RawValue) {
  for (let i = 1; i <= LOAVES; i++) {
    time.sleep(0.2); // baking
    with_(cond, () => {
      shelf.value += 1; // safe: we hold the condition's lock
      print(`baker: loaf ${i} is out, ${shelf.value} on the shelf`);
      cond.notify(); // wake one waiting customer (the lock must be held)
    });
  }
}

function customer(cond: Condition, shelf: RawValue, wants: number) {
  const me = current_process().name;
  for (let got = 1; got <= wants; got++) {
    with_(cond, () => {
      cond.wait_for(() => shelf.value > 0); // releases the lock while it waits
      shelf.value -= 1;
      print(`${me}: took a loaf (${got} of ${wants}), ${shelf.value} left`);
    });
  }
}

if (__name__ === "__main__") {
  const cond = new Condition(); // with a new RLock inside, as in CPython
  const shelf = new RawValue("i", 0);
  const procs = [
    new Process({ target: customer, args: [cond, shelf, 3], name: "customer-1" }),
    new Process({ target: customer, args: [cond, shelf, 3], name: "customer-2" }),
    new Process({ target: baker, args: [cond, shelf], name: "baker" }),
  ];
  for (const p of procs) {
    p.start();
  }
  for (const p of procs) {
    p.join();
  }
  print(`closing time: ${shelf.value} loaves left`);
}
