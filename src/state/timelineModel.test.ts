import { describe, expect, it } from "vitest";
import type { RunEvent } from "../runtime/events/types";
import { describeBlock, TimelineModel } from "./timelineModel";

const events: RunEvent[] = [
  { seq: 0, t: 0, pid: 1, kind: "proc.start", name: "MainProcess", ppid: null },
  { seq: 1, t: 1, pid: 1, kind: "proc.create", child: 2, name: "Process-1", daemon: false, target: "f", line: 7 },
  {
    seq: 2,
    t: 2,
    pid: 1,
    kind: "proc.block",
    on: { op: "join", target: 2, targetName: "Process-1", timeout: null },
    line: 8,
  },
  { seq: 3, t: 3, pid: 2, kind: "proc.start", name: "Process-1", ppid: 1 },
  { seq: 4, t: 4, pid: 2, kind: "out", stream: 2, text: "Traceback...\nValueError: x\n" },
  { seq: 5, t: 5, pid: 2, kind: "proc.exit", code: 1 },
  { seq: 6, t: 6, pid: 1, kind: "proc.unblock", outcome: "ok" },
  { seq: 7, t: 7, pid: 1, kind: "proc.exit", code: 0 },
];

describe("TimelineModel", () => {
  it("folds events into one lane per process with its lifecycle", () => {
    const m = new TimelineModel();
    for (const e of events) m.apply(e);
    expect(m.lanes.map((l) => [l.name, l.index, l.ppid])).toEqual([
      ["MainProcess", 0, null],
      ["Process-1", 1, 1],
    ]);
    const child = m.byPid.get(2)!;
    expect([child.createdAt, child.startedAt, child.exitedAt, child.exitCode]).toEqual([1, 3, 5, 1]);
    const main = m.byPid.get(1)!;
    expect(main.blocks).toEqual([
      { t0: 2, t1: 6, on: events[2]!.kind === "proc.block" ? events[2]!.on : null, outcome: "ok", seq: 2, line: 8 },
    ]);
    expect(main.marks[0]).toMatchObject({ kind: "create-child", other: 2, line: 7 });
    expect(child.marks[0]).toMatchObject({ kind: "error", label: "Traceback..." });
    expect(m.end).toBe(7);
    expect(m.events.some((e) => e.kind === "out")).toBe(false);
  });

  it("tells the state of a lane at any time", () => {
    const m = new TimelineModel();
    for (const e of events) m.apply(e);
    const main = m.byPid.get(1)!;
    const child = m.byPid.get(2)!;
    expect(TimelineModel.stateAt(child, 0.5).state).toBe("not-started");
    expect(TimelineModel.stateAt(child, 2).state).toBe("created");
    expect(TimelineModel.stateAt(child, 4).state).toBe("running");
    expect(TimelineModel.stateAt(main, 4)).toMatchObject({ state: "blocked", block: { seq: 2 } });
    expect(TimelineModel.stateAt(main, 6.5).state).toBe("running");
    expect(TimelineModel.stateAt(child, 9).state).toBe("exited");
  });

  it("closes an open block when the process exits (killed while blocked)", () => {
    const m = new TimelineModel();
    m.apply({ seq: 0, t: 0, pid: 1, kind: "proc.start", name: "MainProcess", ppid: null });
    m.apply({ seq: 1, t: 1, pid: 1, kind: "proc.block", on: { op: "sleep", secs: 10 } });
    m.apply({ seq: 2, t: 3, pid: 1, kind: "proc.exit", code: -15, reason: "stopped" });
    expect(m.byPid.get(1)!.blocks[0]).toMatchObject({ t1: 3, outcome: null });
    expect(m.byPid.get(1)!.exitReason).toBe("stopped");
  });

  it("describes what a process waits on in words", () => {
    expect(describeBlock({ op: "join", target: 2, targetName: "Process-1", timeout: 1 })).toBe(
      "join(Process-1, timeout=1)",
    );
    expect(describeBlock({ op: "sleep", secs: 0.1 * 3 })).toBe("sleep(0.3)");
  });
});
