import { Lock, Process, Queue } from "multiprocessing";

function count(l: Lock, q: Queue<number>, n: number) {
  for (let i = 0; i < n; i++) {
    l.acquire(); // @line:acquire
    q.put(i);
    l.release(); // @line:release
  }
}

if (__name__ === "__main__") {
  const l = new Lock();
  const q = new Queue<number>();
  const ps = [0, 1, 2].map(() => new Process({ target: count, args: [l, q, 300] }));
  for (const p of ps) p.start();
  let got = 0;
  for (let i = 0; i < 900; i++) got += q.get() >= 0 ? 1 : 0;
  for (const p of ps) p.join();
  print("got", got);
  try {
    q.put(new Lock() as never); // @line:lock-in-queue
  } catch (e) {
    print((e as Error).name + ":", (e as Error).message);
  }
}
