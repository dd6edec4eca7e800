/**
 * Which console lines a filter keeps, maintained incrementally.
 *
 * Rescanning every line on each batch is too slow for a million-line run. Lines other than the last never change
 * once the next one has begun, so this index scans each completed line once and only
 * re-examines the last (possibly still open) line.
 */

/** The slice of ConsoleBuffer this needs (kept structural so tests can use a fake). */
export interface LineSource {
  readonly segPid: readonly number[];
  readonly lineCount: number;
  lineRange(i: number): [number, number];
}

export interface LineView {
  /** Rows to show. */
  readonly count: number;
  /** Buffer line index of row `row`. */
  at(row: number): number;
}

export class LineFilter {
  private source: LineSource | null = null;
  private hidden: ReadonlySet<number> | null = null;
  /** Kept line indices among lines [0, scanned). */
  private kept: number[] = [];
  private scanned = 0;

  /** The rows to show for `source` with `hidden` processes filtered out. */
  view(source: LineSource, hidden: ReadonlySet<number>): LineView {
    const lineCount = source.lineCount;
    if (hidden.size === 0) return { count: lineCount, at: (row) => row };
    if (source !== this.source || hidden !== this.hidden || lineCount < this.scanned) {
      this.source = source;
      this.hidden = hidden;
      this.kept = [];
      this.scanned = 0;
    }
    const complete = Math.max(0, lineCount - 1);
    for (let i = this.scanned; i < complete; i++) if (keeps(source, hidden, i)) this.kept.push(i);
    this.scanned = Math.max(this.scanned, complete);
    const kept = this.kept;
    const n = kept.length;
    const lastShown = lineCount > 0 && keeps(source, hidden, lineCount - 1);
    return {
      count: n + (lastShown ? 1 : 0),
      at: (row) => (row < n ? (kept[row] ?? 0) : lineCount - 1),
    };
  }
}

function keeps(source: LineSource, hidden: ReadonlySet<number>, line: number): boolean {
  const [s, e] = source.lineRange(line);
  if (s === e) return true; // an empty line belongs to nobody in particular; keep it
  for (let k = s; k < e; k++) if (!hidden.has(source.segPid[k] ?? -1)) return true;
  return false;
}
