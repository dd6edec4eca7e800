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

/** What the kernel hands on: the events that are not packed operations, and the packed ones. */
export interface OpBatch {
  /** In seq order. */
  events: RunEvent[];
  ops: PackedOps | null;
}

/**
 * Builds a PackedOps row by row, in seq order: the kernel's collector straight from
 * ring records (no event object per operation), and packOps from events.
 */
export class OpPacker {
  private cols: Float64Array;
  private n = 0;
  private readonly parts: string[] = [];
  /** Per object, the last preview sent in this batch. */
  private readonly last = new Map<number, string>();

  constructor(rows = 64) {
    this.cols = new Float64Array(Math.max(1, rows) * COLS);
  }

  /** `op`, `outcome`: indexes into OP_NAMES and OUTCOMES; itemId, size: NONE (-1) for none; line 0: none. */
  add(
    seq: number,
    t: number,
    pid: number,
    objId: number,
    op: number,
    outcome: number,
    itemId: number,
    size: number,
    line: number,
    preview: string | undefined,
  ): void {
    if ((this.n + 1) * COLS > this.cols.length) {
      const next = new Float64Array(this.cols.length * 2);
      next.set(this.cols);
      this.cols = next;
    }
    const cols = this.cols;
    const k = this.n++ * COLS;
    cols[k] = seq;
    cols[k + 1] = t;
    cols[k + 2] = pid;
    cols[k + 3] = objId;
    cols[k + 4] = op;
    cols[k + 5] = outcome;
    cols[k + 6] = itemId;
    cols[k + 7] = size;
    cols[k + 8] = line;
    if (preview === undefined) cols[k + 9] = NONE;
    else if (this.last.get(objId) === preview) cols[k + 9] = SAME;
    else {
      cols[k + 9] = preview.length;
      this.parts.push(preview);
      this.last.set(objId, preview);
    }
  }

  /** The rows so far (null if none); the packer starts afresh. */
  take(): PackedOps | null {
    if (this.n === 0) return null;
    const full = this.cols.length === this.n * COLS;
    const ops = { n: this.n, cols: full ? this.cols : this.cols.slice(0, this.n * COLS), items: this.parts.join("") };
    if (full) this.cols = new Float64Array(COLS * 64);
    this.n = 0;
    this.parts.length = 0;
    this.last.clear();
    return ops;
  }
}

/**
 * The batches' rows one after the other. No SAME changes meaning: in every batch, an
 * object's first operation with a preview carries its text, so a SAME still refers
 * to a preview of its own batch.
 */
export function concatOps(batches: readonly PackedOps[]): PackedOps | null {
  if (batches.length <= 1) return batches[0] ?? null;
  let n = 0;
  for (const b of batches) n += b.n;
  const cols = new Float64Array(n * COLS);
  let at = 0;
  for (const b of batches) {
    cols.set(b.cols.subarray(0, b.n * COLS), at);
    at += b.n * COLS;
  }
  return { n, cols, items: batches.map((b) => b.items).join("") };
}

/** The seq of row j. */
export function opSeq(ops: PackedOps, j: number): number {
  return ops.cols[j * COLS] ?? Infinity;
}

/** Splits a seq-ordered batch into the other events (still objects) and the packed ops. */
export function packOps(events: readonly RunEvent[]): OpBatch {
  const packer = new OpPacker(events.length);
  const rest: RunEvent[] = [];
  for (const e of events) {
    const op = e.kind === "obj.op" ? opIndex.get(e.op) : undefined;
    if (e.kind !== "obj.op" || op === undefined) {
      rest.push(e);
      continue;
    }
    packer.add(
      e.seq,
      e.t,
      e.pid,
      e.objId,
      op,
      outcomeIndex.get(e.outcome) ?? OUTCOMES.length - 1,
      e.itemId ?? NONE,
      e.size ?? NONE,
      e.line ?? 0,
      e.item,
    );
  }
  const ops = packer.take();
  return { events: ops ? rest : (events as RunEvent[]), ops };
}

/** Every event of a batch as objects, in seq order (for consumers that want events: the CLI, tests). */
export function expandBatch(batch: OpBatch): RunEvent[] {
  const out: RunEvent[] = [];
  forEachEvent(batch.events, batch.ops, (e) => out.push(e));
  return out;
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
  return {
    seq: 0,
    t: 0.5,
    pid: 0,
    objId: 0,
    op: "",
    outcome: "ok",
    itemId: NONE,
    size: NONE,
    line: 0,
    previewAt: 0,
    previewLen: NONE,
  };
}

/**
 * Calls `visit` with every other event of a batch and `visitRow` with every packed
 * operation, merged back in seq order.
 */
export function forEachRow(
  events: readonly RunEvent[],
  ops: PackedOps | null | undefined,
  visit: (e: RunEvent) => void,
  visitRow: (r: OpRow) => void,
): void {
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
export function forEachEvent(
  events: readonly RunEvent[],
  ops: PackedOps | null | undefined,
  visit: (e: RunEvent) => void,
): void {
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
