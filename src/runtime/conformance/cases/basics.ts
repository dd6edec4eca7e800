import { Process, current_process, parent_process, active_children } from "multiprocessing";
import * as os from "os";
import * as sys from "sys";

print("top level runs as", __name__);

function f(val: string, items: unknown[]) {
  const cp = current_process();
  print(`In child process: name=${cp.name}, val=${val}`);
  print(items, { a: 1, "b'c": [true, null] }, new Set([1]), new Map([["k", 2.5]]));
  print(
    "pid matches:",
    os.getpid() === cp.pid,
    "parent:",
    parent_process()?.name,
    os.getppid() === parent_process()?.pid,
  );
  print("a", "b", { sep: "-", end: "!\n" });
  print(sys.stdout.write("café 😀\n"));
}

if (__name__ === "__main__") {
  print("parent is", current_process().name, parent_process());
  const p = new Process({ target: f, args: ["param_val", ["one", "two", 3, "it's", 'say "hi"', "tab\there"]] });
  print(p.pid, p.exitcode, p.is_alive(), p.name, p.daemon);
  p.start();
  // Printed after join: the child prints concurrently from the moment it starts.
  const tracked = active_children().length === 1 && active_children()[0] === p;
  p.join();
  print(tracked);
  print("exitcode", p.exitcode, p.is_alive(), active_children().length);
}
