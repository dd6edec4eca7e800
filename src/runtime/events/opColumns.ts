/**
 * The one definition of an operation record: the operation and outcome tables, the
 * columns an operation occupies, and how "no value" is written.
 *
 * An operation (`obj.op`: a put, an acquire, a Value write...) travels as numbers all
 * the way, because operations are the hottest events (a fast queue run makes 200,000+
 * a second): binary words in the process's ring record, a row of a Float64Array while
 * the kernel holds it back for ordering (kernel/opRows.ts), the same row in the batch
 * that is transferred to the UI (opPack.ts), and the same columns again as the UI folds
 * it. Every one of those reads and writes the columns named here.
 */
import type { OpOutcome } from "./types";

/**
 * Operations with a compact record, by the Python method's name. A name's index is its
 * code in records and rows; new names go at the end (codes are never reused).
 * `read` and `write` are a Value's `.value` (or an Array element) being read or set;
 * `poll`, `join`, `sleep` and `start` name what a process is about to do at a sync point.
 */
export const OP_NAMES = [
  "put",
  "put_nowait",
  "get",
  "get_nowait",
  "send",
  "send_bytes",
  "recv",
  "recv_bytes",
  "task_done",
  "acquire",
  "release",
  "wait",
  "wait_for",
  "set",
  "clear",
  "notify",
  "notify_all",
  "reset",
  "abort",
  "read",
  "write",
  "poll",
  "join",
  "sleep",
  "start",
] as const;

export type OpName = (typeof OP_NAMES)[number];

/** Operations that put an item in (its ITEM joins it to the get that takes it out), and those that take one out. */
export const PUT_OPS: ReadonlySet<string> = new Set<OpName>(["put", "put_nowait", "send", "send_bytes"]);
export const GET_OPS: ReadonlySet<string> = new Set<OpName>(["get", "get_nowait", "recv", "recv_bytes"]);

export const OUTCOMES: readonly OpOutcome[] = ["ok", "timeout", "busy", "full", "empty", "closed", "eof", "error"];

const OP_CODES = new Map<string, number>(OP_NAMES.map((n, i) => [n, i]));
const OUTCOME_CODES = new Map<string, number>(OUTCOMES.map((n, i) => [n, i]));

/** The code of an operation name, or -1 when it has no compact form. */
export function opCode(op: string): number {
  return OP_CODES.get(op) ?? -1;
}

/** The code of an outcome (unknown ones count as "error"). */
export function outcomeCode(outcome: string): number {
  return OUTCOME_CODES.get(outcome) ?? OUTCOMES.length - 1;
}

export function opName(code: number): string {
  return OP_NAMES[code] ?? "?";
}

export function outcomeName(code: number): OpOutcome {
  return OUTCOMES[code] ?? "error";
}

/**
 * "None" in a column: itemId, size and preview length use NONE; `line` uses 0 (lines
 * are 1-based); `value` uses NaN (a value may be any number, -1 included).
 */
export const NONE = -1;

/** The columns of one operation row (a Float64Array of ROW_WIDTH numbers per operation). */
export const SEQ = 0;
export const T = 1;
export const PID = 2;
export const OBJ = 3;
export const OP = 4;
export const OUTCOME = 5;
/** The item that moved (joins a put to its get), or the ticket or generation that joins a release to its acquire. */
export const ITEM = 6;
/** The object's size after the operation (a queue's length, a semaphore's count...). */
export const SIZE = 7;
export const LINE = 8;
/** A number the operation carries: a Value's new or read value, an Array's element. */
export const VALUE = 9;
/** Length of the preview text in the batch's previews string (NONE: none; SAME_AS_LAST: the object's last one). */
export const PREVIEW = 10;
export const ROW_WIDTH = 11;

/** In PREVIEW: the same preview as this object's previous one in the batch. */
export const SAME_AS_LAST = -2;

/**
 * Ring record words are unsigned 32-bit, so an optional count travels shifted by one:
 * 0 is none. These two are the only place that shift is made or undone.
 */
export function toWord(x: number | undefined): number {
  return x === undefined || x < 0 ? 0 : x + 1;
}

export function fromWord(w: number): number {
  return w === 0 ? NONE : w - 1;
}

/** Largest count a record word holds after the shift; beyond it, an operation travels as JSON. */
export const MAX_WORD_VALUE = 0xfffffffe;

/** Operation codes by name: `Op.put`. */
export const Op = Object.freeze(Object.fromEntries(OP_NAMES.map((n, i) => [n, i]))) as Readonly<Record<OpName, number>>;

/** Outcome codes by name: `Outcome.ok`. */
export const Outcome = Object.freeze(Object.fromEntries(OUTCOMES.map((n, i) => [n, i]))) as Readonly<
  Record<OpOutcome, number>
>;
