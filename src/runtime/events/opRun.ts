/**
 * A run: one ring record standing for many operations of one process with consecutive
 * seqs (TAG_RUN in codec.ts). The one definition of what a run's operations are, used
 * by the process that writes it (events/emitter.ts) and the kernel that expands it
 * (kernel/collector.ts), so the two can never disagree.
 *
 * Why: a lock operation itself costs ~100 ns, but the kernel spent ~2 µs folding each
 * record, so a loop of acquire/release pairs waited for ring space: 950 ns a pair in the
 * CLI and 6.4 µs in Chromium (CPython: 105 ns). A loop's operations repeat: a cycle of
 * P (an acquire and a release; or acquire, read, write, release of a locked Value) whose
 * numbers change by the same step each time round (the release number, the value).
 *
 * A run lists its first operations as slots (SLOT_UNITS code units each, in the record's
 * text): at most MAX_SLOTS. Once the slots hold two cycles of a period P (the same
 * object, operation, outcome, line and size in slot s and s + P), the record's period is
 * P and it grows by a count alone: operation j >= 2P is slot j mod P with ITEM and VALUE
 * moved on by the difference between the two cycles, floor(j / P) - 1 more times. The
 * writer extends a run only with the operation `predict` gives, exactly, and only when
 * its seq is the run's last + 1 (nobody else took a seq in between), so a run expands to
 * exactly the seqs, ITEMs and values the operations would have had as records of their
 * own. Only the times are not kept per operation: a run has its first and last, and the
 * operations between are spread evenly over them (one record's time is already up to
 * CLOCK_EVERY operations stale).
 */
import { fromWord, toWord } from "./opColumns";

/** An operation as a run slot holds it: its record's tag (operation and outcome), object, line, ITEM, SIZE and VALUE. */
export interface RunOp {
  tag: number;
  obj: number;
  line: number;
  /** NONE (-1): none. */
  item: number;
  /** NONE: none. */
  size: number;
  /** NaN: none. */
  value: number;
}

/** obj(2) tag(1) line(2) item(2) size(2) value(4) */
export const SLOT_UNITS = 13;
/** The longest cycle a run can repeat: a locked Value's increment is 4 (acquire, read, write, release). */
export const MAX_PERIOD = 4;
export const MAX_SLOTS = 2 * MAX_PERIOD;

const f64 = new Float64Array(1);
const f64Units = new Uint16Array(f64.buffer);

export function newRunOp(): RunOp {
  return { tag: 0, obj: 0, line: 0, item: -1, size: -1, value: 0.5 };
}

/** Writes `op` as slot units at `units[at...]`. */
export function encodeSlot(op: RunOp, units: Uint16Array, at: number): void {
  const item = toWord(op.item);
  const size = toWord(op.size);
  units[at] = op.obj >>> 16;
  units[at + 1] = op.obj & 0xffff;
  units[at + 2] = op.tag;
  units[at + 3] = op.line >>> 16;
  units[at + 4] = op.line & 0xffff;
  units[at + 5] = item >>> 16;
  units[at + 6] = item & 0xffff;
  units[at + 7] = size >>> 16;
  units[at + 8] = size & 0xffff;
  f64[0] = op.value;
  units[at + 9] = f64Units[0] ?? 0;
  units[at + 10] = f64Units[1] ?? 0;
  units[at + 11] = f64Units[2] ?? 0;
  units[at + 12] = f64Units[3] ?? 0;
}

/** Reads slot `k` of a run record's text into `op`. */
export function decodeSlot(text: string, k: number, op: RunOp): void {
  const at = k * SLOT_UNITS;
  const u = (i: number) => text.charCodeAt(at + i);
  const word = (i: number) => ((u(i) << 16) | u(i + 1)) >>> 0;
  op.obj = word(0);
  op.tag = u(2);
  op.line = word(3);
  op.item = fromWord(word(5));
  op.size = fromWord(word(7));
  f64Units[0] = u(9);
  f64Units[1] = u(10);
  f64Units[2] = u(11);
  f64Units[3] = u(12);
  op.value = f64[0] ?? Number.NaN;
}

/** Whether two operations are the same cycle position: all but ITEM and VALUE equal. */
export function sameShape(a: RunOp, b: RunOp): boolean {
  return a.tag === b.tag && a.obj === b.obj && a.line === b.line && a.size === b.size;
}

/**
 * A number of a cycle's slot q cycles on, from its value in the first two cycles: the
 * writer extends a run with an operation only if this gives its ITEM and VALUE
 * exactly, and every reader expands the run with it. A constant (NaN included) stays
 * itself; otherwise one rounding, the same in every thread.
 */
export function stepNumber(first: number, second: number, q: number): number {
  return Object.is(first, second) ? first : first + q * (second - first);
}

/** The time of operation j of a run of n from t0 to t1: spread evenly. */
export function runTime(t0: number, t1: number, n: number, j: number): number {
  return n > 1 ? t0 + ((t1 - t0) * j) / (n - 1) : t0;
}

/**
 * Operation j (>= 2P) of a run of period `period` whose slots are `slots`, into `out`:
 * slot j mod P moved on by q = floor(j / P) steps of (slot + P) - slot.
 */
export function predict(slots: readonly RunOp[], period: number, j: number, out: RunOp): void {
  const s = j % period;
  const q = (j - s) / period;
  const first = slots[s] as RunOp;
  const second = slots[s + period] as RunOp;
  out.tag = first.tag;
  out.obj = first.obj;
  out.line = first.line;
  out.size = first.size;
  out.item = stepNumber(first.item, second.item, q);
  out.value = stepNumber(first.value, second.value, q);
}

/** Whether `a` is exactly `b` (NaN equals NaN). */
export function sameOp(a: RunOp, b: RunOp): boolean {
  return sameShape(a, b) && a.item === b.item && Object.is(a.value, b.value);
}

/** The period that slots 0..m-1 establish when they are two cycles of it (m even), else 0. */
export function periodOf(slots: readonly RunOp[], m: number): number {
  if (m % 2 !== 0 || m > MAX_SLOTS) return 0;
  const p = m / 2;
  for (let s = 0; s < p; s++) if (!sameShape(slots[s] as RunOp, slots[s + p] as RunOp)) return 0;
  return p;
}

/** A run record's slots (its text, at most `n` of them) into `into`, which keeps its objects from call to call. */
export function decodeSlots(text: string, n: number, into: RunOp[]): RunOp[] {
  const m = Math.min(n, Math.floor(text.length / SLOT_UNITS));
  while (into.length < m) into.push(newRunOp());
  into.length = m;
  for (let k = 0; k < m; k++) decodeSlot(text, k, into[k] as RunOp);
  return into;
}
