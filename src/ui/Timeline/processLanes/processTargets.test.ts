import { describe, expect, it } from "vitest";
import { TimelineModel } from "../../../state/timelineModel";
import { describeProcessTarget, processTargetEvent } from "./processTargets";

function model(): TimelineModel {
  const m = new TimelineModel();
  let seq = 0;
  m.apply({ seq: seq++, t: 0, pid: 1, kind: "proc.start", name: "MainProcess", ppid: null });
  m.apply({
    seq: seq++,
    t: 10,
    pid: 1,
    kind: "proc.create",
    child: 2,
    name: "Process-1",
    daemon: false,
    target: "work",
    line: 7,
  });
  m.apply({
    seq: seq++,
    t: 20,
    pid: 1,
    kind: "proc.block",
    on: { op: "join", target: 2, targetName: "Process-1", timeout: 0.2 },
    line: 8,
  });
  m.apply({ seq: seq++, t: 30, pid: 2, kind: "proc.start", name: "Process-1", ppid: 1 });
  m.apply({ seq: seq++, t: 220, pid: 1, kind: "proc.unblock", outcome: "timeout" });
  m.apply({ seq: seq++, t: 300, pid: 1, kind: "proc.signal", target: 2, signal: 15, line: 9 });
  m.apply({ seq: seq++, t: 310, pid: 2, kind: "proc.exit", code: -15 });
  m.apply({ seq, t: 320, pid: 1, kind: "proc.exit", code: 0, line: 10 });
  return m;
}

describe("describeProcessTarget", () => {
  it("says what a block waited on, for how long and how it ended", () => {
    const m = model();
    const c = describeProcessTarget({ kind: "block", pid: 1, first: 0, count: 1 }, m.byPid, 400)!;
    expect(c.title).toBe("Blocked in join(Process-1, timeout=0.2)");
    expect(c.rows.join("\n")).toContain("waited 200 ms");
    expect(c.rows.join("\n")).toContain("timed out");
    expect(c.line).toBe(8);
  });
  it("describes marks, exits and creation", () => {
    const m = model();
    expect(describeProcessTarget({ kind: "mark", pid: 1, members: [1] }, m.byPid, 400)?.title).toBe(
      "Sent a signal: terminate Process-1",
    );
    expect(describeProcessTarget({ kind: "exit", pid: 2 }, m.byPid, 400)?.title).toBe("Exit code -15: terminated");
    expect(describeProcessTarget({ kind: "create", pid: 2 }, m.byPid, 400)?.title).toBe("Created by MainProcess");
    expect(describeProcessTarget({ kind: "mark", pid: 1, members: [0, 1] }, m.byPid, 400)?.title).toBe("2 events");
  });
  it("returns null for an unknown process", () => {
    expect(describeProcessTarget({ kind: "exit", pid: 99 }, model().byPid, 0)).toBeNull();
  });
});

describe("processTargetEvent", () => {
  it("finds the seq and line a click selects", () => {
    const m = model();
    expect(processTargetEvent({ kind: "block", pid: 1, first: 0, count: 1 }, m.byPid, m.events)).toEqual({
      seq: 2,
      line: 8,
    });
    expect(processTargetEvent({ kind: "create", pid: 2 }, m.byPid, m.events)).toEqual({ seq: 1, line: 7 });
    expect(processTargetEvent({ kind: "exit", pid: 1 }, m.byPid, m.events)).toEqual({ seq: 7, line: 10 });
    expect(processTargetEvent({ kind: "exit", pid: 2 }, m.byPid, m.events)).toEqual({ seq: 6, line: null });
    expect(processTargetEvent({ kind: "run", pid: 2, t: 50 }, m.byPid, m.events)).toBeNull();
  });
});

describe("findEvent", () => {
  it("finds by seq", async () => {
    const { findEvent } = await import("./processTargets");
    const m = model();
    expect(findEvent(m.events, 6)?.kind).toBe("proc.exit");
    expect(findEvent(m.events, 99)).toBeUndefined();
  });
});
