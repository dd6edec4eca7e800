import { Process } from "multiprocessing";
import * as time from "time";

function nap() {
  time.sleep(0.6);
  print("child woke up");
}

if (__name__ === "__main__") {
  const p = new Process({ target: nap });
  p.start();
  const t0 = time.monotonic();
  p.join(0.1);
  const waited = time.monotonic() - t0;
  print(
    "after join(0.1): alive",
    p.is_alive(),
    "exitcode",
    p.exitcode,
    "waited about 0.1 s:",
    waited >= 0.09 && waited < 0.4,
  );
  p.join({ timeout: 0.05 });
  print("after join(timeout=0.05): alive", p.is_alive());
  p.join();
  print("after join(): alive", p.is_alive(), "exitcode", p.exitcode);
  p.join(0);
  print("joining again is fine");
}
