/**
 * What every synchronisation object's fold keeps, whatever its kind: who waited on it
 * and when (from the `proc.block` / `proc.unblock` events naming it), and its failed
 * operations. A kind (lockFold.ts for Lock, RLock and the semaphores) adds its own
 * columns and folds its packed operation rows; the next kinds (Event, Condition,
 * Barrier, Value, Array) are one such file each, registered in syncObjectModel.ts.
 */
import type { ObjKind, OpOutcome, Pid } from "../../runtime/events/types";
import type { OpRow } from "../../runtime/events/opPack";

/** A process blocked in a call on the object, from its block to its unblock (null: still waiting). */
export interface SyncWait {
  pid: Pid;
  t0: number;
  t1: number | null;
  call: string;
  seq: number;
}

/** An operation that did not succeed: an acquire that timed out or found the lock busy, a release too many. */
export interface SyncMark {
  t: number;
  seq: number;
  pid: Pid;
  op: string;
  outcome: OpOutcome;
}

export interface SyncBase {
  objId: number;
  kind: ObjKind;
  label: string;
  /** Order of creation among shared objects of this model. */
  index: number;
  createdAt: number;
  createdBy: Pid;
  createSeq: number;
  createLine?: number;
  /** In block order (so waiters at a moment come out in the order they started waiting). */
  waits: SyncWait[];
  marks: SyncMark[];
  /** Bumped on every change, so memoised views can tell. */
  version: number;
}

/** One kind's fold: what it does with its object's rows. Blocks and unblocks are folded for every kind. */
export interface SyncFold<O extends SyncBase = SyncBase> {
  readonly obj: O;
  /** A packed operation on this object (read from `r` where it lies; nothing kept of `r`). */
  row(r: OpRow): void;
  /** A process began waiting on the object (the acquire it does next, if it gets through, follows a wait). */
  blocked(pid: Pid): void;
}

/** The waits on `obj` open at time t, in the order they began. */
export function waitsAt(obj: SyncBase, t: number): SyncWait[] {
  return obj.waits.filter((w) => w.t0 <= t && (w.t1 === null || t < w.t1));
}
