// A bounded queue: back-pressure from a slow consumer.
//
// Watch the timeline: the queue holds at most 3 items. The producer puts 8 items
// as fast as it can, so the first 3 go in at once and the 4th put() blocks (the
// producer's lane shows "blocked on put") until the slow consumer, which needs
// 0.2 s before each get(), takes one out. From then on the producer runs only as fast
// as the consumer: every get() frees a slot and lets exactly one blocked put()
// through. The producer prints how long each put() waited.
//
// Then the main process fills a second Queue(3) itself and tries put_nowait() on
// it, which never waits: on a full queue it raises queue.Full at once.
import { Process, Queue } from "multiprocessing";
import { Full } from "queue";
import * as time from "time";

const ITEMS = 8;

function producer(q: Queue<number | null>) {
  for (let i = 1; i <= ITEMS; i++) {
    const t = time.perf_counter();
    q.put(i); // blocks while the queue holds 3 items
    const waited = time.perf_counter() - t;
    if (waited > 0.01) {
      print(`producer: put(${i}) blocked for ${waited.toFixed(2)} s until a slot was free`);
    } else {
      print(`producer: put(${i}) went straight in`);
    }
  }
  q.put(null); // tell the consumer to stop
}

function consumer(q: Queue<number | null>) {
  for (;;) {
    time.sleep(0.2); // a slow consumer: 0.2 s before it is ready for the next item
    const item = q.get();
    if (item === null) {
      break;
    }
    print(`consumer: got ${item}`);
  }
}

if (__name__ === "__main__") {
  const q = new Queue<number | null>(3);
  const c = new Process({ target: consumer, args: [q], name: "consumer" });
  const p = new Process({ target: producer, args: [q], name: "producer" });
  c.start();
  p.start();
  p.join();
  c.join();

  // put_nowait() on a full queue raises Full instead of waiting.
  const small = new Queue<string>(3);
  for (const x of ["a", "b", "c"]) {
    small.put_nowait(x);
  }
  print("full() =", small.full(), "qsize() =", small.qsize());
  try {
    small.put_nowait("d");
  } catch (e) {
    if (e instanceof Full) {
      print("Full"); // CPython: except queue.Full: print("Full")
    } else {
      throw e;
    }
  }
  // A put() with a timeout waits that long for a slot, then raises Full too.
  try {
    small.put("d", { timeout: 0.5 });
  } catch (e) {
    print(`${(e as Error).name} after waiting 0.5 s`);
  }
}
