// Every kind of shared object refused by a queue, in CPython's words for its kind.
import { Array, Queue, RawArray, RawValue, Value } from "multiprocessing";

if (__name__ === "__main__") {
  const q = new Queue();
  const kinds = [
    new Value("i", 1),
    new Array("i", 2),
    new Array("c", 2),
    new RawValue("i", 1),
    new RawArray("i", 2),
    new Value("d", 1, { lock: false }),
  ];
  for (const o of kinds) {
    try {
      q.put([o]);
    } catch (e) {
      print(`${(e as Error).name}: ${(e as Error).message}`);
    }
  }
  print("queued:", q.qsize());
}
