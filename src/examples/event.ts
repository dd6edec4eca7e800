// Event: a start signal for several processes.
//
// An Event is a flag that starts false. wait() blocks until some process set()s
// it, and then every waiter wakes at once. Three runners start and wait at the
// line; the main process takes a second to get ready, then sets the event. Watch
// the timeline: the runners' lanes are "blocked on wait" until the set(), then all
// three run at the same moment, though they started at different times.
//
// The fourth runner is impatient: it waits with a timeout, 0.3 s at a time.
// wait(timeout) returns false when the timeout passed with the flag still unset,
// and true once it is set, so it can do something else while it waits.
import { Event, Process, current_process } from "multiprocessing";
import * as time from "time";

function runner(start: Event, t0: number) {
  const me = current_process().name;
  print(`${me} is at the start line`);
  start.wait(); // blocks until the main process calls start.set()
  print(`${me} runs at ${(time.time() - t0).toFixed(2)} s`);
}

function impatient_runner(start: Event, t0: number) {
  const me = current_process().name;
  // CPython: while not start.wait(0.3):
  while (!start.wait(0.3)) {
    print(`${me}: still no signal at ${(time.time() - t0).toFixed(2)} s`);
  }
  print(`${me} runs at ${(time.time() - t0).toFixed(2)} s`);
}

if (__name__ === "__main__") {
  const start = new Event();
  const t0 = time.time();
  const runners = [1, 2, 3].map((n) => new Process({ target: runner, args: [start, t0], name: `runner-${n}` }));
  runners.push(new Process({ target: impatient_runner, args: [start, t0], name: "impatient" }));
  for (const p of runners) {
    p.start();
  }

  time.sleep(1); // getting ready
  print("main: is_set() =", start.is_set(), "- ready, steady, go!");
  start.set(); // wakes every waiter; later wait()s return at once
  for (const p of runners) {
    p.join();
  }
  print("main: is_set() =", start.is_set());
}
