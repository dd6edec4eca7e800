/**
 * Shared synchronisation objects (locks and semaphores now; events, conditions,
 * barriers and values next) folded from the run's events and packed operation rows.
 * Pure data, no React: the timeline and the inspector render it, the tests read it.
 *
 * Each kind is one fold (SyncFold, syncObject.ts) made by FOLDS below; this model
 * routes a row to its object's fold in one map lookup, and folds every kind's waits
 * from `proc.block` / `proc.unblock` itself.
 */
import type { ObjKind, Pid, RunEvent } from "../../runtime/events/types";
import type { OpRow } from "../../runtime/events/opPack";
import { LockFold, LOCK_KINDS, type LockObject } from "./lockFold";
import type { SyncBase, SyncFold, SyncWait } from "./syncObject";

type CreateEvent = Extract<RunEvent, { kind: "obj.create" }>;

/** Every object this model folds, by kind (a union that grows by one member per kind). */
export type SyncObject = LockObject;

/** How to start folding an object of a kind: a new kind adds its line here. */
function foldFor(e: CreateEvent, index: number): SyncFold<SyncObject> | null {
  if (LOCK_KINDS.has(e.objKind)) return new LockFold(e, index);
  return null;
}

export const isSyncKind = (k: ObjKind): boolean => LOCK_KINDS.has(k);

export class SyncObjectModel {
  readonly objects: SyncObject[] = [];
  readonly byId = new Map<number, SyncObject>();
  /** Operations applied: a cheap version for the whole model. */
  ops = 0;
  private readonly folds = new Map<number, SyncFold<SyncObject>>();
  /** Per process, its open wait on one of these objects. */
  private readonly openWait = new Map<Pid, SyncWait>();

  /** The non-packed events: creations, blocks and unblocks, an operation sent as an event. */
  apply(e: RunEvent): void {
    switch (e.kind) {
      case "obj.create": {
        if (this.folds.has(e.objId)) return;
        const fold = foldFor(e, this.objects.length);
        if (!fold) return;
        this.folds.set(e.objId, fold);
        this.objects.push(fold.obj);
        this.byId.set(e.objId, fold.obj);
        return;
      }
      case "proc.block": {
        if (e.on.op !== "obj") return;
        const fold = this.folds.get(e.on.objId);
        if (!fold) return;
        const w: SyncWait = { pid: e.pid, t0: e.t, t1: null, call: e.on.call, seq: e.seq };
        fold.obj.waits.push(w);
        fold.obj.version++;
        fold.blocked(e.pid);
        this.openWait.set(e.pid, w);
        return;
      }
      case "proc.unblock":
      case "proc.exit": {
        const w = this.openWait.get(e.pid);
        if (!w) return;
        w.t1 = Math.max(w.t0, e.t);
        this.openWait.delete(e.pid);
        return;
      }
      case "obj.op":
        this.applyRow({
          seq: e.seq,
          t: e.t,
          pid: e.pid,
          objId: e.objId,
          op: e.op,
          outcome: e.outcome,
          itemId: e.itemId ?? -1,
          size: e.size ?? -1,
          line: e.line ?? 0,
          value: e.value ?? NaN,
          previewAt: 0,
          previewLen: -1,
        });
        return;
      default:
        return;
    }
  }

  /** A packed operation: true when it was on one of this model's objects (else it is the queue model's). */
  applyRow(r: OpRow): boolean {
    const fold = this.folds.get(r.objId);
    if (!fold) return false;
    fold.row(r);
    this.ops++;
    return true;
  }
}

export type { SyncBase, SyncWait };
