// Puts of a Connection that fail (queue Full, an unpicklable neighbour) leave its pipe closable.
import { Pipe, Queue } from "multiprocessing";

if (__name__ === "__main__") {
  const q = new Queue(1);
  q.put("filler");
  const [rd, wr] = Pipe(false);
  try {
    q.put_nowait(wr);
  } catch (e) {
    print((e as Error).name);
  }
  try {
    q.put([wr, () => 1]);
  } catch (e) {
    print((e as Error).name);
  }
  wr.close();
  try {
    rd.recv();
  } catch (e) {
    print((e as Error).name);
  }
}
