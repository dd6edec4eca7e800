import { describe, expect, it } from "vitest";
import { Control, createControl, FIRST_PID } from "../control";
import { Collector } from "../kernel/collector";
import { WaitGraph } from "../kernel/waitGraph";
import { TraceLog } from "../traceLog";
import { TAG_RUN, tagKind } from "./codec";
import { Emitter, type SourceLocation } from "./emitter";
import { NONE, Op, type OpName, Outcome } from "./opColumns";
import { expandBatch, packOps, type OpBatch } from "./opPack";
import { createRing, RingReader } from "./ring";
import type { RunEvent } from "./types";

/** An operation as the test means it, and as the collector must give it back. */
interface Want {
  pid: number;
  objId: number;
  op: OpName;
  itemId?: number;
  size?: number;
  value?: number;
  line: number;
}

function setup(processes = 1) {
  const control = new Control(createControl());
  const c = new Collector(control);
  const rings = Array.from({ length: processes }, () => createRing(1 << 12));
  const locs: SourceLocation[] = rings.map(() => ({ line: 0 }));
  rings.forEach((r, k) => c.add(FIRST_PID + k, r));
  const emitters = rings.map((r, k) => new Emitter(control, r, performance.timeOrigin, FIRST_PID + k, locs[k]));
  const wants: Want[] = [];
  /** Records an operation as the sync objects do (a release reserves its seq first) and what it must come back as. */
  const op = (k: number, w: Omit<Want, "pid">) => {
    const loc = locs[k] as SourceLocation;
    loc.line = w.line;
    const e = emitters[k] as Emitter;
    if (w.op === "release" || w.op === "write") e.reserve();
    e.op(w.objId, Op[w.op], Outcome.ok, w.itemId ?? NONE, w.size ?? NONE, undefined, w.value ?? Number.NaN);
    wants.push({ ...w, pid: FIRST_PID + k });
  };
  const batches: OpBatch[] = [];
  const collect = (all = false) => batches.push(c.collect(all));
  const got = () =>
    batches.flatMap((b) =>
      expandBatch(b).flatMap((e) =>
        e.kind === "obj.op"
          ? [
              {
                seq: e.seq,
                want: {
                  pid: e.pid,
                  objId: e.objId,
                  op: e.op as OpName,
                  ...(e.itemId !== undefined ? { itemId: e.itemId } : {}),
                  ...(e.size !== undefined ? { size: e.size } : {}),
                  ...(e.value !== undefined ? { value: e.value } : {}),
                  line: e.line ?? 0,
                },
              },
            ]
          : [],
      ),
    );
  return { control, c, rings, op, wants, collect, got, batches };
}

/** `n` uncontended acquire/release pairs on lock 1 from release number `from`. */
function lockLoop(op: (k: number, w: Omit<Want, "pid">) => void, k: number, n: number, from = 0): number {
  let released = from;
  for (let i = 0; i < n; i++) {
    op(k, { objId: 1, op: "acquire", itemId: released, size: 0, line: 7 });
    op(k, { objId: 1, op: "release", itemId: ++released, size: 1, line: 9 });
  }
  return released;
}

/** How many records a ring holds now (the open one taken). */
function recordsIn(ring: SharedArrayBuffer): { all: number; runs: number } {
  const reader = new RingReader(ring);
  reader.takeOpen();
  let all = 0;
  let runs = 0;
  reader.drain((tag) => {
    all++;
    if (tagKind(tag) === TAG_RUN) runs++;
  });
  return { all, runs };
}

describe("runs of operations", () => {
  it("write a loop of lock pairs as one record that expands to exactly the seqs, ITEMs and lines of its operations", () => {
    const { op, wants, rings } = setup();
    lockLoop(op, 0, 2000);
    // The first acquire follows no operation of this process: a plain record; the rest, one run.
    expect(recordsIn(rings[0] as SharedArrayBuffer)).toEqual({ all: 2, runs: 1 });
    expect(wants).toHaveLength(4000);

    const again = setup();
    lockLoop(again.op, 0, 2000);
    again.collect(true);
    expect(again.got()).toEqual(again.wants.map((want, seq) => ({ seq, want })));
    // In seq order: one holder at a time, and each acquire names the release just before it.
    let lastRelease = 0;
    for (const { want } of again.got())
      if (want.op === "acquire") expect(want.itemId).toBe(lastRelease);
      else lastRelease = want.itemId ?? -1;
  });

  it("follow a locked Value's increment (acquire, read, write, release), its values and a cycle that breaks", () => {
    const { op, wants, collect, got, rings } = setup();
    let released = 0;
    let v = 0;
    const incr = (by: number) => {
      op(0, { objId: 1, op: "acquire", itemId: released, size: 0, line: 3 });
      op(0, { objId: 2, op: "read", value: v, line: 4 });
      v += by;
      op(0, { objId: 2, op: "write", value: v, line: 4 });
      op(0, { objId: 1, op: "release", itemId: ++released, size: 1, line: 5 });
    };
    for (let i = 0; i < 500; i++) incr(1);
    incr(5); // the cycle breaks: a new run starts
    for (let i = 0; i < 500; i++) incr(0.1); // floats: extended only while the step gives them exactly
    collect(true);
    expect(got()).toEqual(wants.map((want, seq) => ({ seq, want })));
    expect(recordsIn(rings[0] as SharedArrayBuffer).all).toBe(0);
  });

  it("keep exact seqs when another process takes a seq in between, or the kernel takes the run mid-way", () => {
    const { op, wants, collect, got, rings } = setup(2);
    let released = lockLoop(op, 0, 100);
    collect(); // takes the open run: the next pair starts a new one
    released = lockLoop(op, 0, 100, released);
    // Another process's operation between two of ours ends our run.
    op(1, { objId: 5, op: "acquire", itemId: 0, size: 0, line: 20 });
    lockLoop(op, 0, 100, released);
    op(1, { objId: 5, op: "release", itemId: 1, size: 1, line: 21 });
    collect(true);
    expect(got()).toEqual(wants.map((want, seq) => ({ seq, want })));
    expect(recordsIn(rings[0] as SharedArrayBuffer).all).toBe(0);
  });

  it("reach the trace whole: the trace lists every operation of a run", () => {
    const { collect, op, batches } = setup();
    lockLoop(op, 0, 1000);
    collect(true);
    const log = new TraceLog();
    for (const b of batches) log.add(b.events, b.ops);
    const trace = log.trace();
    const ops = trace.traceEvents.filter((e) => e.cat === "object");
    expect(ops.map((e) => e.name)).toEqual(Array.from({ length: 2000 }, (_, i) => (i % 2 ? "release" : "acquire")));
    expect(ops.map((e) => (e.args as { seq: number }).seq)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    // The batch itself is a few rows: the run's header and its slots.
    expect(batches.reduce((n, b) => n + (b.ops?.n ?? 0), 0)).toBeLessThan(10);
  });

  it("leave the wait-for graph as the operations one by one would", () => {
    const { collect, op, batches } = setup(2);
    const released = lockLoop(op, 0, 5000);
    // Process 0 ends holding the lock.
    op(0, { objId: 1, op: "acquire", itemId: released, size: 0, line: 7 });
    collect(true);
    const fast = new WaitGraph();
    const slow = new WaitGraph();
    const created: RunEvent = { kind: "obj.create", objId: 1, objKind: "Lock", label: "Lock-1", seq: -1, t: 0, pid: 1 };
    const block: RunEvent = {
      kind: "proc.block",
      on: { op: "obj", objId: 1, objLabel: "Lock-1", call: "acquire", timeout: null },
      seq: 1e9,
      t: 1,
      pid: FIRST_PID + 1,
    };
    for (const g of [fast, slow]) g.feed([created], null, 0);
    for (const b of batches) {
      fast.feed(b.events, b.ops, 0);
      const one = packOps(expandBatch(b));
      expect(one.ops?.n).toBeGreaterThan(10_000);
      slow.feed(one.events, one.ops, 0);
    }
    for (const g of [fast, slow]) g.feed([block], null, 0);
    const live = [FIRST_PID, FIRST_PID + 1];
    // Process 0 is running, so no deadlock; but both graphs say process 1 waits for process 0.
    expect(fast.deadlock(live, 10_000)).toBeNull();
    const report = (g: WaitGraph) => (g as unknown as { describe(pid: number): string }).describe(FIRST_PID + 1);
    expect(report(fast)).toBe(report(slow));
    expect(report(fast)).toContain("held by");
  });
});
