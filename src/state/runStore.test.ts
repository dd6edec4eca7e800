/** The run store with a fake kernel: no React, no workers. */
import { describe, expect, it } from "vitest";
import type { KernelApi, KernelBatch, RunOutcome } from "../runtime/protocol";
import type { RunEvent } from "../runtime/events/types";
import { packOps } from "../runtime/events/opPack";
import { ObjectModel } from "./objectModel";
import { holdersAt } from "./sync/lockFold";
import { createRunStore, nextFlushDelay } from "./runStore";

function fakeKernel() {
  let deliver: ((b: KernelBatch) => void) | null = null;
  let finish: ((o: RunOutcome) => void) | null = null;
  let stops = 0;
  const kernel: KernelApi = {
    check: async () => null,
    run: (_source, onBatch) => {
      deliver = onBatch;
      return new Promise((resolve) => (finish = resolve));
    },
    stop: async () => {
      stops++;
      finish?.({ runId: 1, exitCode: -15, stopped: true, deadlock: null, syntaxError: null });
    },
    exportTrace: async () => null,
  };
  return {
    kernel,
    batch: (b: KernelBatch) => deliver?.(b),
    finish: (o: RunOutcome) => finish?.(o),
    stops: () => stops,
  };
}

const tick = () => new Promise((r) => setTimeout(r, 40));

describe("runStore", () => {
  it("applies batches to the console and the timeline, then records the outcome", async () => {
    const k = fakeKernel();
    const store = createRunStore(() => k.kernel);
    const done = store.getState().run("print('hi')");
    expect(store.getState().status).toBe("running");
    const runId = store.getState().runId;
    k.batch({
      runId,
      events: [
        { seq: 0, t: 0, pid: 7, kind: "proc.start", name: "MainProcess", ppid: null },
        { seq: 1, t: 1, pid: 7, kind: "out", stream: 1, text: "hi\n" },
      ],
    });
    k.batch({
      runId: runId + 99,
      events: [{ seq: 2, t: 2, pid: 7, kind: "out", stream: 1, text: "from another run\n" }],
    });
    await tick();
    expect(store.getState().console.toText()).toBe("hi\n");
    expect(store.getState().timeline.lanes.map((l) => l.name)).toEqual(["MainProcess"]);
    k.finish({ runId, exitCode: 0, stopped: false, deadlock: null, syntaxError: null });
    await done;
    expect(store.getState()).toMatchObject({ status: "finished", exitCode: 0 });
  });

  it("folds packed queue operations into the object model, previews and all, and extends the timeline to them", async () => {
    const k = fakeKernel();
    const store = createRunStore(() => k.kernel);
    void store.getState().run("q.put('a')");
    const runId = store.getState().runId;
    const op = (seq: number, t: number, o: string, itemId: number, item?: string): RunEvent => ({
      seq,
      t,
      pid: 7,
      kind: "obj.op",
      objId: 3,
      op: o,
      outcome: "ok",
      itemId,
      item,
    });
    const first = packOps([
      { seq: 0, t: 0, pid: 7, kind: "obj.create", objId: 3, objKind: "Queue", label: "Queue-3" },
      op(1, 1, "put", 1, "'a'"),
      op(2, 2, "put", 2, "'a'"),
    ]);
    k.batch({ runId, ...first });
    k.batch({ runId, ...packOps([op(3, 5, "put", 3, "'b'"), op(4, 9, "get", 1)]) });
    await tick();
    const { objects, timeline } = store.getState();
    const q = objects.byId.get(3)!;
    expect(ObjectModel.insideAt(q, Infinity).items.map((i) => i.preview)).toEqual(["'a'", "'b'"]);
    expect(q.items.at(0)).toMatchObject({ preview: "'a'", putAt: 1, gotAt: 9 });
    expect(timeline.end).toBe(9);
    // Operations live in the object model only.
    expect(timeline.events.map((e) => e.kind)).toEqual(["obj.create"]);
  });

  it("routes a lock's packed operations to the sync model, not the queue model", async () => {
    const k = fakeKernel();
    const store = createRunStore(() => k.kernel);
    void store.getState().run("lock.acquire()");
    const runId = store.getState().runId;
    const acquire = (seq: number, t: number, pid: number): RunEvent => ({
      seq,
      t,
      pid,
      kind: "obj.op",
      objId: 4,
      op: "acquire",
      outcome: "ok",
      itemId: 0,
      size: 0,
    });
    k.batch({
      runId,
      ...packOps([
        { seq: 0, t: 0, pid: 7, kind: "obj.create", objId: 4, objKind: "Lock", label: "Lock-4" },
        { seq: 1, t: 1, pid: 7, kind: "obj.create", objId: 5, objKind: "Queue", label: "Queue-5" },
        acquire(2, 2, 8),
      ]),
    });
    await tick();
    const { objects, sync } = store.getState();
    expect(objects.objects.map((o) => o.label)).toEqual(["Queue-5"]);
    expect(objects.ops).toBe(0);
    const lock = sync.byId.get(4)!;
    expect(lock.label).toBe("Lock-4");
    expect(holdersAt(lock, 3).map((h) => h.pid)).toEqual([8]);
  });

  it("reports a syntax error without output", async () => {
    const k = fakeKernel();
    const store = createRunStore(() => k.kernel);
    const done = store.getState().run("let = ;");
    const syntaxError = { message: "Unexpected token", line: 1, column: 5, report: "SyntaxError: unexpected token\n" };
    k.finish({ runId: 1, exitCode: null, stopped: false, deadlock: null, syntaxError });
    await done;
    expect(store.getState()).toMatchObject({ status: "syntax-error", syntaxError });
    expect(store.getState().console.lineCount).toBe(0);
  });

  it("Stop asks the kernel once and ends as stopped", async () => {
    const k = fakeKernel();
    const store = createRunStore(() => k.kernel);
    const done = store.getState().run("while (true) {}");
    await store.getState().stop();
    await store.getState().stop();
    await done;
    expect(k.stops()).toBe(1);
    expect(store.getState().status).toBe("stopped");
  });
});

describe("nextFlushDelay", () => {
  it("keeps a frame's pace while flushes are cheap, and spaces costly ones so the UI takes a quarter of the time", () => {
    expect(nextFlushDelay(2)).toBe(16);
    expect(nextFlushDelay(20)).toBeCloseTo(60);
    expect(nextFlushDelay(20) / (nextFlushDelay(20) + 20)).toBeCloseTo(0.75);
    expect(nextFlushDelay(1000)).toBe(250);
  });
});
