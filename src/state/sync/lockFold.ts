/**
 * Lock, RLock, Semaphore and BoundedSemaphore folded from their packed rows
 * (runtime/sync/locks.ts says what a row holds): the holds (who held a permit from
 * when to when), the count over time, and for each acquire that had to wait, the
 * release that let it through. All of it in typed columns, no object per operation,
 * so a run of 1,000,000 acquires and releases costs the collector nothing to keep.
 */
import type { ObjKind, Pid, RunEvent } from "../../runtime/events/types";
import type { OpRow } from "../../runtime/events/opPack";
import { F64Column } from "../itemColumns";
import type { SyncBase, SyncFold } from "./syncObject";

export type LockKind = "Lock" | "RLock" | "Semaphore" | "BoundedSemaphore";
export const LOCK_KINDS: ReadonlySet<ObjKind> = new Set<ObjKind>(["Lock", "RLock", "Semaphore", "BoundedSemaphore"]);

/** One permit held: by whom, from its acquire to its release. */
export interface LockHold {
  pid: Pid;
  t0: number;
  /** null while still held. */
  t1: number | null;
  /** The acquire's seq. */
  seq: number;
}

/** A release and the acquire it let through (that acquire had been waiting). */
export interface LockLink {
  releasePid: Pid;
  releaseT: number;
  acquirePid: Pid;
  acquireT: number;
}

export interface LockObject extends SyncBase {
  kind: LockKind;
  /** True for Lock and RLock: one holder at a time. */
  exclusive: boolean;
  /** The count at creation (a Lock: 1, free). */
  initial: number;
  /** Count over time: after countT[i] it is countN[i] (a Lock: 1 free, 0 held). */
  countT: F64Column;
  countN: F64Column;
  /** Holds in acquire order: pid, acquire time (non-decreasing), release time (NaN: still held), acquire seq. */
  holdPid: F64Column;
  holdT0: F64Column;
  holdT1: F64Column;
  holdSeq: F64Column;
  /** holdEndMax[i]: the latest release among holds 0..i, kept while all of them are released. */
  holdEndMax: F64Column;
  /** Releases by number (1-based: number n at index n - 1): time and pid. */
  releaseT: F64Column;
  releasePid: F64Column;
  /** Links in acquire order: the release's number, the acquire's time and pid. */
  linkRelease: F64Column;
  linkT: F64Column;
  linkPid: F64Column;
}

export class LockFold implements SyncFold<LockObject> {
  readonly obj: LockObject;
  /** Pids blocked on this object since their last acquire. */
  private readonly waited = new Set<Pid>();
  /** Open holds by index, oldest first. */
  private readonly open: number[] = [];

  constructor(e: Extract<RunEvent, { kind: "obj.create" }>, index: number) {
    const kind = e.objKind as LockKind;
    const exclusive = kind === "Lock" || kind === "RLock";
    this.obj = {
      objId: e.objId,
      kind,
      label: e.label,
      index,
      createdAt: e.t,
      createdBy: e.pid,
      createSeq: e.seq,
      createLine: e.line,
      waits: [],
      marks: [],
      version: 0,
      exclusive,
      initial: exclusive ? 1 : typeof e.value === "number" ? e.value : 1,
      countT: new F64Column(),
      countN: new F64Column(),
      holdPid: new F64Column(),
      holdT0: new F64Column(),
      holdT1: new F64Column(),
      holdSeq: new F64Column(),
      holdEndMax: new F64Column(),
      releaseT: new F64Column(),
      releasePid: new F64Column(),
      linkRelease: new F64Column(),
      linkT: new F64Column(),
      linkPid: new F64Column(),
    };
    this.obj.countT.push(e.t);
    this.obj.countN.push(this.obj.initial);
  }

  blocked(pid: Pid): void {
    this.waited.add(pid);
  }

  row(r: OpRow): void {
    const obj = this.obj;
    obj.version++;
    if (r.outcome !== "ok") {
      obj.marks.push({ t: r.t, seq: r.seq, pid: r.pid, op: r.op, outcome: r.outcome });
      if (r.op === "acquire") this.waited.delete(r.pid);
      return;
    }
    // An RLock's re-entry or inner release: the lock stays held as it was.
    if (r.itemId === -1 && obj.kind === "RLock" && !Number.isNaN(r.value) && r.value > 0) return;
    if (r.op === "acquire") this.acquire(r);
    else if (r.op === "release") this.release(r);
  }

  private acquire(r: OpRow): void {
    const obj = this.obj;
    const i = obj.holdPid.length;
    const t = Math.max(r.t, obj.holdT0.last() ?? r.t);
    obj.holdPid.push(r.pid);
    obj.holdT0.push(t);
    obj.holdT1.push(NaN);
    obj.holdSeq.push(r.seq);
    this.open.push(i);
    if (this.waited.delete(r.pid) && r.itemId > 0) {
      obj.linkRelease.push(r.itemId);
      obj.linkT.push(t);
      obj.linkPid.push(r.pid);
    }
    this.count(r.t, r.size);
  }

  private release(r: OpRow): void {
    const obj = this.obj;
    if (r.itemId > 0) {
      // Release numbers are consecutive per object; a gap (should not happen) leaves NaN.
      while (obj.releaseT.length < r.itemId - 1) {
        obj.releaseT.push(NaN);
        obj.releasePid.push(NaN);
      }
      obj.releaseT.push(r.t);
      obj.releasePid.push(r.pid);
    }
    // The releaser's own oldest hold, else (a semaphore released by another process) the oldest one.
    const open = this.open;
    let k = open.length > 0 ? 0 : -1;
    for (let j = 0; j < open.length; j++)
      if (obj.holdPid.get(open[j] ?? 0) === r.pid) {
        k = j;
        break;
      }
    if (k >= 0) {
      const i = open[k] ?? 0;
      if (k === 0) open.shift();
      else open.splice(k, 1);
      obj.holdT1.set(i, Math.max(r.t, obj.holdT0.get(i) ?? r.t));
      this.extendEndMax();
    }
    this.count(r.t, r.size);
  }

  private extendEndMax(): void {
    const obj = this.obj;
    const pm = obj.holdEndMax;
    for (let j = pm.length; j < obj.holdT1.length; j++) {
      const t1 = obj.holdT1.get(j) ?? NaN;
      if (Number.isNaN(t1)) break;
      pm.push(Math.max(pm.get(j - 1) ?? -Infinity, t1));
    }
  }

  private count(t: number, size: number): void {
    if (size < 0) return;
    const obj = this.obj;
    const last = obj.countT.length - 1;
    const tt = Math.max(t, obj.countT.get(last) ?? t);
    if (obj.countT.get(last) === tt) obj.countN.set(last, size);
    else {
      obj.countT.push(tt);
      obj.countN.push(size);
    }
  }
}

/** The count at time t (a Lock: 1 free, 0 held; a semaphore: its value). */
export function countAt(obj: LockObject, t: number): number {
  const i = obj.countT.upperBound(t) - 1;
  return i < 0 ? obj.initial : (obj.countN.get(i) ?? obj.initial);
}

export function holdAt(obj: LockObject, i: number): LockHold | undefined {
  const pid = obj.holdPid.get(i);
  const t0 = obj.holdT0.get(i);
  const t1 = obj.holdT1.get(i);
  const seq = obj.holdSeq.get(i);
  if (pid === undefined || t0 === undefined || t1 === undefined || seq === undefined) return undefined;
  return { pid, t0, t1: Number.isNaN(t1) ? null : t1, seq };
}

/** The index range [from, to) of holds that may overlap [t0, t1] (callers filter the few that do not). */
export function holdRange(obj: LockObject, t0: number, t1: number): { from: number; to: number } {
  return { from: obj.holdEndMax.upperBound(t0), to: obj.holdT0.upperBound(t1) };
}

/** Who holds the object at time t, oldest hold first. */
export function holdersAt(obj: LockObject, t: number): LockHold[] {
  const out: LockHold[] = [];
  const { from, to } = holdRange(obj, t, t);
  for (let i = from; i < to; i++) {
    const h = holdAt(obj, i);
    if (h && h.t0 <= t && (h.t1 === null || t < h.t1)) out.push(h);
  }
  return out;
}

/** The release → acquire links whose acquire lies in [t0, t1], in acquire order. */
export function linksIn(obj: LockObject, t0: number, t1: number): LockLink[] {
  const out: LockLink[] = [];
  const end = obj.linkT.upperBound(t1);
  for (let i = obj.linkT.upperBound(t0 - 1e-9); i < end; i++) {
    const n = obj.linkRelease.get(i) ?? 0;
    const releaseT = obj.releaseT.get(n - 1) ?? NaN;
    const releasePid = obj.releasePid.get(n - 1) ?? NaN;
    if (Number.isNaN(releaseT)) continue;
    out.push({ releasePid, releaseT, acquirePid: obj.linkPid.get(i) ?? 0, acquireT: obj.linkT.get(i) ?? 0 });
  }
  return out;
}
