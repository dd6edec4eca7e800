// A function cannot be pickled: passing one to a child process raises PicklingError,
// whose message is one long line at the end of the traceback.
import { Process } from "multiprocessing";

function worker(callback: () => void) {
  callback();
}

if (__name__ === "__main__") {
  const target = () => print("never printed");
  const p = new Process({ target: worker, args: [target] });
  p.start();
  p.join();
}
