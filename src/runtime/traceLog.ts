/**
 * A run's events kept for its Chrome trace (trace.ts): the CLI's `--trace` and the
 * app's Export trace (the kernel worker keeps the last run's) use this one log.
 *
 * It keeps each batch as it came, the queue and pipe operations still packed: a row of
 * numbers per operation and the batch's previews string, no object per operation. The
 * events are made only when a trace is asked for.
 *
 * Beyond MAX_TRACE_OPS operations the log keeps only the other events (processes,
 * output, blocking calls), and the trace says from when operations are missing.
 * Measured on Node: a trace of 200,000 operations is a 48 MB file and took the
 * process to ~310 MB at its peak while built (400,000: 97 MB, ~510 MB); the log
 * itself keeps ~90 bytes per operation. A run streaming 200,000 operations a second
 * for a minute would otherwise keep a gigabyte in the kernel's worker for a file no
 * viewer opens.
 */
import { forEachEvent, type OpBatch, type PackedOps } from "./events/opPack";
import { ROW_WIDTH, T } from "./events/opColumns";
import { opsIn } from "./events/runBlock";
import type { RunEvent } from "./events/types";
import { toChromeTrace, type ChromeTrace } from "./trace";

export const MAX_TRACE_OPS = 200_000;

export class TraceLog {
  private readonly batches: OpBatch[] = [];
  private ops = 0;
  private droppedOps = 0;
  /** The time of the first operation left out. */
  private droppedFrom = Infinity;

  constructor(private readonly maxOps = MAX_TRACE_OPS) {}

  /**
   * Keeps a batch of the run, in seq order after the batches before. The events are
   * kept as they are (the caller does not change them afterwards); the operations are
   * copied, since the caller may transfer their buffer to another thread.
   */
  add(events: readonly RunEvent[], ops: PackedOps | null | undefined): void {
    let kept: PackedOps | null = null;
    if (ops && ops.n > 0) {
      // A run's rows stand for many operations (events/runBlock.ts): the cap counts operations.
      const count = opsIn(ops.cols, ops.n);
      if (this.ops + count <= this.maxOps) {
        kept = { n: ops.n, cols: ops.cols.slice(0, ops.n * ROW_WIDTH), items: ops.items };
        this.ops += count;
      } else {
        this.droppedOps += count;
        this.droppedFrom = Math.min(this.droppedFrom, ops.cols[T] ?? Infinity);
      }
    }
    if (events.length > 0 || kept) this.batches.push({ events: events as RunEvent[], ops: kept });
  }

  get empty(): boolean {
    return this.batches.length === 0;
  }

  trace(): ChromeTrace {
    const events: RunEvent[] = [];
    for (const b of this.batches) forEachEvent(b.events, b.ops, (e) => events.push(e));
    const trace = toChromeTrace(events);
    if (this.droppedOps > 0)
      trace.traceEvents.push({
        name: `${this.droppedOps} queue and pipe operations from here on are not in this trace (it keeps the first ${this.maxOps})`,
        ph: "i",
        s: "g",
        pid: 0,
        tid: 0,
        ts: Math.round(this.droppedFrom * 1000),
        cat: "note",
      });
    return trace;
  }

  /** The trace as the JSON file it is saved as. */
  json(): string {
    return JSON.stringify(this.trace());
  }
}
