import { describe, expect, it } from "vitest";
import type { RunEvent } from "./types";
import { forEachEvent, packOps } from "./opPack";

const op = (seq: number, extra: Partial<Extract<RunEvent, { kind: "obj.op" }>> = {}): RunEvent => ({
  kind: "obj.op",
  seq,
  t: seq / 10,
  pid: 4201 + (seq % 3),
  objId: 7,
  op: "put",
  outcome: "ok",
  ...extra,
});

describe("packOps / forEachEvent", () => {
  it("gives back every event, ops rebuilt field for field, in seq order", () => {
    const events: RunEvent[] = [
      { kind: "obj.create", seq: 0, t: 0, pid: 4201, objId: 7, objKind: "Queue", label: "Queue-7" },
      op(1, { itemId: 0, item: "'héllo😀'", size: 1, line: 12 }),
      { kind: "out", seq: 2, t: 0.2, pid: 4202, stream: 1, text: "x\n" },
      op(3, { op: "get", itemId: 0, size: 0 }),
      op(4, { op: "get_nowait", outcome: "empty" }),
      op(5, { op: "send", itemId: 3, item: "" }),
      { kind: "proc.exit", seq: 6, t: 0.6, pid: 4202, code: 0 },
      op(7, { op: "recv_bytes", outcome: "eof" }),
    ];
    const { events: rest, ops } = packOps(events);
    expect(rest.map((e) => e.seq)).toEqual([0, 2, 6]);
    expect(ops?.n).toBe(5);
    const back: RunEvent[] = [];
    forEachEvent(structuredClone(rest), structuredClone(ops), (e) => back.push(e));
    expect(back).toEqual(events);
  });

  it("sends a preview repeated on one object once, and the UI gets the one string back for each", () => {
    const events = [1, 2, 3, 4].map((seq) => op(seq, { objId: seq === 3 ? 8 : 7, itemId: seq, item: "b'xxxx'" }));
    const { ops } = packOps(events);
    expect(ops?.items).toBe("b'xxxx'b'xxxx'");
    const back: RunEvent[] = [];
    forEachEvent([], structuredClone(ops), (e) => back.push(e));
    expect(back).toEqual(events);
  });

  it("leaves ops without a compact form as objects", () => {
    const odd = op(1, { op: "frobnicate" });
    const { events, ops } = packOps([odd]);
    expect(ops).toBeNull();
    expect(events).toEqual([odd]);
  });
});
