/**
 * Joins runs of output from the same process and stream into one event, so a
 * million printed lines cross to the UI as a few thousand messages. The events are
 * the caller's to change: merging appends to the first of a run in place.
 */
import type { RunEvent } from "../events";

const MAX_CHUNK = 1 << 16;

export function coalesceOutput(events: RunEvent[]): RunEvent[] {
  const out: RunEvent[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e.kind === "out" && last?.kind === "out" && last.pid === e.pid && last.stream === e.stream && last.text.length < MAX_CHUNK && last.line === e.line) {
      last.text += e.text;
    } else {
      out.push(e);
    }
  }
  return out;
}
