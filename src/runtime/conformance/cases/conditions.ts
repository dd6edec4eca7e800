import { Condition, Lock, Pipe, Process, Queue } from "multiprocessing";

/** What Python's f-string shows for a bool. */
const shown = (b: boolean) => (b ? "True" : "False");

function sleeper(c: Condition, q: Queue<string>, name: string, timeout: number | null) {
  with_(c, () => {
    q.put(`${name} ready`);
    q.put(`${name} woke ${shown(c.wait(timeout))}`);
  });
}

if (__name__ === "__main__") {
  const q = new Queue<string>();
  const c = new Condition();
  print(c, new Condition(new Lock()), new Condition({ lock: null }));
  for (const [name, f] of [
    ["wait", () => c.wait()],
    ["notify", () => c.notify()],
    ["notify_all", () => c.notify_all()],
  ] as const) {
    try {
      f();
    } catch (err) {
      if (!(err instanceof AssertionError)) throw err;
      print(name, "AssertionError:", err.message);
    }
  }
  with_(c, () => {
    print(c, c.wait(0.01), c.wait({ timeout: 0 }));
    print(
      c.wait_for(() => 0, 0.01),
      c.wait_for(() => 5),
      c.wait_for(() => "", { timeout: 0 }),
    );
    c.notify();
    c.notify(0);
    c.notify({ n: 3 });
    c.notify_all();
  });
  c.acquire();
  c.acquire();
  print(c, c.wait(0.01), c);
  c.release();
  c.release();
  print(c);

  // notify(n) wakes at most n of the waiters, notify_all the rest.
  const sleepers = ["a", "b", "c"].map((n) => new Process({ target: sleeper, args: [c, q, n, null] }));
  for (const s of sleepers) {
    s.start();
    q.get();
  }
  with_(c, () => {
    print("waiting:", c);
    c.notify(2);
  });
  const first = [q.get(), q.get()];
  with_(c, () => {
    print("still waiting:", c);
    c.notify_all();
  });
  print([...first, q.get()].sort());
  for (const s of sleepers) s.join();

  // A waiter that timed out does not take a notify meant for the one still waiting.
  const early = new Process({ target: sleeper, args: [c, q, "early", 0.5] });
  early.start();
  print(q.get());
  const late = new Process({ target: sleeper, args: [c, q, "late", null] });
  late.start();
  print([q.get(), q.get()].sort());
  with_(c, () => c.notify());
  print(q.get());
  early.join();
  late.join();

  const [, w] = Pipe();
  try {
    w.send(c);
  } catch (err) {
    if (!(err instanceof RuntimeError)) throw err;
    print("RuntimeError:", err.message);
  }
}
