import { Lock, Process } from "multiprocessing";
import * as time from "time";

function worker(a: Lock, b: Lock) {
  with_(a, () => {
    time.sleep(0.1);
    with_(b, () => print("never"));
  });
}

if (__name__ === "__main__") {
  const l1 = new Lock();
  const l2 = new Lock();
  const p1 = new Process({ target: worker, args: [l1, l2] });
  const p2 = new Process({ target: worker, args: [l2, l1] });
  p1.start();
  p2.start();
  p1.join();
  p2.join();
}
