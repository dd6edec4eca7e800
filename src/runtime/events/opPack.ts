/**
 * `obj.op` events packed for the hop from the kernel worker to the UI thread.
 *
 * Why: structured clone costs ~2 µs per event object on each side of postMessage,
 * which at 100,000+ queue operations a second was most of the kernel's and the UI's
 * work, and on two cores it slowed the processes being watched. Packed, the
 * operations of a batch cross as one transferred Float64Array (no copy) and one
 * string of previews; the UI rebuilds each object as it folds it.
 */
import type { OpOutcome, RunEvent } from "../events";
import { OP_NAMES, OUTCOMES } from "./codec";

/**
 * Columns per operation: seq, t, pid, objId, op, outcome, itemId, size, line, preview
 * length (NONE: no preview; SAME: the same preview as this object's previous one, which
 * a queue of repeated items, sentinels and the like sends a lot: the UI then keeps one
 * string for them all).
 */
const COLS = 10;
const SAME = -2;

export interface PackedOps {
  n: number;
  cols: Float64Array;
  /** The previews, back to back (each column row says its length). */
  items: string;
}

const opIndex = new Map<string, number>(OP_NAMES.map((n, i) => [n, i]));
const outcomeIndex = new Map<string, number>(OUTCOMES.map((n, i) => [n, i]));
const NONE = -1;

/** Splits a seq-ordered batch into the other events (still objects) and the packed ops. */
export function packOps(events: readonly RunEvent[]): { events: RunEvent[]; ops: PackedOps | null } {
  let n = 0;
  for (const e of events) if (e.kind === "obj.op" && opIndex.has(e.op)) n++;
  if (n === 0) return { events: events as RunEvent[], ops: null };
  const rest: RunEvent[] = [];
  const cols = new Float64Array(n * COLS);
  const items: string[] = [];
  const lastPreview = new Map<number, string>();
  let k = 0;
  for (const e of events) {
    const op = e.kind === "obj.op" ? opIndex.get(e.op) : undefined;
    if (e.kind !== "obj.op" || op === undefined) {
      rest.push(e);
      continue;
    }
    cols[k] = e.seq;
    cols[k + 1] = e.t;
    cols[k + 2] = e.pid;
    cols[k + 3] = e.objId;
    cols[k + 4] = op;
    cols[k + 5] = outcomeIndex.get(e.outcome) ?? OUTCOMES.length - 1;
    cols[k + 6] = e.itemId ?? NONE;
    cols[k + 7] = e.size ?? NONE;
    cols[k + 8] = e.line ?? 0;
    if (e.item === undefined) cols[k + 9] = NONE;
    else if (lastPreview.get(e.objId) === e.item) cols[k + 9] = SAME;
    else {
      cols[k + 9] = e.item.length;
      items.push(e.item);
      lastPreview.set(e.objId, e.item);
    }
    k += COLS;
  }
  return { events: rest, ops: { n, cols, items: items.join("") } };
}

/**
 * One packed operation as a fold reads it: the same object, refilled for every row
 * (copy what you keep). The preview is where its text lies in the batch's `items`
 * string (previewLen -1: none), so reading a row allocates nothing.
 */
export interface OpRow {
  seq: number;
  t: number;
  pid: number;
  objId: number;
  op: string;
  outcome: OpOutcome;
  /** -1: none. */
  itemId: number;
  /** -1: none. */
  size: number;
  /** 0: none. */
  line: number;
  previewAt: number;
  previewLen: number;
}

/**
 * A row to refill. Every field exists from the start, and `t` starts as a fraction,
 * so the object keeps one shape and its time field holds doubles in place.
 */
export function newOpRow(): OpRow {
  return { seq: 0, t: 0.5, pid: 0, objId: 0, op: "", outcome: "ok", itemId: NONE, size: NONE, line: 0, previewAt: 0, previewLen: NONE };
}

/**
 * Calls `visit` with every other event of a batch and `visitRow` with every packed
 * operation, merged back in seq order.
 */
export function forEachRow(events: readonly RunEvent[], ops: PackedOps | null | undefined, visit: (e: RunEvent) => void, visitRow: (r: OpRow) => void): void {
  if (!ops) {
    for (const e of events) visit(e);
    return;
  }
  const { n, cols } = ops;
  const row = newOpRow();
  let i = 0;
  let at = 0;
  /** Per object, where its last preview in this batch is (for SAME). */
  const lastAt = new Map<number, number>();
  const lastLen = new Map<number, number>();
  for (let j = 0; j < n; j++) {
    const k = j * COLS;
    const seq = cols[k] ?? 0;
    for (let next = events[i]; next !== undefined && next.seq < seq; next = events[++i]) visit(next);
    const objId = cols[k + 3] ?? 0;
    const len = cols[k + 9] ?? NONE;
    if (len === SAME) {
      row.previewAt = lastAt.get(objId) ?? 0;
      row.previewLen = lastLen.get(objId) ?? NONE;
    } else {
      row.previewAt = at;
      row.previewLen = len;
      if (len !== NONE) {
        lastAt.set(objId, at);
        lastLen.set(objId, len);
        at += len;
      }
    }
    row.seq = seq;
    row.t = cols[k + 1] ?? 0;
    row.pid = cols[k + 2] ?? 0;
    row.objId = objId;
    row.op = OP_NAMES[cols[k + 4] ?? 0] ?? "?";
    row.outcome = OUTCOMES[cols[k + 5] ?? 0] ?? "error";
    row.itemId = cols[k + 6] ?? NONE;
    row.size = cols[k + 7] ?? NONE;
    row.line = cols[k + 8] ?? 0;
    visitRow(row);
  }
  for (; i < events.length; i++) {
    const e = events[i];
    if (e) visit(e);
  }
}

/** Calls `visit` with every event of a batch, the other events and the unpacked ops (as objects) merged back in seq order. */
export function forEachEvent(events: readonly RunEvent[], ops: PackedOps | null | undefined, visit: (e: RunEvent) => void): void {
  const items = ops?.items ?? "";
  forEachRow(events, ops, visit, (r) =>
    visit({
      kind: "obj.op",
      seq: r.seq,
      t: r.t,
      pid: r.pid,
      objId: r.objId,
      op: r.op,
      outcome: r.outcome,
      itemId: r.itemId === NONE ? undefined : r.itemId,
      size: r.size === NONE ? undefined : r.size,
      line: r.line === 0 ? undefined : r.line,
      item: r.previewLen === NONE ? undefined : items.slice(r.previewAt, r.previewAt + r.previewLen),
    }),
  );
}
