import { describe, expect, it } from "vitest";
import { Control, createControl, FIRST_PID } from "../control";
import { Emitter } from "../events/emitter";
import { createRing, RingReader, RingWriter, BUSY } from "../ring";

interface Rec {
  tag: number;
  seq: number;
  us: number;
  line: number;
  text: string;
}
import { SAME_PREVIEW, TAG_STDOUT } from "../events/codec";
import { Collector } from "./collector";
import { expandBatch } from "../events/opPack";

describe("ring", () => {
  it("carries records across the wrap-around, whole and in order", () => {
    const sab = createRing(256);
    const w = new RingWriter(sab);
    const r = new RingReader(sab);
    const got: Rec[] = [];
    const sent: Rec[] = [];
    const collect = (tag: number, seq: number, us: number, line: number, text: string) =>
      got.push({ tag, seq, us, line, text });
    for (let i = 0; i < 200; i++) {
      const rec = {
        tag: 1 + (i % 3),
        seq: i * 70_001,
        us: i * 123_456_789_013,
        line: i * 997,
        text: `record ${i} ${"x".repeat(i % 17)} é😀`,
      };
      sent.push(rec);
      w.write(rec.tag, rec.seq, rec.us, rec.line, rec.text);
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
  it("holds back events behind a seq that is still being written", () => {
    const control = new Control(createControl());
    const ringA = createRing(1024);
    const ringB = createRing(1024);
    const c = new Collector(control);
    c.add(1, ringA);
    c.add(2, ringB);
    const a = new Emitter(control, ringA, performance.timeOrigin, FIRST_PID);
    const b = new Emitter(control, ringB, performance.timeOrigin, FIRST_PID + 1);
    // Process 1 has taken seq 0 but not yet written it...
    const headerA = new Int32Array(ringA, 0, 4);
    Atomics.store(headerA, BUSY, control.peekSeq());
    control.nextSeq();
    // ...while process 2 writes seq 1.
    b.out(1, "later\n");
    expect(expandBatch(c.collect())).toEqual([]);
    // Process 1 finishes its write of seq 0 by hand, as the emitter would.
    new RingWriter(ringA).write(TAG_STDOUT, 0, 0, 0, "earlier\n");
    Atomics.store(headerA, BUSY, -1);
    expect(expandBatch(c.collect()).map((e) => (e.kind === "out" ? e.text : e.kind))).toEqual(["earlier\n", "later\n"]);
    a.out(1, "x");
    expect(expandBatch(c.collect())).toHaveLength(1);
  });

  it("restores a preview left out because it repeats this process's last one on the object", () => {
    const control = new Control(createControl());
    const emitAll = (e: Emitter) => {
      const payload = "b'xxxx'";
      e.op(1, "put", "ok", 0, 4, payload);
      e.op(2, "put", "ok", 0, 4, "'other'");
      e.op(1, "put", "ok", 1, 4, payload);
      e.op(1, "get", "ok", 0);
      // An item number past 32 bits goes as JSON, which the reader does not remember from...
      e.op(1, "put", "ok", 2 ** 32, 4, payload);
      // ...so the next record carries its text again.
      e.op(1, "put", "ok", 3, 4, payload);
      e.op(1, "put", "ok", 4, 4, payload);
      // An empty preview is no preview: it must not stand for the last one.
      e.op(1, "put", "ok", 5, 4, "");
      e.op(1, "put", "ok", 6, 4, "");
    };
    const raw = createRing(4096);
    emitAll(new Emitter(control, raw, performance.timeOrigin, FIRST_PID));
    const written: string[] = [];
    new RingReader(raw).drain((tag, _seq, _us, _line, text) =>
      written.push(`${tag & SAME_PREVIEW ? "same" : "text"}:${text}`),
    );
    expect(written).toEqual([
      "text:b'xxxx'",
      "text:'other'",
      "same:",
      "text:",
      expect.stringMatching(/^text:\{/),
      "text:b'xxxx'",
      "same:",
      "text:",
      "text:",
    ]);

    const ring = createRing(4096);
    const c = new Collector(control);
    c.add(FIRST_PID, ring);
    emitAll(new Emitter(control, ring, performance.timeOrigin, FIRST_PID));
    const read = expandBatch(c.collect()).flatMap((ev) =>
      ev.kind === "obj.op" ? [`${ev.objId}:${ev.item ?? "-"}`] : [],
    );
    expect(read).toEqual([
      "1:b'xxxx'",
      "2:'other'",
      "1:b'xxxx'",
      "1:-",
      "1:b'xxxx'",
      "1:b'xxxx'",
      "1:b'xxxx'",
      "1:-",
      "1:-",
    ]);
  });

  it("merges the operations of several processes in seq order, holding back those behind a seq in flight", () => {
    const control = new Control(createControl());
    const rings = [createRing(4096), createRing(4096)];
    const c = new Collector(control);
    rings.forEach((r, k) => c.add(FIRST_PID + k, r));
    const [a, b] = rings.map((r, k) => new Emitter(control, r, performance.timeOrigin, FIRST_PID + k)) as [
      Emitter,
      Emitter,
    ];
    a.op(1, "put", "ok", 0, 1, "0");
    b.op(1, "get", "ok", 0);
    a.op(1, "put", "ok", 1, 1, "1");
    b.out(1, "got one\n");
    // Process a takes the next seq but has not written its record yet.
    const header = new Int32Array(rings[0]!, 0, 4);
    Atomics.store(header, BUSY, control.peekSeq());
    const held = control.nextSeq();
    b.op(1, "get", "ok", 1);
    const first = expandBatch(c.collect());
    expect(first.map((e) => `${e.pid - FIRST_PID}:${e.kind === "obj.op" ? e.op : e.kind}`)).toEqual([
      "0:put",
      "1:get",
      "0:put",
      "1:out",
    ]);
    new RingWriter(rings[0]!).write(TAG_STDOUT, held, 0, 0, "late\n");
    Atomics.store(header, BUSY, -1);
    const second = expandBatch(c.collect());
    expect(second.map((e) => [e.seq, e.kind])).toEqual([
      [held, "out"],
      [held + 1, "obj.op"],
    ]);
  });

  it("keeps a retired ring until its held-back operations are released", () => {
    const control = new Control(createControl());
    const [done, busy] = [createRing(1024), createRing(1024)];
    const c = new Collector(control);
    c.add(FIRST_PID, done);
    c.add(FIRST_PID + 1, busy);
    // The other process has taken a seq it has not written yet...
    const header = new Int32Array(busy, 0, 4);
    Atomics.store(header, BUSY, control.peekSeq());
    const held = control.nextSeq();
    // ...so this one's last operation, and its end, wait behind it.
    new Emitter(control, done, performance.timeOrigin, FIRST_PID).op(1, "put", "ok", 0, 1, "'last'");
    c.retire(FIRST_PID);
    expect(expandBatch(c.collect())).toEqual([]);
    expect(c.ringCount).toBe(2);
    new RingWriter(busy).write(TAG_STDOUT, held, 0, 0, "x");
    Atomics.store(header, BUSY, -1);
    expect(expandBatch(c.collect()).map((e) => (e.kind === "obj.op" ? e.item : e.kind))).toEqual(["out", "'last'"]);
    c.collect();
    expect(c.ringCount).toBe(1);
  });

  it("ignores the BUSY word of a dead writer and frees a retired ring after draining it", () => {
    const control = new Control(createControl());
    const ring = createRing(1024);
    const other = createRing(1024);
    const c = new Collector(control);
    c.add(1, ring);
    c.add(2, other);
    Atomics.store(new Int32Array(ring, 0, 4), BUSY, control.peekSeq());
    control.nextSeq();
    new Emitter(control, other, performance.timeOrigin, FIRST_PID + 1).out(1, "y");
    expect(expandBatch(c.collect())).toEqual([]);
    c.markDead(1);
    c.retire(1);
    expect(expandBatch(c.collect())).toHaveLength(1);
    expect(c.ringCount).toBe(1);
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
