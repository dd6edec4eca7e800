/**
 * `obj.op` events packed for the hop from the kernel worker to the UI thread.
 *
 * Why: structured clone costs ~2 µs per event object on each side of postMessage,
 * which at 100,000+ queue operations a second was most of the kernel's and the UI's
 * work, and on two cores it slowed the processes being watched. Packed, the
 * operations of a batch cross as one transferred Float64Array (no copy) and one
 * string of previews; the UI rebuilds each object as it folds it.
 */
import type { OpOutcome, RunEvent } from "./types";
import {
  ITEM,
  LINE,
  NONE,
  OBJ,
  OP,
  opCode,
  opName,
  OUTCOME,
  outcomeCode,
  outcomeName,
  PID,
  PREVIEW,
  ROW_WIDTH,
  SAME_AS_LAST,
  SEQ,
  SIZE,
  T,
  VALUE,
} from "./opColumns";
import { ensureLength } from "../lib/growable";
import { isRunHeader, opsAt, rowsAt, runRow } from "./runBlock";

/**
 * A batch's operations: `n` rows of opColumns.ts's columns, whose PREVIEW column is the
 * length of the row's preview in `items` (NONE: none; SAME_AS_LAST: the same preview as
 * its object's previous row, which a queue of repeated items, sentinels and the like
 * sends a lot: the UI then keeps one string for them all).
 */
export interface PackedOps {
  n: number;
  cols: Float64Array;
  /** The previews, back to back. */
  items: string;
}

/** What the kernel hands on: the events that are not packed operations, and the packed ones. */
export interface OpBatch {
  /** In seq order. */
  events: RunEvent[];
  ops: PackedOps | null;
}

/**
 * Builds a PackedOps row by row, in seq order: the kernel's collector straight from
 * its op rows (no event object per operation), and packOps from events.
 */
export class OpPacker {
  private cols: Float64Array;
  private n = 0;
  private readonly parts: string[] = [];
  /** Per object, the last preview sent in this batch. */
  private readonly last = new Map<number, string>();

  constructor(rows = 64) {
    this.cols = new Float64Array(Math.max(1, rows) * ROW_WIDTH);
  }

  /** Copies the row at `src[k...]` (its PREVIEW column is ignored) with its preview text. */
  addRow(src: Float64Array, k: number, preview: string | undefined): void {
    this.cols = ensureLength(this.cols, (this.n + 1) * ROW_WIDTH);
    const cols = this.cols;
    const at = this.n++ * ROW_WIDTH;
    for (let i = 0; i < PREVIEW; i++) cols[at + i] = src[k + i] ?? 0;
    const objId = src[k + OBJ] ?? 0;
    if (preview === undefined) cols[at + PREVIEW] = NONE;
    else if (this.last.get(objId) === preview) cols[at + PREVIEW] = SAME_AS_LAST;
    else {
      cols[at + PREVIEW] = preview.length;
      this.parts.push(preview);
      this.last.set(objId, preview);
    }
  }

  /** The rows so far (null if none); the packer starts afresh. */
  take(): PackedOps | null {
    if (this.n === 0) return null;
    const full = this.cols.length === this.n * ROW_WIDTH;
    const ops = {
      n: this.n,
      cols: full ? this.cols : this.cols.slice(0, this.n * ROW_WIDTH),
      items: this.parts.join(""),
    };
    // The next batch is likely as big as this one: start there instead of growing up to it again.
    if (full) this.cols = new Float64Array(ROW_WIDTH * Math.max(64, this.n));
    this.n = 0;
    this.parts.length = 0;
    this.last.clear();
    return ops;
  }
}

/**
 * The batches' rows one after the other. No SAME_AS_LAST changes meaning: in every batch, an
 * object's first operation with a preview carries its text, so a SAME_AS_LAST still refers
 * to a preview of its own batch.
 */
export function concatOps(batches: readonly PackedOps[]): PackedOps | null {
  if (batches.length <= 1) return batches[0] ?? null;
  let n = 0;
  for (const b of batches) n += b.n;
  const cols = new Float64Array(n * ROW_WIDTH);
  let at = 0;
  for (const b of batches) {
    cols.set(b.cols.subarray(0, b.n * ROW_WIDTH), at);
    at += b.n * ROW_WIDTH;
  }
  return { n, cols, items: batches.map((b) => b.items).join("") };
}

/** The seq of row j. */
export function opSeq(ops: PackedOps, j: number): number {
  return ops.cols[j * ROW_WIDTH + SEQ] ?? Infinity;
}

/** Splits a seq-ordered batch into the other events (still objects) and the packed ops. */
export function packOps(events: readonly RunEvent[]): OpBatch {
  const packer = new OpPacker(events.length);
  const rest: RunEvent[] = [];
  const row = new Float64Array(ROW_WIDTH);
  for (const e of events) {
    const op = e.kind === "obj.op" ? opCode(e.op) : -1;
    if (e.kind !== "obj.op" || op < 0) {
      rest.push(e);
      continue;
    }
    row[SEQ] = e.seq;
    row[T] = e.t;
    row[PID] = e.pid;
    row[OBJ] = e.objId;
    row[OP] = op;
    row[OUTCOME] = outcomeCode(e.outcome);
    row[ITEM] = e.itemId ?? NONE;
    row[SIZE] = e.size ?? NONE;
    row[LINE] = e.line ?? 0;
    row[VALUE] = e.value ?? Number.NaN;
    packer.addRow(row, 0, e.item);
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
  /** NaN: none. */
  value: number;
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
    value: 0.5,
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
  /** Per object, where its last preview in this batch is (for SAME_AS_LAST). */
  const lastAt = new Map<number, number>();
  const lastLen = new Map<number, number>();
  /** A run's operation, expanded (runBlock.ts). */
  let runOp: Float64Array | null = null;
  for (let j = 0; j < n;) {
    const k = j * ROW_WIDTH;
    const seq = cols[k + SEQ] ?? 0;
    for (let next = events[i]; next !== undefined && next.seq < seq; next = events[++i]) visit(next);
    if (isRunHeader(cols, k)) {
      // A run's operations have no previews, and nothing else lies among their seqs.
      runOp ??= new Float64Array(ROW_WIDTH);
      const count = opsAt(cols, k);
      row.previewAt = 0;
      row.previewLen = NONE;
      for (let q = 0; q < count; q++) {
        runRow(cols, k, q, runOp);
        fillRow(row, runOp, 0);
        visitRow(row);
      }
      j += rowsAt(cols, k);
      continue;
    }
    const objId = cols[k + OBJ] ?? 0;
    const len = cols[k + PREVIEW] ?? NONE;
    if (len === SAME_AS_LAST) {
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
    fillRow(row, cols, k);
    visitRow(row);
    j++;
  }
  for (; i < events.length; i++) {
    const e = events[i];
    if (e) visit(e);
  }
}

/** The operation columns of the row at `src[k...]` into `row` (not its preview). */
function fillRow(row: OpRow, src: Float64Array, k: number): void {
  row.seq = src[k + SEQ] ?? 0;
  row.t = src[k + T] ?? 0;
  row.pid = src[k + PID] ?? 0;
  row.objId = src[k + OBJ] ?? 0;
  row.op = opName(src[k + OP] ?? 0);
  row.outcome = outcomeName(src[k + OUTCOME] ?? 0);
  row.itemId = src[k + ITEM] ?? NONE;
  row.size = src[k + SIZE] ?? NONE;
  row.line = src[k + LINE] ?? 0;
  row.value = src[k + VALUE] ?? Number.NaN;
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
      value: Number.isNaN(r.value) ? undefined : r.value,
      item: r.previewLen === NONE ? undefined : items.slice(r.previewAt, r.previewAt + r.previewLen),
    }),
  );
}
