import { Process, current_process } from "multiprocessing";

class Worker extends Process {
  constructor(
    public label: string,
    public count: number,
  ) {
    super();
  }
  override run() {
    print(`${current_process().name} runs ${this.label} x${this.count}`, this.name);
    const g = new Process({ target: grandchild });
    g.start();
    g.join();
  }
}

function grandchild() {
  print("grandchild", current_process().name);
}

function child() {
  print("child", current_process().name);
}

if (__name__ === "__main__") {
  const unused = new Process({ target: child });
  const a = new Process({ target: child });
  const named = new Process({ target: child, name: "custom" });
  const w = new Worker("job", 3);
  print(unused.name, a.name, named.name, w.name);
  for (const p of [a, named, w]) {
    p.start();
    p.join();
  }
}
