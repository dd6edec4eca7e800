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

/** Calls `visit` with every event of a batch, the other events and the unpacked ops merged back in seq order. */
export function forEachEvent(events: readonly RunEvent[], ops: PackedOps | null | undefined, visit: (e: RunEvent) => void): void {
  if (!ops) {
    for (const e of events) visit(e);
    return;
  }
  const { n, cols, items } = ops;
  let i = 0;
  let at = 0;
  const lastPreview = new Map<number, string>();
  for (let j = 0; j < n; j++) {
    const k = j * COLS;
    const seq = cols[k] ?? 0;
    for (let next = events[i]; next !== undefined && next.seq < seq; next = events[++i]) visit(next);
    const itemId = cols[k + 6] ?? NONE;
    const size = cols[k + 7] ?? NONE;
    const line = cols[k + 8] ?? 0;
    const len = cols[k + 9] ?? NONE;
    const objId = cols[k + 3] ?? 0;
    let item: string | undefined;
    if (len === SAME) item = lastPreview.get(objId);
    else if (len !== NONE) {
      item = items.slice(at, at + len);
      at += len;
      lastPreview.set(objId, item);
    }
    visit({
      kind: "obj.op",
      seq,
      t: cols[k + 1] ?? 0,
      pid: cols[k + 2] ?? 0,
      objId,
      op: OP_NAMES[cols[k + 4] ?? 0] ?? "?",
      outcome: (OUTCOMES[cols[k + 5] ?? 0] ?? "error") as OpOutcome,
      itemId: itemId === NONE ? undefined : itemId,
      size: size === NONE ? undefined : size,
      line: line === 0 ? undefined : line,
      item,
    });
  }
  for (; i < events.length; i++) {
    const e = events[i];
    if (e) visit(e);
  }
}
