import { describe, expect, it } from "vitest";
import { ObjectModel } from "../../../state/objectModel";
import { TimelineModel } from "../../../state/timelineModel";
import { describeTarget, targetEvent } from "./hoverTargets";

/** MainProcess puts 'a' into Queue-1 at t=10 (line 4) and gets it at t=25, after waiting in join. */
function run() {
  const timeline = new TimelineModel();
  const objects = new ObjectModel();
  timeline.apply({ seq: 0, t: 0, pid: 1, kind: "proc.start", name: "MainProcess", ppid: null });
  objects.apply({ seq: 1, t: 5, pid: 1, kind: "obj.create", objId: 1, objKind: "Queue", label: "Queue-1" });
  objects.apply({
    seq: 2,
    t: 10,
    pid: 1,
    kind: "obj.op",
    objId: 1,
    op: "put",
    outcome: "ok",
    itemId: 1,
    item: "'a'",
    line: 4,
  });
  timeline.apply({ seq: 3, t: 12, pid: 1, kind: "proc.block", on: { op: "sleep", secs: 0.01 }, line: 5 });
  timeline.apply({ seq: 4, t: 22, pid: 1, kind: "proc.unblock", outcome: "ok" });
  objects.apply({ seq: 5, t: 25, pid: 1, kind: "obj.op", objId: 1, op: "get", outcome: "ok", itemId: 1, item: "'a'" });
  return { timeline, objects };
}

describe("hover targets", () => {
  it("describes an item from the object model and a blocked span from the lanes", () => {
    const { timeline, objects } = run();
    const transfer = { kind: "transfer", pid: 1, objId: 1, item: 0 } as const;
    expect(describeTarget(transfer, timeline.byPid, objects, 30, 10)?.title).toBe("'a' through Queue-1");
    const block = { kind: "block", pid: 1, first: 0, count: 1 } as const;
    expect(describeTarget(block, timeline.byPid, objects, 30, 10)?.title).toMatch(/^Blocked in sleep/);
  });

  it("a click on an item selects its put, a click on a span its block", () => {
    const { timeline, objects } = run();
    const { byPid, events } = timeline;
    expect(targetEvent({ kind: "transfer", pid: 1, objId: 1, item: 0 }, byPid, events, objects)).toEqual({
      seq: 2,
      line: 4,
    });
    expect(targetEvent({ kind: "block", pid: 1, first: 0, count: 1 }, byPid, events, objects)).toEqual({
      seq: 3,
      line: 5,
    });
  });
});
