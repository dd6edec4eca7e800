/**
 * Queues and pipes on Node worker_threads: the bad inputs the issue names, and the
 * events the timeline follows items by.
 */
import { afterAll, describe, expect, it } from "vitest";
import { disposeSharedKernel, runSnippet } from "../node/runSnippet";
import { lineOf, readProgram } from "../programs";

afterAll(() => disposeSharedKernel());

describe("queues and pipes: bad input", () => {
  it("get() on an empty queue with no producer shows as blocked on the queue, and Stop ends it", async () => {
    const source = readProgram("get-without-producer");
    const r = await runSnippet(source, { stopWhen: (ev) => ev.some((e) => e.kind === "proc.block") });
    expect(r.stopped).toBe(true);
    expect(r.stdout).toBe("waiting\n");
    const block = r.events.find((e) => e.kind === "proc.block");
    expect(block).toMatchObject({
      on: { op: "obj", objLabel: expect.stringMatching(/^Queue-\d+$/), call: "get", timeout: null },
      line: lineOf(source, "q.get()"),
    });
  });

  it("putting a function raises PicklingError; putting a queue into a queue raises CPython's RuntimeError", async () => {
    const r = await runSnippet(readProgram("unpicklable-puts"));
    expect(r.stdout).toBe(
      "PicklingError: Can't pickle <function <lambda>>: attribute lookup <lambda> on __main__ failed\n" +
        "RuntimeError: Queue objects should only be shared between processes through inheritance\n" +
        "put\n1\n",
    );
  });

  it("recv() on a pipe whose other end closed raises EOFError once the data is read", async () => {
    const r = await runSnippet(readProgram("pipe-eof"));
    expect(r.stdout).toBe("1 2\nEOFError\n");
  });

  it("a queue closed by one process leaves another process's get() waiting, as CPython does", async () => {
    const r = await runSnippet(readProgram("queue-closed-elsewhere"));
    expect(r.stdout).toBe("still waiting: True\n-15\nValueError\n");
  });
});

describe("connections in queues and pipes", () => {
  it("a pipe beyond the run's pool of sendable pipes still works, and sending it says why it cannot travel", async () => {
    const r = await runSnippet(readProgram("pipe-beyond-pool"));
    expect(r.stdout).toBe(
      "16th sent\n" +
        "RuntimeError: only the first 16 pipes of a run can be sent through a queue or pipe in the playground; Pipe-18 is beyond them\n" +
        "still a pipe\nthrough the queue\n",
    );
  });

  it("a Connection whose put failed (Full) does not keep its pipe open: the reader still sees EOF", async () => {
    const r = await runSnippet(readProgram("failed-put-of-connection"), { stopAfterMs: 10_000 });
    expect(r.stopped).toBe(false);
    expect(r.stdout).toBe("Full\nPicklingError\nEOFError\n");
  });

  it("killing a process that held only the reading end leaves the writer's pipe working for the other readers", async () => {
    const r = await runSnippet(readProgram("killed-reader"));
    expect(r.stdout).toBe("still delivered\nBrokenPipeError\n");
  });

  it("a closed Connection cannot be sent, as in CPython", async () => {
    const r = await runSnippet(readProgram("send-closed-connection"));
    expect(r.stdout).toBe("OSError: handle is closed\n");
  });
});

describe("queue events", () => {
  it("join each put to its get by item id, with Python previews", async () => {
    const r = await runSnippet(readProgram("put-get-pairs"));
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
