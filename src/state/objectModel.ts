/**
 * Queues and pipes as places data passes through, folded incrementally from the
 * `obj.create` / `obj.op` events: for each object, the items that went in (in order),
 * who put and who got each one and when, its length over time as a step series, and
 * marks for the operations that did not succeed (Full, Empty, EOF…). Pure data, no
 * React: the timeline and the inspector render it, the tests read it.
 *
 * Built for long runs (100,000 operations): every apply is O(1) amortised, and every
 * question by time ("contents at t", "length at t", "transfers in [t0, t1]") is a
 * binary search over append-only, time-monotone arrays plus a scan of the answer.
 * Items are kept as columns (itemColumns.ts), and the kernel's packed operations are
 * folded straight from their rows (`applyRow`), so an operation costs no object that
 * the garbage collector would have to copy or walk.
 */
import type { Pid, RunEvent } from "../runtime/events/types";
import { newOpRow, type OpRow } from "../runtime/events/opPack";
import { GET_OPS, PUT_OPS } from "../runtime/events/opColumns";
import { isChannelKind, markLabel, MAX_ROWS, type ChannelObject, type ObjMark } from "./channelObject";
import {
  F64Column,
  ItemColumns,
  ItemIndex,
  PreviewChunks,
  type ObjItem,
  type OpFacts,
  type PreviewRef,
} from "./itemColumns";

export type { ObjItem } from "./itemColumns";
export type { ChannelKind, ChannelObject, ObjMark } from "./channelObject";

export class ObjectModel {
  readonly objects: ChannelObject[] = [];
  readonly byId = new Map<number, ChannelObject>();
  /** Marks of every object, by the process that did the failed operation. */
  readonly marksByPid = new Map<Pid, ObjMark[]>();
  /** Total put/get operations applied: a cheap version for the whole model. */
  ops = 0;
  /** Every item's preview text, kept as the strings it arrived in. */
  readonly previews = new PreviewChunks();
  /** Per object, what only the folding needs (one lookup per operation). */
  private readonly internal = new Map<number, Internal>();
  /** Reused for every packed row, so folding one allocates nothing. */
  private readonly rowPreview: PreviewRef = { chunk: 0, at: 0, len: -1 };
  /** An operation applied as an event, as a row. */
  private readonly eventRow: OpRow = newOpRow();
  /**
   * Gets whose item was never put. The log is causal (a get's seq is after its put's),
   * so this stays 0; tests check it.
   */
  unmatchedGets = 0;

  apply(e: RunEvent): void {
    if (e.kind === "obj.create") {
      if (!isChannelKind(e.objKind) || this.byId.has(e.objId)) return;
      const obj: ChannelObject = {
        objId: e.objId,
        kind: e.objKind,
        label: e.label,
        index: this.objects.length,
        maxsize: e.maxsize !== undefined && e.maxsize > 0 ? e.maxsize : null,
        createdAt: e.t,
        createdBy: e.pid,
        createSeq: e.seq,
        createLine: e.line,
        items: new ItemColumns(this.previews),
        putT: new F64Column(),
        getT: new F64Column(),
        gotPrefixMax: new F64Column(),
        stepT: new F64Column(),
        stepN: new F64Column(),
        maxLen: 0,
        rows: 0,
        marks: [],
        tasksDone: 0,
        version: 0,
      };
      obj.stepT.push(e.t);
      obj.stepN.push(0);
      this.objects.push(obj);
      this.byId.set(e.objId, obj);
      this.internal.set(e.objId, {
        obj,
        index: new ItemIndex(),
        rowHolder: [],
        freeRows: 0,
        len: 0,
      });
      return;
    }
    if (e.kind !== "obj.op") return;
    const r = this.eventRow;
    r.seq = e.seq;
    r.t = e.t;
    r.pid = e.pid;
    r.objId = e.objId;
    r.op = e.op;
    r.outcome = e.outcome;
    r.itemId = e.itemId ?? -1;
    r.line = e.line ?? 0;
    this.op(
      r,
      e.item === undefined
        ? { chunk: 0, at: 0, len: -1 }
        : { chunk: this.previews.add(e.item), at: 0, len: e.item.length },
    );
  }

  /** A packed operation (see opPack.forEachRow); `chunk` is its batch's previews string, from `previews.add`. */
  applyRow(r: OpRow, chunk: number): void {
    const p = this.rowPreview;
    p.chunk = chunk;
    p.at = r.previewAt;
    p.len = r.previewLen;
    this.op(r, p);
  }

  /**
   * The operation is read from `r` where it lies (`line` 0: none; `itemId` -1: none):
   * passing its numbers as arguments would box each one in a heap object, which at
   * 100,000s of operations a second was most of the UI thread's garbage.
   */
  private op(r: OpRow, preview: PreviewRef): void {
    const inner = this.internal.get(r.objId);
    if (!inner) return;
    const obj = inner.obj;
    obj.version++;
    if (r.outcome !== "ok") {
      const mark: ObjMark = {
        t: r.t,
        seq: r.seq,
        pid: r.pid,
        objId: r.objId,
        op: r.op,
        outcome: r.outcome,
        line: r.line === 0 ? undefined : r.line,
        label: markLabel(obj.kind, r.op, r.outcome),
      };
      obj.marks.push(mark);
      let list = this.marksByPid.get(r.pid);
      if (!list) this.marksByPid.set(r.pid, (list = []));
      list.push(mark);
      return;
    }
    if (r.op === "task_done") {
      obj.tasksDone++;
      return;
    }
    if (r.itemId < 0) return;
    if (PUT_OPS.has(r.op)) this.put(inner, r, preview);
    else if (GET_OPS.has(r.op)) this.get(inner, r);
  }

  private step(inner: Internal, t: number, delta: number): void {
    const obj = inner.obj;
    const shown = (inner.len += delta);
    const last = obj.stepT.length - 1;
    const tt = Math.max(t, obj.stepT.get(last) ?? t);
    if (obj.stepT.get(last) === tt) obj.stepN.set(last, shown);
    else {
      obj.stepT.push(tt);
      obj.stepN.push(shown);
    }
    if (shown > obj.maxLen) obj.maxLen = shown;
  }

  private put(inner: Internal, r: OpRow, preview: PreviewRef): void {
    const obj = inner.obj;
    const items = obj.items;
    const i = items.length;
    // The lowest row whose item has left by now (a bit of freeRows), else a new one.
    const holders = inner.rowHolder;
    let row: number;
    if (inner.freeRows !== 0) {
      row = 31 - Math.clz32(inner.freeRows & -inner.freeRows);
      inner.freeRows &= ~(1 << row);
    } else row = holders.length < MAX_ROWS ? holders.length : MAX_ROWS;
    if (row < MAX_ROWS) holders[row] = i;
    if (row + 1 > obj.rows) obj.rows = row + 1;
    items.push(r, obj.kind === "Pipe" ? ((r.itemId & 1) === 1 ? 1 : 0) : -1, row, preview);
    obj.putT.push(Math.max(r.t, obj.putT.get(i - 1) ?? r.t));
    inner.index.set(r.itemId, i);
    this.step(inner, r.t, +1);
    this.ops++;
  }

  private get(inner: Internal, r: OpRow): void {
    const obj = inner.obj;
    this.ops++;
    const lastGet = obj.getT.last();
    obj.getT.push(lastGet === undefined ? r.t : Math.max(r.t, lastGet));
    this.step(inner, r.t, -1);
    const i = inner.index.get(r.itemId);
    if (i < 0) {
      this.unmatchedGets++;
      return;
    }
    this.markGot(inner, i, r);
  }

  private markGot(inner: Internal, i: number, got: OpFacts): void {
    const obj = inner.obj;
    const items = obj.items;
    if (!items.markGot(i, got)) return;
    const row = items.row(i);
    if (row < MAX_ROWS && inner.rowHolder[row] === i) inner.freeRows |= 1 << row;
    // Extend the run of leading items that have all been got.
    const pm = obj.gotPrefixMax;
    for (let j = pm.length; j < items.length; j++) {
      const gotAt = items.gotAt(j);
      if (gotAt === undefined) break;
      pm.push(Math.max(pm.get(j - 1) ?? -Infinity, gotAt));
    }
  }

  /** Index of the first item that may still be inside at time t (all before it had left by t). */
  static firstInside(obj: ChannelObject, t: number): number {
    return obj.gotPrefixMax.upperBound(t);
  }

  /**
   * The items inside the object at time t, front first (oldest put first), of one
   * direction only if `dir` is given (pipes): the first `limit` of them built as
   * objects, and how many there are in all, in one pass.
   */
  static insideAt(obj: ChannelObject, t: number, limit = Infinity, dir?: 0 | 1): { items: ObjItem[]; total: number } {
    const items: ObjItem[] = [];
    let total = 0;
    const cols = obj.items;
    const end = obj.putT.upperBound(t);
    for (let i = ObjectModel.firstInside(obj, t); i < end; i++) {
      const gotAt = cols.gotAt(i);
      if (cols.putAt(i) > t || (gotAt !== undefined && gotAt <= t)) continue;
      if (dir !== undefined && cols.dir(i) !== dir) continue;
      total++;
      const it = items.length < limit ? cols.at(i) : undefined;
      if (it) items.push(it);
    }
    return { items, total };
  }

  /** How many items the object holds at time t (from the step series). */
  static lengthAt(obj: ChannelObject, t: number): number {
    const i = obj.stepT.upperBound(t) - 1;
    return i < 0 ? 0 : (obj.stepN.get(i) ?? 0);
  }

  /** How many items went in, and how many came out, up to and including time t. */
  static countsAt(obj: ChannelObject, t: number): { put: number; got: number } {
    return { put: obj.putT.upperBound(t), got: obj.getT.upperBound(t) };
  }

  /**
   * The index range [from, to) of items whose stay overlaps [t0, t1]: put before t1 and
   * not got before t0 (a few inside may have left early; callers filter by times).
   */
  static itemRange(obj: ChannelObject, t0: number, t1: number): { from: number; to: number } {
    return { from: obj.gotPrefixMax.upperBound(t0), to: obj.putT.upperBound(t1) };
  }

  /** The matched put → get pairs whose flight overlaps [t0, t1], in put order. */
  static transfersIn(obj: ChannelObject, t0: number, t1: number): ObjItem[] {
    const { from, to } = ObjectModel.itemRange(obj, t0, t1);
    const out: ObjItem[] = [];
    for (let i = from; i < to; i++) {
      const gotAt = obj.items.gotAt(i);
      const it = gotAt !== undefined && gotAt >= t0 ? obj.items.at(i) : undefined;
      if (it) out.push(it);
    }
    return out;
  }

  /** The item with this itemId, if it has been put. */
  item(objId: number, itemId: number): ObjItem | undefined {
    const inner = this.internal.get(objId);
    const i = inner?.index.get(itemId) ?? -1;
    return i < 0 ? undefined : inner?.obj.items.at(i);
  }
}

interface Internal {
  obj: ChannelObject;
  /** itemId → index in items (item ids are small consecutive integers, or every other one for a pipe's direction). */
  index: ItemIndex;
  /** Which item holds each row (index in items). */
  rowHolder: number[];
  /** Bit r set: row r's holder has been got, so the row is free for the next put. */
  freeRows: number;
  /** The raw length (negative while a get races ahead of its put). */
  len: number;
}
