// An uncaught exception in a child process; the main process carries on.
import { Process } from "multiprocessing";

function worker() {
  throw new ValueError("child went wrong");
}

if (__name__ === "__main__") {
  const p = new Process({ target: worker });
  p.start();
  p.join();
  print(`child exitcode=${p.exitcode}`);
}
