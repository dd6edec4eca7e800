// A child that holds only the reading end of a pipe is killed; the parent's ends still work.
import { Pipe, Process } from "multiprocessing";
import type { Connection } from "multiprocessing";
import * as time from "time";

function hold(_c: Connection) {
  time.sleep(60);
}

if (__name__ === "__main__") {
  const [rd, wr] = Pipe(false);
  const p = new Process({ target: hold, args: [rd] });
  p.start();
  p.terminate();
  p.join();
  wr.send("still delivered");
  print(rd.recv());
  rd.close();
  try {
    wr.send("nobody reads");
  } catch (e) {
    print((e as Error).name);
  }
}
