// Eight children in turn bump a module-level counter: each sees its own fresh module.
import { Process } from "multiprocessing";

let counter = 0;

function bump() {
  counter += 1;
  print(__name__, counter);
}

if (__name__ === "__main__") {
  for (let i = 0; i < 8; i++) {
    const p = new Process({ target: bump, name: "w" + i });
    p.start();
    p.join();
  }
  print("main", counter);
}
