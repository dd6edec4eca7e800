// Three processes that wait for ever: on an Event, on a Condition, at a Barrier.
import { Barrier, Condition, Event, Process } from "multiprocessing";

function onEvent(e: Event) {
  e.wait();
}

function onCondition(c: Condition) {
  with_(c, () => c.wait());
}

if (__name__ === "__main__") {
  const e = new Event();
  const c = new Condition();
  const b = new Barrier(2);
  new Process({ target: onEvent, args: [e] }).start();
  new Process({ target: onCondition, args: [c] }).start();
  b.wait();
}
