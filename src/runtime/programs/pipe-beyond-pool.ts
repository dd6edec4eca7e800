// Seventeen pipes: the 16th travels through a queue, the 17th cannot but still works.
import { Pipe, Queue } from "multiprocessing";
import type { Connection } from "multiprocessing";

if (__name__ === "__main__") {
  const q = new Queue();
  const pipes = Array.from({ length: 17 }, () => Pipe());
  q.put(pipes[15]![0]);
  print("16th sent");
  try {
    q.put(pipes[16]![0]);
  } catch (e) {
    print((e as Error).name + ": " + (e as Error).message);
  }
  pipes[16]![0].send("still a pipe");
  print(pipes[16]![1].recv());
  const got = q.get() as Connection;
  got.send("through the queue");
  print(pipes[15]![1].recv());
}
