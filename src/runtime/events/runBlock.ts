/**
 * A run (events/opRun.ts) among packed operation rows: from the kernel's op rows to the
 * batch the UI folds, a run stays one block of rows instead of one row per operation,
 * so a loop of a million acquire/release pairs costs the kernel, the transfer and the
 * wait-for graph a few rows per drain. Readers that want every operation expand the
 * block with `runRow` (forEachRow in opPack.ts does, for the UI and the trace).
 *
 * A block is a header row, whose OP column is RUN_HEADER, then its slots as ordinary
 * rows (the run's first operations, at their own seqs and times). The header's columns:
 * SEQ and T the first operation's, PID the process's, OBJ the period (0: none), ITEM
 * the number of operations, SIZE the number of slot rows, VALUE the last operation's time.
 * A run that never found its period is only its slots: the kernel passes those on as
 * plain rows, with no header (kernel/opRows.ts).
 */
import { ITEM, OBJ, OP, ROW_WIDTH, SEQ, SIZE, T, VALUE } from "./opColumns";
import { runTime, stepNumber } from "./opRun";

/** In the OP column: a run block's header row. */
export const RUN_HEADER = -1;

export function isRunHeader(cols: Float64Array, k: number): boolean {
  return cols[k + OP] === RUN_HEADER;
}

/** How many rows the row at k occupies: 1, or a run block's header and slots. */
export function rowsAt(cols: Float64Array, k: number): number {
  return cols[k + OP] === RUN_HEADER ? 1 + (cols[k + SIZE] ?? 0) : 1;
}

/** How many operations the row at k stands for: 1, or a run's count. */
export function opsAt(cols: Float64Array, k: number): number {
  return cols[k + OP] === RUN_HEADER ? (cols[k + ITEM] ?? 0) : 1;
}

/** The operations `n` rows from k stand for. */
export function opsIn(cols: Float64Array, n: number): number {
  let ops = 0;
  for (let r = 0; r < n;) {
    const k = r * ROW_WIDTH;
    ops += opsAt(cols, k);
    r += rowsAt(cols, k);
  }
  return ops;
}

/** Fills `out` (ROW_WIDTH numbers from 0; its PREVIEW is left as it is) with operation j of the run block whose header is at k. */
export function runRow(cols: Float64Array, k: number, j: number, out: Float64Array): void {
  const m = cols[k + SIZE] ?? 0;
  const period = cols[k + OBJ] ?? 0;
  const s = j < m || period <= 0 ? j : j % period;
  const q = j < m || period <= 0 ? 0 : (j - s) / period;
  const a = k + (1 + s) * ROW_WIDTH;
  for (let i = 0; i <= VALUE; i++) out[i] = cols[a + i] ?? 0;
  if (q === 0) return;
  const b = a + period * ROW_WIDTH;
  out[SEQ] = (cols[k + SEQ] ?? 0) + j;
  out[T] = runTime(cols[k + T] ?? 0, cols[k + VALUE] ?? 0, cols[k + ITEM] ?? 0, j);
  out[ITEM] = stepNumber(cols[a + ITEM] ?? 0, cols[b + ITEM] ?? 0, q);
  out[VALUE] = stepNumber(cols[a + VALUE] ?? 0, cols[b + VALUE] ?? 0, q);
}
