// Pipe: a two-way connection between two processes.
//
// Watch the timeline: Pipe() returns two Connection objects, the two ends of one
// pipe. The child gets one end, sends a list through it and closes it; the parent
// keeps the other end and blocks in recv() until that message arrives, then prints
// it and joins the child. Each end can send and receive (the pipe is duplex by
// default); two processes using the same end at the same moment could corrupt
// each other's messages in CPython, so give each process its own end.
import { Pipe, Process } from "multiprocessing";
import type { Connection } from "multiprocessing";

function f(conn: Connection) {
  conn.send(["hello", "world"]);
  conn.close();
}

if (__name__ === "__main__") {
  const [parent_conn, child_conn] = Pipe();
  const p = new Process({ target: f, args: [child_conn] });
  p.start();
  print(parent_conn.recv()); // prints "['hello', 'world']"
  p.join();
}
