// Exit codes: how a process ends decides its exitcode.
//
// Watch the timeline: five children start together. "returner" ends normally
// (0), "exiter" calls sys.exit(3) (3), "raiser" throws ValueError: its traceback
// appears on stderr and it exits with 1. "term-me" and "kill-me" would sleep for
// a minute, but after half a second the parent terminate()s the first (SIGTERM,
// -15) and kill()s the second (SIGKILL, -9). Finally, joining a process that was
// never started is a mistake that raises AssertionError in the parent.
import { Process, current_process } from "multiprocessing";
import * as sys from "sys";
import * as time from "time";

function returns_normally() {
  print("returner: returning normally");
}

function calls_exit() {
  print("exiter: calling sys.exit(3)");
  sys.exit(3);
}

function raises() {
  print("raiser: about to raise ValueError");
  throw new ValueError("bad value"); // CPython: raise ValueError("bad value")
}

function sleeps(secs: number) {
  print(`${current_process().name}: sleeping for ${secs} s`);
  time.sleep(secs);
  print("never printed: this process is stopped first");
}

if (__name__ === "__main__") {
  const returner = new Process({ target: returns_normally, name: "returner" });
  const exiter = new Process({ target: calls_exit, name: "exiter" });
  const raiser = new Process({ target: raises, name: "raiser" });
  const terminated = new Process({ target: sleeps, args: [60], name: "term-me" });
  const killed = new Process({ target: sleeps, args: [60], name: "kill-me" });
  const procs = [returner, exiter, raiser, terminated, killed];

  for (const p of procs) {
    p.start();
  }

  time.sleep(0.5);
  terminated.terminate(); // SIGTERM
  killed.kill(); // SIGKILL

  for (const p of procs) {
    p.join();
  }
  for (const p of procs) {
    print(`${p.name} exitcode=${p.exitcode}`);
  }

  // Joining a process that was never started is an error, as in CPython.
  const unstarted = new Process({ target: returns_normally, name: "unstarted" });
  try {
    unstarted.join();
  } catch (e) {
    if (e instanceof AssertionError) {
      print(`caught AssertionError: ${e.message}`); // can only join a started process
    } else {
      throw e;
    }
  }
}
