import { describe, expect, it } from "vitest";
import type { RunEvent } from "./events/types";
import { toChromeTrace, type TraceEvent } from "./trace";

let seq = 0;
const op = (pid: number, t: number, objId: number, name: string, itemId?: number, outcome = "ok"): RunEvent => ({
  kind: "obj.op",
  seq: seq++,
  t,
  pid,
  objId,
  op: name,
  outcome: outcome as "ok",
  ...(itemId === undefined ? {} : { itemId }),
});

const events: RunEvent[] = [
  { kind: "proc.start", seq: seq++, t: 0, pid: 1, name: "MainProcess", ppid: null },
  { kind: "proc.start", seq: seq++, t: 1, pid: 2, name: "Process-1", ppid: 1 },
  { kind: "obj.create", seq: seq++, t: 1, pid: 1, objId: 5, objKind: "Queue", label: "Queue-1" },
  { kind: "obj.create", seq: seq++, t: 1, pid: 1, objId: 6, objKind: "Pipe", label: "Pipe-1" },
  op(1, 2, 5, "put", 0),
  op(1, 3, 5, "put_nowait", 1),
  op(2, 4, 5, "get", 0),
  // A stale clock: the get's time is before its put's.
  op(2, 2.5, 5, "get_nowait", 1),
  op(2, 5, 5, "get", undefined, "empty"),
  op(1, 6, 5, "put", 2),
  // The same item number on another object: no flow to Queue-1's item 2.
  op(1, 7, 6, "send", 2),
  op(2, 8, 6, "recv", 2),
  op(2, 9, 6, "send_bytes", 3),
  op(1, 10, 6, "recv_bytes", 3),
  op(1, 11, 6, "send", 4),
  { kind: "proc.exit", seq: seq++, t: 12, pid: 2, code: 0 },
  { kind: "proc.exit", seq: seq++, t: 13, pid: 1, code: 0 },
];

/** Every flow as [start slice, finish slice], joined by bind_id. */
function flowPairs(trace: TraceEvent[]): [TraceEvent, TraceEvent][] {
  const starts = new Map(trace.filter((e) => e.flow_out).map((e) => [e.bind_id, e]));
  return trace.filter((e) => e.flow_in).map((e) => [starts.get(e.bind_id)!, e]);
}

describe("toChromeTrace flows", () => {
  const { traceEvents } = toChromeTrace(events);
  const summary = (e: TraceEvent) => `${e.name}@${e.pid}:${String((e.args as { itemId?: number }).itemId)}`;

  it("joins each put to the get of its item and each send to its recv, on the same object only", () => {
    expect(flowPairs(traceEvents).map(([s, f]) => [summary(s), summary(f)])).toEqual([
      ["put@1:0", "get@2:0"],
      ["put_nowait@1:1", "get_nowait@2:1"],
      ["send@1:2", "recv@2:2"],
      ["send_bytes@2:3", "recv_bytes@1:3"],
    ]);
  });

  it("gives every flow its own id, and leaves puts never got and failed operations without one", () => {
    const ids = traceEvents.filter((e) => e.bind_id !== undefined).map((e) => e.bind_id);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(4);
    const unjoined = traceEvents.filter((e) => e.cat === "object" && e.ph === "X" && e.bind_id === undefined);
    expect(unjoined.map(summary)).toEqual(["get@2:undefined", "put@1:2", "send@1:4"]);
  });

  it("draws operations as slices of no length, and never a get before its put", () => {
    for (const [s, f] of flowPairs(traceEvents)) {
      expect([s.ph, s.dur, f.ph, f.dur]).toEqual(["X", 0, "X", 0]);
      expect(f.ts).toBeGreaterThanOrEqual(s.ts!);
    }
    const stale = flowPairs(traceEvents)[1]!;
    expect([stale[0].ts, stale[1].ts]).toEqual([3000, 3000]);
  });
});
