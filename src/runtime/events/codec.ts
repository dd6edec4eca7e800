/**
 * Events as ring records. Output, by far the most frequent event, travels as its
 * raw text; operations on queues and pipes (the most frequent after output) as
 * numbers in the record head plus the item's preview; everything else as JSON. The
 * head (seq, time, line, and the words a, b, c) is binary (ring.ts).
 */
import type { EventBody, OpOutcome, Pid, RunEvent } from "../events";

export const TAG_STDOUT = 1;
export const TAG_STDERR = 2;
export const TAG_JSON = 3;
/**
 * An `obj.op`. The tag unit also carries the operation and outcome (as indexes into
 * OP_NAMES and OUTCOMES, above the low 3 bits); the words are a = objId,
 * b = itemId + 1 and c = size + 1 (0: none); the text is the item's preview.
 */
export const TAG_OP = 4;
const TAG_BITS = 7;
/**
 * Set on an `obj.op` record whose preview is the same as that of this process's
 * previous op record on the same object: the text is left out, and the reader puts
 * back the one it remembers (see PreviewMemory). A queue of one payload put again and
 * again (1 KB byte strings: 80-character previews) then writes and reads no text.
 */
export const SAME_PREVIEW = 0x8000;

/** Operations with a compact record; any other name travels as JSON. */
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
] as const;
export const OUTCOMES: readonly OpOutcome[] = ["ok", "timeout", "full", "empty", "closed", "eof", "error"];
const OP_CODE = new Map<string, number>(OP_NAMES.map((n, i) => [n, i]));
const OUTCOME_CODE = new Map<string, number>(OUTCOMES.map((n, i) => [n, i]));

/** The tag unit of an op record, or -1 when the op has no compact form. */
export function opTag(op: string, outcome: OpOutcome): number {
  const o = OP_CODE.get(op);
  const r = OUTCOME_CODE.get(outcome);
  return o === undefined || r === undefined ? -1 : TAG_OP | ((o + r * OP_NAMES.length) << 3);
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

/** Whether a record is a compact `obj.op` (see TAG_OP). */
export function isOpTag(tag: number): boolean {
  return (tag & TAG_BITS) === TAG_OP;
}

/** An op record's operation, as an index into OP_NAMES. */
export function opIndexOf(tag: number): number {
  return ((tag & ~SAME_PREVIEW) >>> 3) % OP_NAMES.length;
}

/** An op record's outcome, as an index into OUTCOMES. */
export function outcomeIndexOf(tag: number): number {
  return Math.floor(((tag & ~SAME_PREVIEW) >>> 3) / OP_NAMES.length);
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
    return e;
  }
  const e: RunEvent = { kind: "out", stream: kind === TAG_STDOUT ? 1 : 2, text, seq, t, pid };
  if (line) e.line = line;
  return e;
}
