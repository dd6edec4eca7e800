// Process basics: start one child process and wait for it.
//
// Watch the timeline: MainProcess creates Process-1, start() spawns it, and the
// main process blocks in join() (its lane shows "blocked on join") until the child
// has re-run this module's top level, called f("param_val"), printed its line and
// exited with code 0. Only then does the main process print the exit code.
import { Process, current_process } from "multiprocessing";

function f(val: string) {
  const cp = current_process();
  print(`In child process: name=${cp.name}, pid=${cp.pid}, val=${val}`);
}

// A child runs this file again with __name__ === "__mp_main__", so only the main
// process gets past this guard and starts a process.
if (__name__ === "__main__") {
  const p = new Process({ target: f, args: ["param_val"] });
  p.start();
  p.join();
  print("Child exit code:", p.exitcode);
}
