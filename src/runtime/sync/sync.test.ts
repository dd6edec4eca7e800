/**
 * Queues and pipes on Node worker_threads: the bad inputs the issue names, and the
 * events the timeline follows items by.
 */
import { afterAll, describe, expect, it } from "vitest";
import { disposeSharedKernel, runSnippet } from "../node/runSnippet";

afterAll(() => disposeSharedKernel());

const header = `import { Process, Queue, Pipe } from "multiprocessing";\nimport type { Connection } from "multiprocessing";\nimport * as time from "time";\n`;

describe("queues and pipes: bad input", () => {
  it("get() on an empty queue with no producer shows as blocked on the queue, and Stop ends it", async () => {
    const r = await runSnippet(
      `${header}if (__name__ === "__main__") {\n  const q = new Queue();\n  print("waiting");\n  q.get();\n  print("never printed");\n}\n`,
      {
        stopWhen: (ev) => ev.some((e) => e.kind === "proc.block"),
      },
    );
    expect(r.stopped).toBe(true);
    expect(r.stdout).toBe("waiting\n");
    const block = r.events.find((e) => e.kind === "proc.block");
    expect(block).toMatchObject({
      on: { op: "obj", objLabel: expect.stringMatching(/^Queue-\d+$/), call: "get", timeout: null },
      line: 7,
    });
  });

  it("putting a function raises PicklingError; putting a queue into a queue raises CPython's RuntimeError", async () => {
    const r = await runSnippet(
      `${header}function top() {}\nif (__name__ === "__main__") {\n  const q = new Queue();\n  for (const v of [() => 1, new Queue(), top]) {\n    try { q.put(v); print("put"); } catch (e) { print((e as Error).name + ": " + (e as Error).message); }\n  }\n  print(q.qsize());\n}\n`,
    );
    expect(r.stdout).toBe(
      "PicklingError: Can't pickle <function <lambda>>: attribute lookup <lambda> on __main__ failed\n" +
        "RuntimeError: Queue objects should only be shared between processes through inheritance\n" +
        "put\n1\n",
    );
  });

  it("recv() on a pipe whose other end closed raises EOFError once the data is read", async () => {
    const r = await runSnippet(
      `${header}function f(c: Connection) { c.send(1); c.send(2); }\nif (__name__ === "__main__") {\n  const [a, b] = Pipe();\n  const p = new Process({ target: f, args: [b] });\n  p.start();\n  b.close();\n  p.join();\n  print(a.recv(), a.recv());\n  try { a.recv(); } catch (e) { print((e as Error).name); }\n}\n`,
    );
    expect(r.stdout).toBe("1 2\nEOFError\n");
  });

  it("a queue closed by one process leaves another process's get() waiting, as CPython does", async () => {
    const r = await runSnippet(
      `${header}function consume(q: Queue) { print("got", q.get()); }\nif (__name__ === "__main__") {\n  const q = new Queue();\n  const p = new Process({ target: consume, args: [q] });\n  p.start();\n  q.close();\n  p.join(0.3);\n  print("still waiting:", p.is_alive());\n  p.terminate();\n  p.join();\n  print(p.exitcode);\n  try { q.put(1); } catch (e) { print((e as Error).name); }\n}\n`,
    );
    expect(r.stdout).toBe("still waiting: True\n-15\nValueError\n");
  });
});

describe("connections in queues and pipes", () => {
  it("a pipe beyond the run's pool of sendable pipes still works, and sending it says why it cannot travel", async () => {
    const r = await runSnippet(
      `${header}if (__name__ === "__main__") {\n  const q = new Queue();\n  const pipes = Array.from({ length: 17 }, () => Pipe());\n  q.put(pipes[15]![0]);\n  print("16th sent");\n  try { q.put(pipes[16]![0]); } catch (e) { print((e as Error).name + ": " + (e as Error).message); }\n  pipes[16]![0].send("still a pipe");\n  print(pipes[16]![1].recv());\n  const got = q.get() as Connection;\n  got.send("through the queue");\n  print(pipes[15]![1].recv());\n}\n`,
    );
    expect(r.stdout).toBe(
      "16th sent\n" +
        "RuntimeError: only the first 16 pipes of a run can be sent through a queue or pipe in the playground; Pipe-18 is beyond them\n" +
        "still a pipe\nthrough the queue\n",
    );
  });

  it("a Connection whose put failed (Full) does not keep its pipe open: the reader still sees EOF", async () => {
    const r = await runSnippet(
      `${header}if (__name__ === "__main__") {\n  const q = new Queue(1);\n  q.put("filler");\n  const [rd, wr] = Pipe(false);\n  try { q.put_nowait(wr); } catch (e) { print((e as Error).name); }\n  try { q.put([wr, () => 1]); } catch (e) { print((e as Error).name); }\n  wr.close();\n  try { rd.recv(); } catch (e) { print((e as Error).name); }\n}\n`,
      { stopAfterMs: 10_000 },
    );
    expect(r.stopped).toBe(false);
    expect(r.stdout).toBe("Full\nPicklingError\nEOFError\n");
  });

  it("killing a process that held only the reading end leaves the writer's pipe working for the other readers", async () => {
    const r = await runSnippet(
      `${header}function hold(c: Connection) { time.sleep(60); }\nif (__name__ === "__main__") {\n  const [rd, wr] = Pipe(false);\n  const p = new Process({ target: hold, args: [rd] });\n  p.start();\n  p.terminate();\n  p.join();\n  wr.send("still delivered");\n  print(rd.recv());\n  rd.close();\n  try { wr.send("nobody reads"); } catch (e) { print((e as Error).name); }\n}\n`,
    );
    expect(r.stdout).toBe("still delivered\nBrokenPipeError\n");
  });

  it("a closed Connection cannot be sent, as in CPython", async () => {
    const r = await runSnippet(
      `${header}if (__name__ === "__main__") {\n  const q = new Queue();\n  const [a] = Pipe();\n  a.close();\n  try { q.put(a); } catch (e) { print((e as Error).name + ": " + (e as Error).message); }\n}\n`,
    );
    expect(r.stdout).toBe("OSError: handle is closed\n");
  });
});

describe("queue events", () => {
  it("join each put to its get by item id, with Python previews", async () => {
    const r = await runSnippet(
      `${header}function f(q: Queue) { q.put(["one", "two", 3]); q.put("x".repeat(500)); }\nif (__name__ === "__main__") {\n  const q = new Queue(2);\n  const p = new Process({ target: f, args: [q] });\n  p.start();\n  q.get(); q.get();\n  p.join();\n}\n`,
    );
    const ops = r.events.flatMap((e) => (e.kind === "obj.op" ? [e] : []));
    const puts = ops.filter((o) => o.op === "put");
    const gets = ops.filter((o) => o.op === "get");
    expect(puts.map((o) => o.itemId)).toEqual(gets.map((o) => o.itemId));
    expect(puts[0]?.item).toBe("['one', 'two', 3]");
    expect(puts[1]?.item?.length).toBeLessThanOrEqual(80);
    expect(puts.every((o) => o.pid !== gets[0]?.pid)).toBe(true);
    const created = r.events.find((e) => e.kind === "obj.create");
    expect(created).toMatchObject({ objKind: "Queue", maxsize: 2 });
  });
});
