import { describe, expect, it } from "vitest";
import { packOps } from "./events/opPack";
import type { RunEvent } from "./events/types";
import { TraceLog } from "./traceLog";

function queueRun(items: number): RunEvent[][] {
  let seq = 0;
  const head: RunEvent[] = [
    { kind: "proc.start", seq: seq++, t: 0, pid: 1, name: "MainProcess", ppid: null },
    { kind: "obj.create", seq: seq++, t: 0.5, pid: 1, objId: 4, objKind: "Queue", label: "Queue-1" },
  ];
  const batches = [head];
  for (let i = 0; i < items; i++) {
    const put = {
      kind: "obj.op",
      seq: seq++,
      t: 1 + i,
      pid: 1,
      objId: 4,
      op: "put",
      outcome: "ok",
      itemId: i,
    } as const;
    batches.push([
      { ...put, item: `'item ${i}'`, size: 1 },
      { ...put, seq: seq++, t: 1.5 + i, op: "get", size: 0 },
      { kind: "out", seq: seq++, t: 1.6 + i, pid: 1, stream: 1, text: `got ${i}\n` },
    ]);
  }
  batches.push([{ kind: "proc.exit", seq, t: 100, pid: 1, code: 0 }]);
  return batches;
}

describe("TraceLog", () => {
  it("keeps packed batches and makes the trace of all their events, operations and flows included", () => {
    const log = new TraceLog();
    expect(log.empty).toBe(true);
    for (const events of queueRun(3)) {
      const batch = packOps(events);
      log.add(batch.events, batch.ops);
      // The kernel's worker transfers the buffer away after adding: the log must not share it.
      batch.ops?.cols.fill(0);
    }
    const trace = JSON.parse(log.json()) as ReturnType<TraceLog["trace"]>;
    const names = trace.traceEvents.filter((e) => e.cat === "object" || e.cat === "output").map((e) => e.name);
    expect(names).toEqual(["create Queue-1", ...[0, 1, 2].flatMap(() => ["put", "get", "stdout"])]);
    const puts = trace.traceEvents.filter((e) => e.name === "put");
    expect(puts.map((e) => e.args?.item)).toEqual(["'item 0'", "'item 1'", "'item 2'"]);
    expect(trace.traceEvents.filter((e) => e.flow_in).map((e) => e.bind_id)).toEqual(puts.map((e) => e.bind_id));
  });

  it("keeps at most maxOps operations, and the other events and a note after that", () => {
    const log = new TraceLog(4);
    for (const events of queueRun(5)) {
      const batch = packOps(events);
      log.add(batch.events, batch.ops);
    }
    const { traceEvents } = log.trace();
    expect(traceEvents.filter((e) => e.name === "put" || e.name === "get")).toHaveLength(4);
    expect(traceEvents.filter((e) => e.name === "stdout")).toHaveLength(5);
    const note = traceEvents.find((e) => e.cat === "note");
    expect(note).toMatchObject({ ph: "i", s: "g", ts: 3000 });
    expect(note?.name).toMatch(/^6 queue and pipe operations from here on are not in this trace/);
  });
});
