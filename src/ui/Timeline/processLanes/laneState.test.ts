import { describe, expect, it } from "vitest";
import { TimelineModel } from "../../../state/timelineModel";
import { laneStateLabel } from "./laneState";

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
  });
  m.apply({
    seq: seq++,
    t: 20,
    pid: 1,
    kind: "proc.block",
    on: { op: "join", target: 2, targetName: "Process-1", timeout: null },
  });
  m.apply({ seq: seq++, t: 30, pid: 2, kind: "proc.start", name: "Process-1", ppid: 1 });
  m.apply({ seq: seq++, t: 520, pid: 2, kind: "proc.exit", code: -15 });
  m.apply({ seq: seq++, t: 521, pid: 1, kind: "proc.unblock", outcome: "ok" });
  m.apply({ seq, t: 600, pid: 1, kind: "proc.exit", code: 0 });
  return m;
}

describe("laneStateLabel", () => {
  it("describes every state", () => {
    const m = model();
    const main = m.byPid.get(1)!;
    const child = m.byPid.get(2)!;
    expect(laneStateLabel(main, 5).text).toBe("running");
    expect(laneStateLabel(main, 100).text).toBe("blocked in join(Process-1) since 0.02 s");
    expect(laneStateLabel(main, 700).text).toBe("exited (0)");
    expect(laneStateLabel(child, 5).state).toBe("not-started");
    expect(laneStateLabel(child, 15).state).toBe("created");
    expect(laneStateLabel(child, 600).text).toBe("terminated (-15)");
  });
});

describe("laneStateLabel on a lock", () => {
  it("names who holds the lock the lane waits for, at that moment", () => {
    const m = new TimelineModel();
    m.apply({ seq: 0, t: 0, pid: 3, kind: "proc.start", name: "Process-2", ppid: 1 });
    m.apply({
      seq: 1,
      t: 10,
      pid: 3,
      kind: "proc.block",
      on: { op: "obj", objId: 4, objLabel: "Lock-4", call: "acquire", timeout: null },
    });
    const lane = m.byPid.get(3)!;
    const holderOf = (objId: number, t: number) => (objId === 4 && t < 50 ? "Process-1" : null);
    expect(laneStateLabel(lane, 20, 10, holderOf).text).toBe(
      "blocked in acquire(Lock-4), held by Process-1, since 0.01 s",
    );
    expect(laneStateLabel(lane, 60, 10, holderOf).text).toBe("blocked in acquire on Lock-4 since 0.01 s");
  });
});
