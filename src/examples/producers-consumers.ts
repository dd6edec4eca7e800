// Producers and consumers: two queues between four processes.
//
// Watch the timeline: two producers put numbered work items into `tasks`, pausing
// a little between items; two consumers take items from it as they arrive, spend a
// moment on each, and put a result line into `results`. When the producers are
// done, the main process puts one sentinel (null, Python's None) per consumer, and
// each consumer stops at the first sentinel it gets. Follow an item from its put to
// its get: sometimes it waits in the queue, sometimes a consumer is already blocked
// in get() waiting for it. The producers together make items faster than the
// consumers finish them, so `tasks` fills up for a while. Which consumer gets
// which item (and so how many each one does) can change from run to run; the
// total cannot.
import { Process, Queue, current_process } from "multiprocessing";
import * as time from "time";

const ITEMS_PER_PRODUCER = 5;

function producer(tasks: Queue<string>, name: string) {
  for (let i = 1; i <= ITEMS_PER_PRODUCER; i++) {
    tasks.put(`${name}-${i}`);
    time.sleep(0.05);
  }
}

function consumer(tasks: Queue<string | null>, results: Queue<[string, string]>) {
  const me = current_process().name;
  for (;;) {
    const item = tasks.get(); // blocks while the queue is empty
    if (item === null) {
      break; // the sentinel: no more work
    }
    time.sleep(0.08); // "work" on the item
    results.put([me, item]);
  }
}

if (__name__ === "__main__") {
  const tasks = new Queue<string | null>();
  const results = new Queue<[string, string]>();

  const producers = ["A", "B"].map(
    (name) => new Process({ target: producer, args: [tasks, name], name: `producer-${name}` }),
  );
  const consumers = [1, 2].map((n) => new Process({ target: consumer, args: [tasks, results], name: `consumer-${n}` }));
  for (const p of [...producers, ...consumers]) {
    p.start();
  }

  for (const p of producers) {
    p.join();
  }
  for (let i = 0; i < consumers.length; i++) {
    tasks.put(null); // one sentinel per consumer
  }

  // Collect exactly as many results as items were produced.
  const total = producers.length * ITEMS_PER_PRODUCER;
  const perConsumer = new Map<string, string[]>();
  for (let i = 0; i < total; i++) {
    const [who, item] = results.get();
    print(`${who} finished ${item}`);
    perConsumer.set(who, [...(perConsumer.get(who) ?? []), item]);
  }
  for (const c of consumers) {
    c.join();
  }

  print(`summary: ${total} items processed`);
  for (const [who, items] of [...perConsumer].sort(([a], [b]) => a.localeCompare(b))) {
    print(`  ${who}: ${items.length} items`);
  }
}
