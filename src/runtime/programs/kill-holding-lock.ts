import { Lock, Process, Queue } from "multiprocessing";
import * as time from "time";

function grab(l: Lock, ready: Queue<string>) {
  l.acquire(); // @line:grab
  ready.put("holding");
  time.sleep(60);
}

if (__name__ === "__main__") {
  const l = new Lock();
  const ready = new Queue<string>();
  const p = new Process({ target: grab, args: [l, ready] });
  p.start();
  ready.get();
  p.kill();
  p.join();
  print("exit code", p.exitcode, "lock free:", l.acquire({ block: false }));
  print(l);
  l.acquire(); // @line:waits-forever
}
