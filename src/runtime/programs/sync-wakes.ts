// Every kind of wake, for the timeline to link: a set and the waits it woke, notifies
// and theirs (the main process waits at depth 2 of the Condition's RLock), a barrier's trips.
import { Barrier, Condition, Event, Process, Queue } from "multiprocessing";

function eventWaiter(e: Event, q: Queue<string>) {
  q.put("waiting");
  print("event woke", e.wait());
}

function conditionWaiter(c: Condition, q: Queue<string>) {
  with_(c, () => {
    q.put("waiting");
    print("condition woke", c.wait());
  });
}

function finisher(c: Condition, done: Event) {
  with_(c, () => {
    done.set();
    c.notify_all();
  });
}

function tripped() {
  print("tripped", { flush: true });
}

function passer(b: Barrier, rounds: number) {
  for (let i = 0; i < rounds; i++) b.wait();
}

if (__name__ === "__main__") {
  const e = new Event();
  const q = new Queue<string>();
  const eventWaiters = [0, 1].map(() => new Process({ target: eventWaiter, args: [e, q] }));
  for (const p of eventWaiters) p.start();
  q.get();
  q.get();
  e.set();
  for (const p of eventWaiters) p.join();
  e.clear();
  print("cleared", e.wait(0.01));

  const c = new Condition();
  const conditionWaiters = [0, 1].map(() => new Process({ target: conditionWaiter, args: [c, q] }));
  for (const p of conditionWaiters) p.start();
  q.get();
  q.get();
  with_(c, () => c.notify());
  with_(c, () => c.notify_all());
  for (const p of conditionWaiters) p.join();

  const done = new Event();
  const f = new Process({ target: finisher, args: [c, done] });
  with_(c, () =>
    with_(c, () => {
      f.start();
      print(
        "predicate",
        c.wait_for(() => done.is_set()),
      );
    }),
  );
  f.join();

  const b = new Barrier(3, tripped);
  const passers = [0, 1].map(() => new Process({ target: passer, args: [b, 2] }));
  for (const p of passers) p.start();
  passer(b, 2);
  for (const p of passers) p.join();
}
