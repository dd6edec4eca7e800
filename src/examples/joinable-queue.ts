// JoinableQueue: wait until every job has been processed, not just taken.
//
// Watch the timeline: three daemon workers loop forever: get() a job, work on it,
// then call task_done(). The main process puts all the jobs and then blocks in
// q.join() (its lane shows "blocked on join"). Every put() adds one to the
// queue's count of unfinished tasks and every task_done() takes one away; join()
// returns when the count reaches zero, i.e. after the last job is finished, even
// though the queue itself became empty earlier. The workers never return: they are
// daemons, so they are terminated when the main process ends.
import { JoinableQueue, Process, current_process } from "multiprocessing";
import * as time from "time";

function worker(q: JoinableQueue<number>) {
  const me = current_process().name;
  for (;;) {
    const job = q.get();
    time.sleep(0.1 * job); // job n takes n tenths of a second
    print(`${me} finished job ${job}`);
    q.task_done();
  }
}

if (__name__ === "__main__") {
  const q = new JoinableQueue<number>();
  for (let i = 1; i <= 3; i++) {
    new Process({ target: worker, args: [q], name: `worker-${i}`, daemon: true }).start();
  }

  const jobs = [3, 1, 4, 1, 5, 2, 6, 2];
  for (const job of jobs) {
    q.put(job);
  }
  print(`main: put ${jobs.length} jobs, waiting in q.join()`);
  q.join(); // blocks until task_done() has been called once per job
  print("all jobs done");
}
