// Unsynchronised output: two processes writing to the same stdout.
//
// Watch the console and the timeline: Process-1 writes "A" and Process-2 writes
// "B", 200 times each, one character per sys.stdout.write() call, pausing now and
// then. Nothing coordinates them, so their characters interleave in the order they
// were actually written: run it twice and the pattern changes. Each single write
// arrives whole; it is the sequence of writes that gets mixed. (Holding a shared
// Lock around each process's whole run of writes would keep them apart.)
import { Process } from "multiprocessing";
import * as sys from "sys";
import * as time from "time";

function writer(letter: string, count: number) {
  for (let i = 0; i < count; i++) {
    sys.stdout.write(letter);
    if (i % 5 === 4) {
      time.sleep(0.01); // a tiny pause every five letters
    }
  }
}

if (__name__ === "__main__") {
  const a = new Process({ target: writer, args: ["A", 200] });
  const b = new Process({ target: writer, args: ["B", 200] });
  a.start();
  b.start();
  a.join();
  b.join();
  sys.stdout.write("\n");
  print("Both children are done: 200 A's and 200 B's, but not in two neat blocks.");
}
