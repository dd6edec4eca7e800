// Barrier: workers meet between phases.
//
// Three workers go through three phases (load, compute, save), and nobody may
// start a phase before everyone has finished the one before. Each worker needs a
// different time for each phase. At the end of a phase it calls barrier.wait(),
// which blocks until all three have called it; then all three go on together.
// The barrier is reusable: the same one separates every pair of phases.
//
// The barrier's action, phase_done(), runs once each time the barrier opens, in
// one of the released processes, before any of them goes on. Watch the timeline:
// the fast workers are "blocked on wait" until the slowest arrives, and the
// "everyone is here" lines always come between the phases, never inside one.
// wait() returns a different number (0, 1 or 2) to each process; 0 is a common
// way to pick one of them for a job.
import { Barrier, Process, current_process } from "multiprocessing";
import * as time from "time";

const WORKERS = 3;
const PHASES = ["load", "compute", "save"];

// The action, like a Process target, must be a top-level function.
function phase_done() {
  print(`--- everyone is here (${current_process().name} runs the action) ---`);
}

function worker(barrier: Barrier, n: number) {
  const me = current_process().name;
  for (const [k, phase] of PHASES.entries()) {
    time.sleep(0.1 * (((n + k) % WORKERS) + 1)); // 0.1 to 0.3 s, a different worker is slowest each phase
    print(`${me} finished ${phase}`);
    const index = barrier.wait();
    if (index === 0 && k === PHASES.length - 1) {
      print(`${me} got 0 from the last wait(), so it reports: all phases done`);
    }
  }
}

if (__name__ === "__main__") {
  const barrier = new Barrier(WORKERS, phase_done);
  const procs = [];
  for (let n = 1; n <= WORKERS; n++) {
    const p = new Process({ target: worker, args: [barrier, n], name: `worker-${n}` });
    p.start();
    procs.push(p);
  }
  for (const p of procs) {
    p.join();
  }
  print("parties =", barrier.parties, "n_waiting =", barrier.n_waiting, "broken =", barrier.broken);
}
