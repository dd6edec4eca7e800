/**
 * Events as ring records. Output, by far the most frequent event, travels as its
 * raw text; everything else as JSON. The head (seq, time, line) is binary (ring.ts).
 */
import type { EventBody, Pid, RunEvent } from "../events";
import type { RingRecord } from "../ring";

export const TAG_STDOUT = 1;
export const TAG_STDERR = 2;
export const TAG_JSON = 3;

export function encodeBody(body: EventBody): string {
  return JSON.stringify(body);
}

export function decodeRecord(r: RingRecord, pid: Pid): RunEvent {
  const t = r.us / 1000;
  if (r.tag === TAG_JSON) return { ...(JSON.parse(r.text) as EventBody), seq: r.seq, t, pid } as RunEvent;
  const e: RunEvent = { kind: "out", stream: r.tag === TAG_STDOUT ? 1 : 2, text: r.text, seq: r.seq, t, pid };
  if (r.line) e.line = r.line;
  return e;
}
