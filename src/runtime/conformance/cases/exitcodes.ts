import { Process } from "multiprocessing";
import * as sys from "sys";
import * as time from "time";

function returns() {}
function exits(code: number | string | null) {
  sys.exit(code);
}
function raises() {
  throw new ValueError("bad value");
}
function sleeps() {
  time.sleep(30);
}

if (__name__ === "__main__") {
  const cases: [string, Process][] = [
    ["returns", new Process({ target: returns })],
    ["exit3", new Process({ target: exits, args: [3] })],
    ["exitNone", new Process({ target: exits, args: [null] })],
    ["exitMsg", new Process({ target: exits, args: ["goodbye"] })],
    ["raises", new Process({ target: raises })],
  ];
  for (const [label, p] of cases) {
    p.start();
    p.join();
    print(label, p.exitcode);
  }
  const t = new Process({ target: sleeps });
  t.start();
  t.terminate();
  t.join();
  print("terminated", t.exitcode, String(t).includes("exitcode=-SIGTERM"));
  const k = new Process({ target: sleeps, name: "victim" });
  k.start();
  k.kill();
  k.join();
  print("killed", k.exitcode, k.name);
}
