import { describe, expect, it } from "vitest";
import type { RunEvent } from "../runtime/events/types";
import { forEachRow, packOps } from "../runtime/events/opPack";
import { F64Column } from "./itemColumns";
import { ObjectModel } from "./objectModel";

let seq = 0;
const create = (
  t: number,
  pid: number,
  objId: number,
  objKind: "Queue" | "Pipe" | "JoinableQueue",
  maxsize?: number,
): RunEvent => ({
  seq: seq++,
  t,
  pid,
  kind: "obj.create",
  objId,
  objKind,
  label: `${objKind}-${objId}`,
  ...(maxsize ? { maxsize } : {}),
});
const op = (
  t: number,
  pid: number,
  objId: number,
  o: string,
  itemId?: number,
  item?: string,
  outcome: "ok" | "full" | "empty" | "eof" = "ok",
): RunEvent => ({
  seq: seq++,
  t,
  pid,
  kind: "obj.op",
  objId,
  op: o,
  outcome,
  ...(itemId !== undefined ? { itemId } : {}),
  ...(item !== undefined ? { item } : {}),
});

function producerConsumer(): ObjectModel {
  const m = new ObjectModel();
  m.apply(create(0, 1, 1, "Queue", 3));
  m.apply(op(10, 2, 1, "put", 1, "'a'"));
  m.apply(op(20, 2, 1, "put", 2, "'b'"));
  m.apply(op(30, 2, 1, "put", 3, "'c'"));
  m.apply(op(40, 1, 1, "get", 1, "'a'"));
  m.apply(op(50, 2, 1, "put", 4, "'d'"));
  m.apply(op(60, 1, 1, "get", 2, "'b'"));
  return m;
}

describe("ObjectModel", () => {
  it("records each queue with its label and maxsize", () => {
    const m = producerConsumer();
    m.apply(create(1, 1, 2, "JoinableQueue"));
    expect(m.objects.map((o) => [o.label, o.kind, o.maxsize, o.index])).toEqual([
      ["Queue-1", "Queue", 3, 0],
      ["JoinableQueue-2", "JoinableQueue", null, 1],
    ]);
  });

  it("tells the contents, length and counts at any time", () => {
    const m = producerConsumer();
    const q = m.byId.get(1)!;
    const at = (t: number) => ObjectModel.insideAt(q, t).items.map((i) => i.preview);
    expect(at(5)).toEqual([]);
    expect(at(10)).toEqual(["'a'"]);
    expect(at(35)).toEqual(["'a'", "'b'", "'c'"]);
    expect(at(45)).toEqual(["'b'", "'c'"]);
    expect(at(55)).toEqual(["'b'", "'c'", "'d'"]);
    expect(at(1000)).toEqual(["'c'", "'d'"]);
    expect([5, 10, 35, 45, 55, 1000].map((t) => ObjectModel.lengthAt(q, t))).toEqual([0, 1, 3, 2, 3, 2]);
    expect(ObjectModel.countsAt(q, 45)).toEqual({ put: 3, got: 1 });
    expect(q.maxLen).toBe(3);
    const first = ObjectModel.insideAt(q, 35).items[0]!;
    expect(first).toMatchObject({ itemId: 1, putAt: 10, putBy: 2, gotAt: 40, gotBy: 1 });
  });

  it("pairs each put with the get that received its item, in the log's causal order", () => {
    const m = new ObjectModel();
    m.apply(create(0, 1, 1, "Queue"));
    m.apply(op(10, 2, 1, "put", 7, "1"));
    m.apply(op(11, 2, 1, "put", 8, "2"));
    m.apply(op(12, 3, 1, "get", 8, "2"));
    m.apply(op(20, 3, 1, "get", 7, "1"));
    const q = m.byId.get(1)!;
    expect(m.unmatchedGets).toBe(0);
    expect(ObjectModel.transfersIn(q, 0, 100).map((i) => [i.itemId, i.putBy, i.putAt, i.gotBy, i.gotAt])).toEqual([
      [7, 2, 10, 3, 20],
      [8, 2, 11, 3, 12],
    ]);
    expect(ObjectModel.insideAt(q, 100).items).toEqual([]);
    expect(m.item(1, 8)?.gotAt).toBe(12);
    // Transfers overlapping a window: the one in flight over [15, 16] only.
    expect(ObjectModel.transfersIn(q, 15, 16).map((i) => i.itemId)).toEqual([7]);
    // A get of an item nobody put is not paired with anything, and is counted.
    m.apply(op(21, 3, 1, "get", 99, "?"));
    expect(m.unmatchedGets).toBe(1);
    expect(ObjectModel.transfersIn(q, 0, 100)).toHaveLength(2);
  });

  it("follows a duplex pipe in both directions", () => {
    const m = new ObjectModel();
    m.apply(create(0, 1, 3, "Pipe"));
    m.apply(op(5, 1, 3, "send", 2, "'ping'")); // dir 0: conn1 → conn2
    m.apply(op(6, 2, 3, "send", 3, "'pong'")); // dir 1: conn2 → conn1
    m.apply(op(8, 2, 3, "recv", 2, "'ping'"));
    m.apply(op(9, 1, 3, "recv", 3, "'pong'"));
    const p = m.byId.get(3)!;
    expect(ObjectModel.insideAt(p, 7).items.map((i) => [i.preview, i.dir])).toEqual([
      ["'ping'", 0],
      ["'pong'", 1],
    ]);
    const tr = ObjectModel.transfersIn(p, 0, 10);
    expect(tr.map((i) => [i.putBy, i.gotBy, i.dir])).toEqual([
      [1, 2, 0],
      [2, 1, 1],
    ]);
    expect(p.maxsize).toBeNull();
    expect(ObjectModel.lengthAt(p, 8.5)).toBe(1);
  });

  it("marks Full, Empty and EOF where they happened, by process", () => {
    const m = producerConsumer();
    m.apply(op(70, 2, 1, "put", undefined, undefined, "full"));
    m.apply(op(80, 1, 1, "get", undefined, undefined, "empty"));
    m.apply(create(0, 1, 5, "Pipe"));
    m.apply(op(90, 1, 5, "recv", undefined, undefined, "eof"));
    expect(m.byId.get(1)!.marks.map((k) => k.label)).toEqual(["queue.Full", "queue.Empty"]);
    expect(m.marksByPid.get(1)!.map((k) => [k.label, k.t])).toEqual([
      ["queue.Empty", 80],
      ["EOFError", 90],
    ]);
    expect(m.marksByPid.get(2)!.map((k) => k.op)).toEqual(["put"]);
    // Failed operations move nothing.
    expect(ObjectModel.insideAt(m.byId.get(1)!, 100).items.length).toBe(2);
  });

  it("gives items the lowest free slot, so a bounded queue needs at most maxsize rows", () => {
    const m = producerConsumer();
    const q = m.byId.get(1)!;
    expect(Array.from({ length: q.items.length }, (_, i) => q.items.at(i)?.row)).toEqual([0, 1, 2, 0]);
    expect(q.rows).toBe(3);
  });

  it("ignores objects that are not queues or pipes, and ops on unknown objects", () => {
    const m = new ObjectModel();
    m.apply({ seq: 0, t: 0, pid: 1, kind: "obj.create", objId: 9, objKind: "Lock", label: "Lock-9" });
    m.apply(op(1, 1, 9, "acquire"));
    expect(m.objects).toEqual([]);
  });

  it("handles 100,000 operations quickly and answers by binary search", () => {
    const m = new ObjectModel();
    m.apply(create(0, 1, 1, "Queue", 50));
    const n = 50_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      m.apply(op(i, 2, 1, "put", i + 1, String(i)));
      if (i >= 10) m.apply(op(i + 0.5, 3, 1, "get", i - 9, String(i - 10)));
    }
    const applyMs = performance.now() - t0;
    const q = m.byId.get(1)!;
    const t1 = performance.now();
    let total = 0;
    for (let k = 0; k < 1000; k++) total += ObjectModel.insideAt(q, (k * 49.7) % n).items.length;
    const queryMs = performance.now() - t1;
    expect(ObjectModel.insideAt(q, 30_000.7).items.map((i) => i.preview)).toEqual(
      Array.from({ length: 10 }, (_, j) => String(29_991 + j)),
    );
    expect(total).toBeGreaterThan(0);
    expect(applyMs).toBeLessThan(1500);
    expect(queryMs).toBeLessThan(200);
    expect(q.rows).toBeLessThanOrEqual(11);
  });

  it("folds the kernel's packed rows exactly as it folds the same operations as events", () => {
    const events: RunEvent[] = [create(0, 1, 1, "Queue", 2), create(0, 1, 2, "Pipe")];
    for (let i = 0; i < 40; i++) {
      events.push(op(1 + i, 2, 1, "put", i, i % 3 === 0 ? "'same'" : `${i}`));
      if (i % 2 === 1) events.push(op(1.5 + i, 3, 1, "get", i - 1));
      events.push(op(1.2 + i, 2, 2, "send", i * 2 + (i % 2), `b'${i}'`));
      if (i % 4 === 0) events.push(op(1.3 + i, 3, 2, "recv", i * 2 + (i % 2)));
    }
    events.push(op(50, 3, 1, "get_nowait", undefined, undefined, "empty"));
    events.push(op(51, 2, 1, "put", 99));
    const byEvents = new ObjectModel();
    for (const e of events) byEvents.apply(e);
    const byRows = new ObjectModel();
    const { events: rest, ops } = packOps(events);
    const chunk = byRows.previews.add(ops?.items ?? "");
    forEachRow(
      rest,
      ops,
      (e) => byRows.apply(e),
      (r) => byRows.applyRow(r, chunk),
    );
    for (const id of [1, 2]) {
      const a = byEvents.byId.get(id)!;
      const b = byRows.byId.get(id)!;
      const all = (o: typeof a) => Array.from({ length: o.items.length }, (_, i) => o.items.at(i));
      expect(all(b)).toEqual(all(a));
      expect([b.stepT, b.stepN, b.putT, b.getT, b.gotPrefixMax, b.maxLen, b.rows]).toEqual([
        a.stepT,
        a.stepN,
        a.putT,
        a.getT,
        a.gotPrefixMax,
        a.maxLen,
        a.rows,
      ]);
      expect(b.marks).toEqual(a.marks);
    }
    expect(byRows.byId.get(1)!.items.at(3)?.preview).toBe("'same'");
    expect(byRows.byId.get(1)!.items.at(40)?.preview).toBe("…");
  });

  it("lists the first items inside, of one direction if asked, and counts them all", () => {
    const m = new ObjectModel();
    m.apply(create(0, 1, 1, "Pipe"));
    for (let i = 0; i < 10; i++) m.apply(op(1 + i, 2, 1, "send", i, `m${i}`));
    const p = m.byId.get(1)!;
    expect(ObjectModel.insideAt(p, 100, 3).items.map((i) => i.preview)).toEqual(["m0", "m1", "m2"]);
    expect(ObjectModel.insideAt(p, 100, 2, 1).items.map((i) => [i.preview, i.dir])).toEqual([
      ["m1", 1],
      ["m3", 1],
    ]);
    expect([
      ObjectModel.insideAt(p, 100).total,
      ObjectModel.insideAt(p, 100, 0, 0).total,
      ObjectModel.insideAt(p, 4.5).total,
    ]).toEqual([10, 5, 4]);
    expect(ObjectModel.insideAt(p, 100, 0).items).toEqual([]);
  });

  it("a time series finds the first element greater than x", () => {
    const col = (xs: number[]) => {
      const c = new F64Column();
      for (const x of xs) c.push(x);
      return c;
    };
    expect(col([1, 2, 2, 3]).upperBound(2)).toBe(3);
    expect(col([1, 2, 2, 3]).upperBound(0)).toBe(0);
    expect(col([]).upperBound(5)).toBe(0);
    expect(col(Array.from({ length: 100 }, (_, i) => i)).upperBound(41.5)).toBe(42);
  });
});
