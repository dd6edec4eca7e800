import { Process, Queue, JoinableQueue, SimpleQueue } from "multiprocessing";
import { Empty, Full } from "queue";

function f(q: Queue) {
  q.put(["one", "two", 3]);
}

function producer(q: Queue, name: string, n: number) {
  for (let i = 0; i < n; i++) q.put([name, i]);
}

function consumer(q: Queue, results: Queue) {
  let total = 0;
  for (;;) {
    const item = q.get() as [string, number] | null;
    if (item === null) break;
    total += item[1];
  }
  results.put(total);
}

function worker(q: JoinableQueue, out: SimpleQueue) {
  for (;;) {
    const job = q.get() as number;
    out.put(job * job);
    q.task_done();
  }
}

if (__name__ === "__main__") {
  const q = new Queue();
  const p = new Process({ target: f, args: [q] });
  p.start();
  print(q.get());
  p.join();

  const bounded = new Queue(2);
  bounded.put(1);
  bounded.put(2, { block: false });
  print("full:", bounded.full(), bounded.qsize(), bounded.empty());
  try {
    bounded.put_nowait(3);
  } catch (e) {
    print("put_nowait raised", (e as Error).name, (e as Error).message === "", e instanceof Full);
  }
  try {
    bounded.put(3, true, 0.05);
  } catch (e) {
    print("timed put raised", (e as Error).name);
  }
  print(bounded.get(), bounded.get_nowait());
  try {
    bounded.get({ timeout: 0.05 });
  } catch (e) {
    print("timed get raised", (e as Error).name, e instanceof Empty);
  }

  const work = new Queue();
  const results = new Queue();
  const producers = ["a", "b", "c"].map((name) => new Process({ target: producer, args: [work, name, 100] }));
  const consumers = [0, 1].map(() => new Process({ target: consumer, args: [work, results] }));
  for (const x of [...producers, ...consumers]) x.start();
  for (const x of producers) x.join();
  for (const _ of consumers) work.put(null);
  const totals = [results.get() as number, results.get() as number];
  for (const x of consumers) x.join();
  print("sum of everything consumed:", totals[0]! + totals[1]!);

  const jobs = new JoinableQueue();
  const squares = new SimpleQueue();
  const w = new Process({ target: worker, args: [jobs, squares], daemon: true });
  w.start();
  for (let i = 1; i <= 4; i++) jobs.put(i);
  jobs.join();
  const got: number[] = [];
  while (!squares.empty()) got.push(squares.get() as number);
  print("squares:", got);
  try {
    jobs.task_done();
  } catch (e) {
    print((e as Error).name, (e as Error).message);
  }

  q.close();
  try {
    q.put(1);
  } catch (e) {
    print("after close:", (e as Error).name);
  }
}
