/**
 * Events as ring records. Output, by far the most frequent event, travels as its
 * raw text; operations (the most frequent after output) as numbers in the record head
 * plus the item's preview (the columns are opColumns.ts's); everything else as JSON.
 * The head (seq, time, line, the words a, b, c and the float v) is binary (ring.ts).
 */
import type { EventBody, Pid, RunEvent } from "./types";
import { OP_NAMES, OUTCOMES } from "./opColumns";

export const TAG_STDOUT = 1;
export const TAG_STDERR = 2;
export const TAG_JSON = 3;
/**
 * An `obj.op`. The tag unit also carries the operation and outcome codes (opColumns.ts),
 * above the low 3 bits; the words are a = objId, b = toWord(itemId), c = toWord(size),
 * v = the value (NaN: none); the text is the item's preview.
 */
export const TAG_OP = 4;
/** A seq that was taken but carries no event (an operation that failed before it happened). */
export const TAG_SKIP = 5;
/**
 * A run of operations of this process with consecutive seqs (events/opRun.ts): the
 * record's seq is the first one's, its time the first one's; a = how many, b = the
 * period (0: none, the slots are all of them), v = the last one's time; the text is
 * the slots.
 */
export const TAG_RUN = 6;
const TAG_BITS = 7;
/**
 * Set on an `obj.op` record whose preview is the same as that of this process's
 * previous op record on the same object: the text is left out, and the reader puts
 * back the one it remembers (see PreviewMemory). A queue of one payload put again and
 * again (1 KB byte strings: 80-character previews) then writes and reads no text.
 */
export const SAME_PREVIEW = 0x8000;

/** The tag unit of an op record (codes from opColumns.ts). */
export function opTag(op: number, outcome: number): number {
  return TAG_OP | ((op + outcome * OP_NAMES.length) << 3);
}

export function encodeBody(body: EventBody): string {
  return JSON.stringify(body);
}

/** One ring's last preview per object, for the SAME_PREVIEW records that leave it out. */
export class PreviewMemory {
  private readonly last = new Map<number, string>();

  /** The record's preview: its text, or the one remembered for its object (a) if it says SAME_PREVIEW. */
  resolve(tag: number, a: number, text: string): string {
    if ((tag & TAG_BITS) !== TAG_OP) return text;
    if (tag & SAME_PREVIEW) return this.last.get(a) ?? "";
    if (text !== "") this.last.set(a, text);
    return text;
  }
}

/** What kind of record a tag is: TAG_STDOUT, TAG_STDERR, TAG_JSON, TAG_OP, TAG_SKIP or TAG_RUN. */
export function tagKind(tag: number): number {
  return tag & TAG_BITS;
}

/** An op record's operation code. */
export function opCodeOf(tag: number): number {
  return ((tag & ~SAME_PREVIEW) >>> 3) % OP_NAMES.length;
}

/** An op record's outcome code. */
export function outcomeCodeOf(tag: number): number {
  return Math.min(OUTCOMES.length - 1, Math.floor(((tag & ~SAME_PREVIEW) >>> 3) / OP_NAMES.length));
}

/** A JSON or output record as its event. Op records never become events: the collector packs them (kernel/opRows.ts). */
export function decodeRecord(pid: Pid, tag: number, seq: number, us: number, line: number, text: string): RunEvent {
  const t = us / 1000;
  const kind = tag & TAG_BITS;
  if (kind === TAG_JSON) {
    const e = JSON.parse(text) as RunEvent;
    e.seq = seq;
    e.t = t;
    e.pid = pid;
    if (line && e.line === undefined) e.line = line;
    return e;
  }
  const e: RunEvent = { kind: "out", stream: kind === TAG_STDOUT ? 1 : 2, text, seq, t, pid };
  if (line) e.line = line;
  return e;
}
