/**
 * Events as ring records. Output, by far the most frequent event, travels as its
 * raw text; everything else as JSON. The head (seq, time, line) is binary (ring.ts).
 */
import type { EventBody, Pid, RunEvent } from "../events";

export const TAG_STDOUT = 1;
export const TAG_STDERR = 2;
export const TAG_JSON = 3;

export function encodeBody(body: EventBody): string {
  return JSON.stringify(body);
}

export function decodeRecord(pid: Pid, tag: number, seq: number, us: number, line: number, text: string): RunEvent {
  const t = us / 1000;
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
