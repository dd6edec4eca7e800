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
import type { ObjKind, OpOutcome, Pid, RunEvent } from "../runtime/events";
import type { OpRow } from "../runtime/events/opPack";
import { ItemColumns, PendingGets, PreviewChunks, type ObjItem, type PreviewRef } from "./itemColumns";

export type { ObjItem } from "./itemColumns";

/** The kinds this model folds; other objects (locks, events…) are ignored here. */
export type ChannelKind = "Queue" | "JoinableQueue" | "SimpleQueue" | "Pipe";
const CHANNEL_KINDS: ReadonlySet<ObjKind> = new Set<ObjKind>(["Queue", "JoinableQueue", "SimpleQueue", "Pipe"]);

const PUT_OPS: ReadonlySet<string> = new Set(["put", "put_nowait", "send", "send_bytes"]);
/** Rows tracked per object; items beyond share the last one (the place then shows a chart). */
export const MAX_ROWS = 24;
const GET_OPS: ReadonlySet<string> = new Set(["get", "get_nowait", "recv", "recv_bytes"]);

/** An operation that did not succeed: Full, Empty (after a timeout or at once), EOF… */
export interface ObjMark {
  t: number;
  seq: number;
  pid: Pid;
  objId: number;
  op: string;
  outcome: OpOutcome;
  line?: number;
  /** Short words for the glyph and tooltip, e.g. "queue.Full", "EOFError". */
  label: string;
}

export interface ChannelObject {
  objId: number;
  kind: ChannelKind;
  label: string;
  /** Order of creation among channels. */
  index: number;
  /** null when unbounded. */
  maxsize: number | null;
  createdAt: number;
  createdBy: Pid;
  createSeq: number;
  createLine?: number;
  /** In the order they went in (put/send events). */
  items: ItemColumns;
  /** items[i].putAt, made non-decreasing, for binary search. */
  putT: number[];
  /** Times of the gets/recvs that matched an item, non-decreasing. */
  getT: number[];
  /**
   * gotPrefixMax[i] = latest gotAt among items[0..i], kept for the leading items that
   * have all been got: contents at t start at the first index whose value is > t.
   */
  gotPrefixMax: number[];
  /** Length over time: after stepT[i] the object holds stepN[i] items. */
  stepT: number[];
  stepN: number[];
  /** Most items held at once so far. */
  maxLen: number;
  /** Rows (slots) used so far by items. */
  rows: number;
  marks: ObjMark[];
  /** task_done calls (JoinableQueue). */
  tasksDone: number;
  /** Bumped on every change, so memoised views can tell. */
  version: number;
}

export const isChannelKind = (k: ObjKind): k is ChannelKind => CHANNEL_KINDS.has(k);

/** Index of the first element > x in a non-decreasing array. */
export function upperBound(a: readonly number[], x: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] ?? Infinity) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function markLabel(kind: ChannelKind, op: string, outcome: OpOutcome): string {
  switch (outcome) {
    case "full":
      return "queue.Full";
    case "empty":
      return "queue.Empty";
    case "eof":
      return "EOFError";
    case "closed":
      return kind === "Pipe" ? "BrokenPipeError" : "closed";
    case "timeout":
      return `${op} timed out`;
    default:
      return `${op}: ${outcome}`;
  }
}

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

  apply(e: RunEvent): void {
    if (e.kind === "obj.create") {
      if (!isChannelKind(e.objKind) || this.byId.has(e.objId)) return;
      const obj: ChannelObject = {
        objId: e.objId, kind: e.objKind, label: e.label, index: this.objects.length,
        maxsize: e.maxsize !== undefined && e.maxsize > 0 ? e.maxsize : null,
        createdAt: e.t, createdBy: e.pid, createSeq: e.seq, createLine: e.line,
        items: new ItemColumns(this.previews), putT: [], getT: [], gotPrefixMax: [], stepT: [e.t], stepN: [0], maxLen: 0, rows: 0, marks: [], tasksDone: 0, version: 0,
      };
      this.objects.push(obj);
      this.byId.set(e.objId, obj);
      this.internal.set(e.objId, { obj, index: [], early: new PendingGets(), rowHolder: [], len: 0 });
      return;
    }
    if (e.kind !== "obj.op") return;
    const preview: PreviewRef = e.item === undefined ? { chunk: 0, at: 0, len: -1 } : { chunk: this.previews.add(e.item), at: 0, len: e.item.length };
    this.op(e.objId, e.op, e.outcome, e.seq, e.t, e.pid, e.line ?? 0, e.itemId ?? -1, preview);
  }

  /** A packed operation (see opPack.forEachEvent); `chunk` is its batch's previews string, from `previews.add`. */
  applyRow(r: OpRow, chunk: number): void {
    const p = this.rowPreview;
    p.chunk = chunk;
    p.at = r.previewAt;
    p.len = r.previewLen;
    this.op(r.objId, r.op, r.outcome, r.seq, r.t, r.pid, r.line, r.itemId, p);
  }

  /** `line` 0: none; `itemId` -1: none; `preview` is only read, not kept. */
  private op(objId: number, op: string, outcome: OpOutcome, seq: number, t: number, pid: Pid, line: number, itemId: number, preview: PreviewRef): void {
    const inner = this.internal.get(objId);
    if (!inner) return;
    const obj = inner.obj;
    obj.version++;
    if (outcome !== "ok") {
      const mark: ObjMark = { t, seq, pid, objId, op, outcome, line: line === 0 ? undefined : line, label: markLabel(obj.kind, op, outcome) };
      obj.marks.push(mark);
      let list = this.marksByPid.get(pid);
      if (!list) this.marksByPid.set(pid, (list = []));
      list.push(mark);
      return;
    }
    if (op === "task_done") {
      obj.tasksDone++;
      return;
    }
    if (itemId < 0) return;
    if (PUT_OPS.has(op)) this.put(inner, itemId, t, pid, seq, line, preview);
    else if (GET_OPS.has(op)) this.get(inner, itemId, t, pid, seq, line);
  }

  private step(inner: Internal, t: number, delta: number): void {
    const obj = inner.obj;
    const n = (inner.len += delta);
    const shown = Math.max(0, n);
    const last = obj.stepT.length - 1;
    const tt = Math.max(t, obj.stepT[last] ?? t);
    if (obj.stepT[last] === tt) obj.stepN[last] = shown;
    else {
      obj.stepT.push(tt);
      obj.stepN.push(shown);
    }
    if (shown > obj.maxLen) obj.maxLen = shown;
  }

  private put(inner: Internal, itemId: number, t: number, pid: Pid, seq: number, line: number, preview: PreviewRef): void {
    const obj = inner.obj;
    const items = obj.items;
    const i = items.length;
    // The lowest row whose item has left by now.
    const holders = inner.rowHolder;
    let row = -1;
    for (let r = 0; r < holders.length; r++) {
      if (items.isGot(holders[r] ?? 0)) {
        row = r;
        break;
      }
    }
    if (row === -1) row = holders.length < MAX_ROWS ? holders.length : MAX_ROWS;
    if (row < MAX_ROWS) holders[row] = i;
    if (row + 1 > obj.rows) obj.rows = row + 1;
    items.push(itemId, t, pid, seq, line, obj.kind === "Pipe" ? ((itemId & 1) === 1 ? 1 : 0) : -1, row, preview);
    obj.putT.push(Math.max(t, obj.putT[i - 1] ?? t));
    inner.index[itemId] = i;
    this.step(inner, t, +1);
    this.ops++;
    const early = inner.early;
    const slot = early.take(itemId);
    if (slot >= 0) this.markGot(obj, i, early.t(slot), early.pid(slot), early.seq(slot), early.line(slot));
  }

  private get(inner: Internal, itemId: number, t: number, pid: Pid, seq: number, line: number): void {
    const obj = inner.obj;
    this.ops++;
    const lastGet = obj.getT[obj.getT.length - 1];
    obj.getT.push(lastGet === undefined ? t : Math.max(t, lastGet));
    this.step(inner, t, -1);
    const i = inner.index[itemId];
    if (i === undefined) {
      // Its put is still in flight: pair them when it arrives.
      inner.early.add(itemId, t, pid, seq, line);
      return;
    }
    this.markGot(obj, i, t, pid, seq, line);
  }

  private markGot(obj: ChannelObject, i: number, t: number, pid: Pid, seq: number, line: number): void {
    const items = obj.items;
    if (!items.markGot(i, t, pid, seq, line)) return;
    // Extend the run of leading items that have all been got.
    const pm = obj.gotPrefixMax;
    for (let j = pm.length; j < items.length; j++) {
      const gotAt = items.gotAt(j);
      if (gotAt === undefined) break;
      pm.push(Math.max(pm[j - 1] ?? -Infinity, gotAt));
    }
  }

  /** Index of the first item that may still be inside at time t (all before it had left by t). */
  static firstInside(obj: ChannelObject, t: number): number {
    return upperBound(obj.gotPrefixMax, t);
  }

  /**
   * The items inside the object at time t, front first (oldest put first): the first
   * `limit` of them, of one direction only if `dir` is given (pipes).
   */
  static contentsAt(obj: ChannelObject, t: number, limit = Infinity, dir?: 0 | 1): ObjItem[] {
    const out: ObjItem[] = [];
    if (limit <= 0) return out;
    ObjectModel.forEachInside(obj, t, dir, (i) => {
      const it = obj.items.at(i);
      if (it) out.push(it);
      return out.length < limit;
    });
    return out;
  }

  /** How many items are inside the object at time t (of one direction if `dir` is given), as contentsAt would list them. */
  static countInside(obj: ChannelObject, t: number, dir?: 0 | 1): number {
    let n = 0;
    ObjectModel.forEachInside(obj, t, dir, () => {
      n++;
      return true;
    });
    return n;
  }

  /** Calls `visit` with the index of each item inside at time t, front first, until it returns false. */
  private static forEachInside(obj: ChannelObject, t: number, dir: 0 | 1 | undefined, visit: (i: number) => boolean): void {
    const items = obj.items;
    const end = upperBound(obj.putT, t);
    for (let i = ObjectModel.firstInside(obj, t); i < end; i++) {
      const gotAt = items.gotAt(i);
      if (items.putAt(i) > t || (gotAt !== undefined && gotAt <= t)) continue;
      if (dir !== undefined && items.dir(i) !== dir) continue;
      if (!visit(i)) return;
    }
  }

  /** How many items the object holds at time t (from the step series). */
  static lengthAt(obj: ChannelObject, t: number): number {
    const i = upperBound(obj.stepT, t) - 1;
    return i < 0 ? 0 : (obj.stepN[i] ?? 0);
  }

  /** How many items went in, and how many came out, up to and including time t. */
  static countsAt(obj: ChannelObject, t: number): { put: number; got: number } {
    return { put: upperBound(obj.putT, t), got: upperBound(obj.getT, t) };
  }

  /**
   * The index range [from, to) of items whose stay overlaps [t0, t1]: put before t1 and
   * not got before t0 (a few inside may have left early; callers filter by times).
   */
  static itemRange(obj: ChannelObject, t0: number, t1: number): { from: number; to: number } {
    return { from: upperBound(obj.gotPrefixMax, t0), to: upperBound(obj.putT, t1) };
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
    const i = inner?.index[itemId];
    return i === undefined ? undefined : inner?.obj.items.at(i);
  }
}

interface Internal {
  obj: ChannelObject;
  /** itemId → index in items (item ids are small consecutive integers: an array, not a Map). */
  index: number[];
  /** Gets that arrived before their put (by itemId). */
  early: PendingGets;
  /** Which item holds each row (index in items). */
  rowHolder: number[];
  /** The raw length (negative while a get races ahead of its put). */
  len: number;
}
