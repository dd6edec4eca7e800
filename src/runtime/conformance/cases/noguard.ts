import { Process } from "multiprocessing";

function work() {
  print("never printed");
}

print("module top level:", __name__);
const p = new Process({ target: work });
p.start();
p.join();
print("exitcode", p.exitcode);
