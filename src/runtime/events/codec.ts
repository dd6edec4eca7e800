/**
 * Events as ring records. Output, by far the most frequent event, travels as its
 * raw text; operations on shared objects as a few separated fields; everything
 * else as JSON. The head (seq, time, line) is binary (ring.ts).
 */
import type { EventBody, OpOutcome, Pid, RunEvent } from "../events";

export const TAG_STDOUT = 1;
export const TAG_STDERR = 2;
export const TAG_JSON = 3;
/** An `obj.op`: the most frequent event after output, in a flat form cheaper than JSON. */
export const TAG_OP = 4;
const SEP = "\x1f";

/** Fields joined by a separator that a repr preview never contains raw (repr escapes it). */
export function encodeOp(objId: number, op: string, outcome: OpOutcome, itemId?: number, size?: number, item?: string): string {
  return `${objId}${SEP}${op}${SEP}${outcome}${SEP}${itemId ?? ""}${SEP}${size ?? ""}${SEP}${item ?? ""}`;
}

export function encodeBody(body: EventBody): string {
  return JSON.stringify(body);
}

function decodeOp(text: string, seq: number, t: number, pid: Pid): RunEvent {
  const f = text.split(SEP, 5);
  const e: RunEvent = { kind: "obj.op", objId: Number(f[0]), op: f[1] ?? "", outcome: (f[2] ?? "ok") as OpOutcome, seq, t, pid };
  if (f[3]) e.itemId = Number(f[3]);
  if (f[4]) e.size = Number(f[4]);
  let at = -1;
  for (let i = 0; i < 5; i++) at = text.indexOf(SEP, at + 1);
  const item = text.slice(at + 1);
  if (item) e.item = item;
  return e;
}

export function decodeRecord(pid: Pid, tag: number, seq: number, us: number, line: number, text: string): RunEvent {
  const t = us / 1000;
  if (tag === TAG_OP) return decodeOp(text, seq, t, pid);
  if (tag === TAG_JSON) {
    const e = JSON.parse(text) as RunEvent;
    e.seq = seq;
    e.t = t;
    e.pid = pid;
    return e;
  }
  const e: RunEvent = { kind: "out", stream: tag === TAG_STDOUT ? 1 : 2, text, seq, t, pid };
  if (line) e.line = line;
  return e;
}
