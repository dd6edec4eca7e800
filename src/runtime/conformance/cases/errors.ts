import { Process, current_process } from "multiprocessing";

function nothing() {}

function daemonChild() {
  try {
    new Process({ target: nothing }).start();
  } catch (e) {
    print("daemon:", (e as Error).name, (e as Error).message);
  }
}

function attempt(label: string, fn: () => void) {
  try {
    fn();
    print(label, "ok");
  } catch (e) {
    print(label, (e as Error).name, (e as Error).message);
  }
}

if (__name__ === "__main__") {
  const p = new Process({ target: nothing });
  attempt("join before start:", () => p.join());
  p.start();
  attempt("start twice:", () => p.start());
  p.join();
  attempt("join self:", () => current_process().join());
  attempt("close:", () => p.close());
  attempt("use closed:", () => p.is_alive());
  const d = new Process({ target: daemonChild, daemon: true });
  d.start();
  d.join();
  print("daemon exit", d.exitcode);
  attempt("group:", () => new Process({ group: "g" as unknown as null }));
}
