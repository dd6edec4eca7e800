// Two processes take two Locks in opposite orders, after a handshake: always a deadlock.
import { Lock, Process, Queue } from "multiprocessing";

function worker(a: Lock, b: Lock, ready: Queue<string>, go: Queue<string>) {
  with_(a, () => {
    ready.put("holding");
    go.get(); // both hold their first lock now: no timing involved
    with_(b, () => print("never"));
  });
}

if (__name__ === "__main__") {
  const l1 = new Lock();
  const l2 = new Lock();
  const ready = new Queue<string>();
  const go = new Queue<string>();
  const p1 = new Process({ target: worker, args: [l1, l2, ready, go] });
  const p2 = new Process({ target: worker, args: [l2, l1, ready, go] });
  p1.start();
  p2.start();
  ready.get();
  ready.get();
  go.put("go");
  go.put("go");
  p1.join();
  p2.join();
}
