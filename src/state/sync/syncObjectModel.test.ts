import { describe, expect, it } from "vitest";
import type { RunEvent } from "../../runtime/events/types";
import { countAt, holdersAt, linksIn, type LockObject } from "./lockFold";
import { SyncObjectModel } from "./syncObjectModel";
import { waitsAt } from "./syncObject";

let seq = 0;
const create = (objId: number, objKind: "Lock" | "RLock" | "Semaphore" | "Queue", value?: number): RunEvent => ({
  seq: seq++,
  t: 0,
  pid: 1,
  kind: "obj.create",
  objId,
  objKind,
  label: `${objKind}-${objId}`,
  ...(value !== undefined ? { value } : {}),
});
const row = (
  t: number,
  pid: number,
  objId: number,
  op: "acquire" | "release",
  item: number,
  size: number,
  value = NaN,
) => ({
  seq: seq++,
  t,
  pid,
  objId,
  op,
  outcome: "ok" as const,
  itemId: item,
  size,
  line: 0,
  value,
  previewAt: 0,
  previewLen: -1,
});
const block = (t: number, pid: number, objId: number): RunEvent => ({
  seq: seq++,
  t,
  pid,
  kind: "proc.block",
  on: { op: "obj", objId, objLabel: `Lock-${objId}`, call: "acquire", timeout: null },
});
const unblock = (t: number, pid: number): RunEvent => ({ seq: seq++, t, pid, kind: "proc.unblock", outcome: "ok" });

/** Two processes contend for Lock-1: 2 holds it 10..50, 3 waits from 20 and gets it at 50. */
function contended(): { m: SyncObjectModel; lock: LockObject } {
  const m = new SyncObjectModel();
  m.apply(create(1, "Lock"));
  m.applyRow(row(10, 2, 1, "acquire", 0, 0));
  m.apply(block(20, 3, 1));
  m.applyRow(row(50, 2, 1, "release", 1, 1));
  m.apply(unblock(50, 3));
  m.applyRow(row(50, 3, 1, "acquire", 1, 0));
  m.applyRow(row(80, 3, 1, "release", 2, 1));
  const lock = m.byId.get(1);
  if (!lock) throw new Error("no lock");
  return { m, lock };
}

describe("SyncObjectModel: locks", () => {
  it("keeps who held the lock when", () => {
    const { lock } = contended();
    expect(holdersAt(lock, 5)).toEqual([]);
    expect(holdersAt(lock, 30).map((h) => h.pid)).toEqual([2]);
    expect(holdersAt(lock, 50).map((h) => h.pid)).toEqual([3]);
    expect(holdersAt(lock, 60)[0]).toMatchObject({ pid: 3, t0: 50, t1: 80 });
    expect(holdersAt(lock, 90)).toEqual([]);
  });

  it("keeps the count over time (a Lock: 1 free, 0 held)", () => {
    const { lock } = contended();
    expect([0, 10, 49, 50, 79, 80].map((t) => countAt(lock, t))).toEqual([1, 0, 0, 0, 0, 1]);
  });

  it("keeps the waiters from their block to their unblock", () => {
    const { lock } = contended();
    expect(waitsAt(lock, 19)).toEqual([]);
    expect(waitsAt(lock, 30).map((w) => w.pid)).toEqual([3]);
    expect(waitsAt(lock, 50)).toEqual([]);
  });

  it("links a release to the waiting acquire it let through, and only that one", () => {
    const { lock } = contended();
    expect(linksIn(lock, 0, 100)).toEqual([{ releasePid: 2, releaseT: 50, acquirePid: 3, acquireT: 50 }]);
    expect(linksIn(lock, 0, 40)).toEqual([]);
  });

  it("lists waiters in the order they began waiting", () => {
    const m = new SyncObjectModel();
    m.apply(create(1, "Lock"));
    m.applyRow(row(1, 2, 1, "acquire", 0, 0));
    m.apply(block(2, 4, 1));
    m.apply(block(3, 3, 1));
    expect(waitsAt(m.byId.get(1) as LockObject, 5).map((w) => w.pid)).toEqual([4, 3]);
  });

  it("keeps one hold through an RLock's re-entries", () => {
    const m = new SyncObjectModel();
    m.apply(create(1, "RLock"));
    m.applyRow(row(1, 2, 1, "acquire", 0, 0));
    m.applyRow(row(2, 2, 1, "acquire", -1, 0, 2));
    m.applyRow(row(3, 2, 1, "release", -1, 0, 1));
    const lock = m.byId.get(1) as LockObject;
    expect(holdersAt(lock, 4).map((h) => h.pid)).toEqual([2]);
    m.applyRow(row(5, 2, 1, "release", 1, 1));
    expect(holdersAt(lock, 6)).toEqual([]);
    expect(lock.holdPid.length).toBe(1);
  });

  it("lets a semaphore have several holders, and its count follow its value", () => {
    const m = new SyncObjectModel();
    m.apply(create(1, "Semaphore", 2));
    const sem = m.byId.get(1) as LockObject;
    expect(countAt(sem, 0)).toBe(2);
    m.applyRow(row(1, 2, 1, "acquire", 0, 1));
    m.applyRow(row(2, 3, 1, "acquire", 0, 0));
    expect(holdersAt(sem, 3).map((h) => h.pid)).toEqual([2, 3]);
    expect(countAt(sem, 3)).toBe(0);
    m.applyRow(row(4, 3, 1, "release", 1, 1));
    expect(holdersAt(sem, 5).map((h) => h.pid)).toEqual([2]);
  });

  it("leaves queue rows to the queue model", () => {
    const m = new SyncObjectModel();
    m.apply(create(1, "Queue"));
    m.apply(create(2, "Lock"));
    expect(m.objects.map((o) => o.label)).toEqual(["Lock-2"]);
    expect(m.applyRow({ ...row(1, 2, 1, "acquire", 0, 0), op: "release" })).toBe(false);
    expect(m.applyRow(row(1, 2, 2, "acquire", 0, 0))).toBe(true);
  });

  it("folds 1,000,000 operations quickly and answers by binary search", () => {
    const m = new SyncObjectModel();
    m.apply(create(1, "Lock"));
    const r = row(0, 2, 1, "acquire", 0, 0);
    const started = performance.now();
    for (let i = 0; i < 500_000; i++) {
      r.t = i * 2;
      r.op = "acquire";
      r.itemId = i;
      r.size = 0;
      m.applyRow(r);
      r.t = i * 2 + 1;
      r.op = "release";
      r.itemId = i + 1;
      r.size = 1;
      m.applyRow(r);
    }
    const ms = performance.now() - started;
    const lock = m.byId.get(1) as LockObject;
    expect(holdersAt(lock, 500_000.5).map((h) => h.t0)).toEqual([500_000]);
    expect(countAt(lock, 500_001.5)).toBe(1);
    // Linear, not quadratic: ~2.6 s measured with the machine's load average at 30 on 2
    // cores (the fold is a few pushes per row); a quadratic fold would take minutes.
    expect(ms).toBeLessThan(10_000);
  });
});
