// A Connection travels inside a queue item and inside a pipe message, and arrives
// as a working end of the same pipe.
import { Pipe, Process, Queue } from "multiprocessing";
import type { Connection } from "multiprocessing";

function worker(jobs: Queue) {
  // The reply end comes with the job, as a work server's clients send theirs.
  for (;;) {
    const job = jobs.get() as [number, Connection] | null;
    if (job === null) break;
    const [n, reply] = job;
    reply.send(n * n);
    reply.close();
  }
}

function relay(inbox: Connection) {
  const conn = inbox.recv() as Connection;
  conn.send(["relayed", conn.readable, conn.writable]);
  conn.close();
}

if (__name__ === "__main__") {
  const jobs = new Queue();
  const p = new Process({ target: worker, args: [jobs] });
  p.start();
  for (const n of [3, 4]) {
    const [mine, theirs] = Pipe(false);
    jobs.put([n, theirs]);
    print(n, "->", mine.recv());
    // (Closed only now: CPython pickles a queued item later, in a feeder thread.)
    theirs.close();
    try {
      mine.recv();
    } catch (e) {
      print("then", (e as Error).constructor.name);
    }
  }
  jobs.put(null);
  p.join();

  const [inboxR, inboxW] = Pipe(false);
  const [a, b] = Pipe();
  const r = new Process({ target: relay, args: [inboxR] });
  r.start();
  inboxW.send(b);
  b.close();
  print(a.recv());
  r.join();
  print("exitcodes", p.exitcode, r.exitcode);
}
