import { describe, expect, it } from "vitest";
import { Control, createControl, FIRST_PID } from "../control";
import { Emitter } from "../events/emitter";
import { createRing, RingReader, RingWriter } from "../events/ring";
import { SAME_PREVIEW, TAG_RUN, TAG_STDOUT, tagKind } from "../events/codec";
import { expandBatch } from "../events/opPack";
import { NONE, Op, type OpName, Outcome } from "../events/opColumns";
import type { OpOutcome } from "../events/types";
import { Collector } from "./collector";

interface Rec {
  tag: number;
  seq: number;
  us: number;
  line: number;
  text: string;
  v: number;
}

/** An operation by name, as the sync objects record it by code. */
function op(e: Emitter, objId: number, name: OpName, outcome: OpOutcome, itemId = NONE, size = NONE, item?: string) {
  e.op(objId, Op[name], Outcome[outcome], itemId, size, item);
}

const kinds = (c: Collector) =>
  expandBatch(c.collect()).map((e) => `${e.pid - FIRST_PID}:${e.kind === "obj.op" ? e.op : e.kind}`);

describe("ring", () => {
  it("carries records across the wrap-around, whole and in order", () => {
    const sab = createRing(256);
    const w = new RingWriter(sab);
    const r = new RingReader(sab);
    const got: Rec[] = [];
    const sent: Rec[] = [];
    const collect = (tag: number, seq: number, us: number, line: number, text: string, ...[, , , v]: number[]) =>
      got.push({ tag, seq, us, line, text, v: v ?? Number.NaN });
    for (let i = 0; i < 200; i++) {
      const rec = {
        tag: 1 + (i % 3),
        seq: i * 70_001,
        us: i * 123_456_789_013,
        line: i * 997,
        text: `record ${i} ${"x".repeat(i % 17)} é😀`,
        v: i % 5 === 0 ? Number.NaN : i * -1.25e10,
      };
      sent.push(rec);
      w.write(rec.tag, rec.seq, rec.us, rec.line, rec.text, false, 0, 0, 0, rec.v);
      if (i % 2 === 1) r.drain(collect);
    }
    r.drain(collect);
    expect(got).toEqual(sent);
  });

  it("refuses a record larger than the ring", () => {
    expect(() => new RingWriter(createRing(16)).write(TAG_STDOUT, 0, 0, 0, "x".repeat(20))).toThrow(RangeError);
  });
});

describe("Collector", () => {
  const setup = (n = 2) => {
    const control = new Control(createControl());
    const rings = Array.from({ length: n }, () => createRing(4096));
    const c = new Collector(control);
    rings.forEach((r, k) => c.add(FIRST_PID + k, r));
    const emitters = rings.map((r, k) => new Emitter(control, r, performance.timeOrigin, FIRST_PID + k));
    return { control, rings, c, a: emitters[0]!, b: emitters[1]! };
  };

  it("releases seqs in order and stops at one that is taken but not yet written", () => {
    const { control, rings, c, b } = setup();
    // Process a has taken a seq but not yet written it...
    const held = control.nextSeq();
    // ...while process b writes the next one.
    b.out(1, "later\n");
    expect(expandBatch(c.collect())).toEqual([]);
    // Process a finishes its write, as the emitter would.
    new RingWriter(rings[0]!).write(TAG_STDOUT, held, 0, 0, "earlier\n");
    expect(expandBatch(c.collect()).map((e) => (e.kind === "out" ? e.text : e.kind))).toEqual(["earlier\n", "later\n"]);
    b.out(1, "x");
    expect(expandBatch(c.collect())).toHaveLength(1);
  });

  it("puts a publishing operation before what followed its reservation, so no get is before its put", () => {
    const { c, a, b } = setup();
    // a's put reserves its seq as the item becomes visible; b gets the item before a records the put.
    a.reserve();
    op(b, 1, "get", "ok", 0);
    a.emit({ kind: "note", level: "info", text: "unblocked" });
    op(a, 1, "put", "ok", 0, 0, "'item'");
    expect(kinds(c)).toEqual(["0:put", "1:get", "0:note"]);
  });

  it("releases a seq that was reserved for an operation that never happened as nothing", () => {
    const { c, a, b } = setup();
    a.reserve();
    b.out(1, "after\n");
    expect(kinds(c)).toEqual([]);
    a.cancelReserved();
    expect(kinds(c)).toEqual(["1:out"]);
  });

  it("restores a preview left out because it repeats this process's last one on the object", () => {
    const control = new Control(createControl());
    const emitAll = (e: Emitter) => {
      const payload = "b'xxxx'";
      op(e, 1, "put", "ok", 0, 4, payload);
      op(e, 2, "put", "ok", 0, 4, "'other'");
      op(e, 1, "put", "ok", 1, 4, payload);
      op(e, 1, "get", "ok", 0);
      // An item number past 32 bits goes as JSON, which the reader does not remember from...
      op(e, 1, "put", "ok", 2 ** 32, 4, payload);
      // ...so the next record carries its text again.
      op(e, 1, "put", "ok", 3, 4, payload);
      op(e, 1, "put", "ok", 4, 4, payload);
      // An empty preview is no preview: it must not stand for the last one.
      op(e, 1, "put", "ok", 5, 4, "");
      op(e, 1, "put", "ok", 6, 4, "");
    };
    const raw = createRing(4096);
    emitAll(new Emitter(control, raw, performance.timeOrigin, FIRST_PID));
    const written: string[] = [];
    const reader = new RingReader(raw);
    reader.takeOpen();
    reader.drain((tag, _seq, _us, _line, text, a) =>
      // An operation without a preview goes into a run (events/opRun.ts): never a text to remember.
      written.push(tagKind(tag) === TAG_RUN ? `run of ${a}` : `${tag & SAME_PREVIEW ? "same" : "text"}:${text}`),
    );
    expect(written).toEqual([
      "text:b'xxxx'",
      "text:'other'",
      "same:",
      "run of 1",
      expect.stringMatching(/^text:\{/),
      "text:b'xxxx'",
      "same:",
      "run of 2",
    ]);

    const ring = createRing(4096);
    const fresh = new Control(createControl());
    const c = new Collector(fresh);
    c.add(FIRST_PID, ring);
    emitAll(new Emitter(fresh, ring, performance.timeOrigin, FIRST_PID));
    const read = expandBatch(c.collect()).flatMap((ev) =>
      ev.kind === "obj.op" ? [`${ev.objId}:${ev.item ?? "-"}:${ev.itemId ?? "-"}`] : [],
    );
    expect(read).toEqual([
      "1:b'xxxx':0",
      "2:'other':0",
      "1:b'xxxx':1",
      "1:-:0",
      `1:b'xxxx':${2 ** 32}`,
      "1:b'xxxx':3",
      "1:b'xxxx':4",
      "1:-:5",
      "1:-:6",
    ]);
  });

  it("carries an operation's value, and none when it has none", () => {
    const { c, a } = setup(1);
    a.op(3, Op.write, Outcome.ok, NONE, NONE, undefined, -41.5);
    a.op(3, Op.read, Outcome.ok);
    const ops = expandBatch(c.collect());
    expect(ops.map((e) => (e.kind === "obj.op" ? [e.op, e.value] : []))).toEqual([
      ["write", -41.5],
      ["read", undefined],
    ]);
  });

  it("merges the operations of several processes in seq order, holding back those behind a seq in flight", () => {
    const { control, rings, c, a, b } = setup();
    op(a, 1, "put", "ok", 0, 1, "0");
    op(b, 1, "get", "ok", 0);
    op(a, 1, "put", "ok", 1, 1, "1");
    b.out(1, "got one\n");
    // Process a takes the next seq but has not written its record yet.
    const held = control.nextSeq();
    op(b, 1, "get", "ok", 1);
    expect(kinds(c)).toEqual(["0:put", "1:get", "0:put", "1:out"]);
    new RingWriter(rings[0]!).write(TAG_STDOUT, held, 0, 0, "late\n");
    const second = expandBatch(c.collect());
    expect(second.map((e) => [e.seq, e.kind])).toEqual([
      [held, "out"],
      [held + 1, "obj.op"],
    ]);
  });

  it("keeps a retired ring until its held-back operations are released", () => {
    const { control, rings, c, a } = setup();
    // The other process has taken a seq it has not written yet...
    const held = control.nextSeq();
    // ...so this one's last operation, and its end, wait behind it.
    op(a, 1, "put", "ok", 0, 1, "'last'");
    c.retire(FIRST_PID);
    expect(expandBatch(c.collect())).toEqual([]);
    expect(c.ringCount).toBe(2);
    new RingWriter(rings[1]!).write(TAG_STDOUT, held, 0, 0, "x");
    expect(expandBatch(c.collect()).map((e) => (e.kind === "obj.op" ? e.item : e.kind))).toEqual(["out", "'last'"]);
    c.collect();
    expect(c.ringCount).toBe(1);
  });

  it("passes over a gap only once a process has died and the gap has lasted", () => {
    const { control, c, b } = setup();
    control.nextSeq(); // taken by a, which never writes it
    b.out(1, "y");
    for (let i = 0; i < 200; i++) expect(expandBatch(c.collect())).toEqual([]);
    c.markDead(FIRST_PID);
    c.retire(FIRST_PID);
    let drains = 0;
    while (expandBatch(c.collect()).length === 0) drains++;
    expect(drains).toBeGreaterThan(10);
    expect(drains).toBeLessThan(100);
    expect(c.ringCount).toBe(1);
  });

  it("releases everything at the end of a run, gaps and all", () => {
    const { control, c, b } = setup();
    control.nextSeq();
    b.out(1, "y");
    expect(expandBatch(c.collect(true)).map((e) => e.kind)).toEqual(["out"]);
  });
});

describe("open output records", () => {
  const setup = () => {
    const control = new Control(createControl());
    const c = new Collector(control);
    const rings = [createRing(1024), createRing(1024)];
    rings.forEach((r, i) => c.add(FIRST_PID + i, r));
    const [a, b] = rings.map((r, i) => new Emitter(control, r, performance.timeOrigin, FIRST_PID + i));
    const texts = () =>
      expandBatch(c.collect()).map((e) => (e.kind === "out" ? `${e.pid - FIRST_PID}:${e.text}` : e.kind));
    return { a: a!, b: b!, texts, control };
  };

  it("a burst from one process becomes one event, readable without the writer's help", () => {
    const { a, texts } = setup();
    a.out(1, "one\n");
    a.out(1, "two\n");
    a.out(1, "three\n");
    expect(texts()).toEqual(["0:one\ntwo\nthree\n"]);
    expect(texts()).toEqual([]);
  });

  it("never merges across another process's write, so the order stays exact", () => {
    const { a, b, texts } = setup();
    a.out(1, "a1 ");
    b.out(1, "b1 ");
    a.out(1, "a2 ");
    a.out(1, "a3 ");
    expect(texts()).toEqual(["0:a1 ", "1:b1 ", "0:a2 a3 "]);
  });

  it("a writer that holds the lock whenever the kernel looks still hands its output over", () => {
    const control = new Control(createControl());
    const ring = createRing(1024);
    const c = new Collector(control);
    c.add(FIRST_PID, ring);
    const e = new Emitter(control, ring, performance.timeOrigin, FIRST_PID);
    e.out(1, "first ");
    const writer = new RingWriter(ring);
    writer.lock(); // as if mid-print whenever the kernel drains
    expect(expandBatch(c.collect())).toEqual([]);
    writer.unlock();
    e.out(1, "second ");
    // Handed over as its own record: "second " could not be merged into it.
    expect(expandBatch(c.collect()).map((ev) => (ev.kind === "out" ? ev.text : ev.kind))).toEqual([
      "first ",
      "second ",
    ]);
  });

  it("keeps stdout and stderr apart and closes output before any other event", () => {
    const { a, texts } = setup();
    a.out(1, "out ");
    a.out(2, "err ");
    a.emit({ kind: "note", level: "info", text: "n" });
    a.out(1, "after");
    expect(texts()).toEqual(["0:out ", "0:err ", "note", "0:after"]);
  });
});
