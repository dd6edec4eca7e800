import { describe, expect, it } from "vitest";
import type { RunEvent } from "../events/types";
import { concatOps, expandBatch, OpPacker, packOps } from "../events/opPack";
import { coalesceOutput } from "./coalesce";
import { OpRows } from "./opRows";

describe("OpRows", () => {
  it("keeps rows in order while they are taken from the front and added at the back, across growth", () => {
    const rows = new OpRows();
    const packer = new OpPacker();
    let next = 0;
    for (let round = 0; round < 20; round++) {
      for (let k = 0; k < 50; k++, next++)
        rows.push(next, next / 10, 4201, 7, 0, 0, next, 1, 0, Number.NaN, next % 2 === 0 ? `${next}` : undefined);
      while (rows.size > 30) rows.moveHead(packer);
    }
    while (rows.size > 0) rows.moveHead(packer);
    expect(rows.headSeq()).toBe(Infinity);
    const events = expandBatch({ events: [], ops: packer.take() });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: next }, (_, i) => i));
    expect(events[998]).toMatchObject({
      kind: "obj.op",
      pid: 4201,
      objId: 7,
      op: "put",
      itemId: 998,
      size: 1,
      item: "998",
    });
    expect(events[999]).toMatchObject({ itemId: 999, item: undefined });
  });
});

describe("concatOps", () => {
  it("joins two batches of packed operations, previews and all", () => {
    const put = (seq: number, item: string): RunEvent => ({
      kind: "obj.op",
      seq,
      t: seq,
      pid: 1,
      objId: 3,
      op: "put",
      outcome: "ok",
      itemId: seq,
      item,
    });
    const a = [put(1, "'a'"), put(2, "'a'")];
    const b = [put(3, "'a'"), put(4, "'b'"), put(5, "'b'")];
    const joined = concatOps([packOps(a).ops!, packOps(b).ops!, packOps(a).ops!]);
    expect(expandBatch({ events: [], ops: joined })).toEqual([...a, ...b, ...a]);
    expect(concatOps([packOps(b).ops!])?.n).toBe(3);
    expect(concatOps([])).toBeNull();
  });
});

describe("coalesceOutput", () => {
  const out = (seq: number, text: string): RunEvent => ({ kind: "out", seq, t: seq, pid: 1, stream: 1, text });
  it("joins a process's consecutive output, but not across a queue operation between the two", () => {
    const { ops } = packOps([{ kind: "obj.op", seq: 4, t: 4, pid: 1, objId: 3, op: "put", outcome: "ok", itemId: 0 }]);
    const merged = coalesceOutput([out(1, "a"), out(2, "b"), out(3, "c"), out(5, "d"), out(6, "e")], ops);
    expect(merged.map((e) => (e.kind === "out" ? e.text : e.kind))).toEqual(["abc", "de"]);
    expect(coalesceOutput([out(1, "a"), out(5, "d")]).map((e) => (e.kind === "out" ? e.text : ""))).toEqual(["ad"]);
  });
});
