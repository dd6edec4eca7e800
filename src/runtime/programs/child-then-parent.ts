// Twenty children in turn, each printing before the parent prints after joining it.
import { Process } from "multiprocessing";

function f(i: number) {
  print("child", i);
}

if (__name__ === "__main__") {
  for (let i = 0; i < 20; i++) {
    const p = new Process({ target: f, args: [i] });
    p.start();
    p.join();
    print("parent", i);
  }
}
