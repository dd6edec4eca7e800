/**
 * Joins runs of output from the same process and stream into one event, so a
 * million printed lines cross to the UI as a few thousand messages. The events are
 * the caller's to change: merging appends to the first of a run in place. Output on
 * either side of a queue or pipe operation (in `ops`) is not joined, as it would not
 * be if the operation were an event in the list.
 */
import type { RunEvent } from "../events/types";
import { opSeq, type PackedOps } from "../events/opPack";

const MAX_CHUNK = 1 << 16;

export function coalesceOutput(events: RunEvent[], ops: PackedOps | null = null): RunEvent[] {
  const out: RunEvent[] = [];
  let j = 0;
  for (const e of events) {
    const last = out[out.length - 1];
    // Skip the operations before e: if any came after `last`, they stand between the two.
    let between = false;
    if (ops) {
      for (; j < ops.n && opSeq(ops, j) < e.seq; j++) if (last && opSeq(ops, j) > last.seq) between = true;
    }
    if (
      !between &&
      e.kind === "out" &&
      last?.kind === "out" &&
      last.pid === e.pid &&
      last.stream === e.stream &&
      last.text.length < MAX_CHUNK &&
      last.line === e.line
    ) {
      last.text += e.text;
    } else {
      out.push(e);
    }
  }
  return out;
}
