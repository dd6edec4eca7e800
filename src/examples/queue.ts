// Queue: pass an object from a child process to its parent.
//
// Watch the timeline: the main process starts Process-1 and at once blocks in
// q.get() (its lane shows "blocked on get"), because the queue is still empty.
// Process-1 re-runs this module, calls f(q) and puts one list into the queue; the
// put and the get are linked as the same item. The parent wakes with a copy of the
// list, prints it, and joins the child. (CPython's docs show the same program with
// q.put([42, None, 'hello']).)
import { Process, Queue } from "multiprocessing";

function f(q: Queue) {
  q.put(["one", "two", 3]);
}

if (__name__ === "__main__") {
  const q = new Queue();
  const p = new Process({ target: f, args: [q] });
  p.start();
  print(q.get()); // prints "['one', 'two', 3]"
  p.join();
}
