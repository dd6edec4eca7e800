// A function among a process's arguments, which cannot be pickled.
import { Process } from "multiprocessing";

function f(_g: unknown) {}

if (__name__ === "__main__") {
  new Process({ target: f, args: [() => 1] }).start();
}
