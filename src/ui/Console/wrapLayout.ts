/**
 * Where each console row starts once long rows wrap, in visual lines (each one
 * `--con-row` px high), for a million rows.
 *
 * Almost every row is one line, so only the rows that wrap are kept, sorted, with a
 * running sum of their extra lines: a row's first line and the row at a line are
 * binary searches over the wrapped rows, and rows added at the end cost only
 * themselves. A row's lines are first estimated from its width in character cells and
 * the console's width in cells (the font is monospace, and the text breaks anywhere
 * if it must), then corrected by what the browser measured: it breaks at spaces, and a
 * wide character or a fallback font may not be one cell.
 */

/** Lines a row of `cells` characters takes at `cols` characters a line. */
export function estimateLines(cells: number, cols: number): number {
  return cells <= cols ? 1 : Math.ceil(cells / Math.max(1, cols));
}

export class WrapLayout {
  private key: unknown = null;
  private cols = 0;
  private count = 0;
  /** Rows before this never change under the same key (the last output line may still grow). */
  private stable = 0;
  /** Rows that take more than one line, ascending. */
  private rows: number[] = [];
  /** The extra lines (lines - 1) of each of `rows`. */
  private extra: number[] = [];
  /** sums[k]: the extra lines of rows[0..k), one longer than `rows`. */
  private sums: number[] = [0];
  /** Measured lines that differ from the estimate, with the cells they were measured at. */
  private measured = new Map<number, { cells: number; lines: number }>();
  private resets = 0;

  /**
   * Lays out `count` rows. Under the same `key` (the same buffer and filter) and `cols`,
   * rows before the previous call's `stable` are kept and only the rest are looked at.
   */
  sync(key: unknown, count: number, stable: number, cols: number, cellsOf: (row: number) => number): void {
    let from = Math.min(this.stable, count);
    if (key !== this.key || cols !== this.cols || count < this.count) {
      this.key = key;
      this.cols = cols;
      this.measured.clear();
      this.resets++;
      from = 0;
    }
    while (this.rows.length > 0 && (this.rows[this.rows.length - 1] ?? 0) >= from) {
      this.rows.pop();
      this.extra.pop();
      this.sums.pop();
    }
    const measured = this.measured.size > 0 ? this.measured : null;
    for (let row = from; row < count; row++) {
      const cells = cellsOf(row);
      const m = measured?.get(row);
      const lines = m && m.cells === cells ? m.lines : estimateLines(cells, cols);
      if (lines > 1) this.push(row, lines - 1);
    }
    this.count = count;
    this.stable = Math.min(stable, count);
  }

  /**
   * Records that `row`, drawn with `cells` cells, took `lines` lines on screen.
   * Returns true when that moved anything (the caller then lays out again).
   */
  measure(row: number, cells: number, lines: number): boolean {
    if (row >= this.count || lines < 1) return false;
    if (lines === estimateLines(cells, this.cols)) this.measured.delete(row);
    else this.measured.set(row, { cells, lines });
    if (lines === this.linesOf(row)) return false;
    this.setExtra(row, lines - 1);
    return true;
  }

  /**
   * Changes when the layout starts over (another key or width). Rows drawn under an
   * older one must be drawn anew: a ResizeObserver reports a row once when it starts
   * watching it and then only when its size changes, not because the estimate did.
   */
  get generation(): number {
    return this.resets;
  }

  /** Rows laid out. */
  get rowCount(): number {
    return this.count;
  }

  /** Visual lines of all rows. */
  get lineCount(): number {
    return this.count + (this.sums[this.rows.length] ?? 0);
  }

  /** Lines that `row` takes. */
  linesOf(row: number): number {
    const k = this.indexOf(row);
    return this.rows[k] === row ? 1 + (this.extra[k] ?? 0) : 1;
  }

  /** The first visual line of `row`. */
  lineOf(row: number): number {
    return row + (this.sums[this.indexOf(row)] ?? 0);
  }

  /** The row that visual line `line` belongs to (clamped to the rows there are). */
  rowAtLine(line: number): number {
    if (this.count === 0) return 0;
    // The last wrapped row starting at or before `line`.
    let lo = 0;
    let hi = this.rows.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.rows[mid] ?? 0) + (this.sums[mid] ?? 0) <= line) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let row: number;
    if (k === -1) row = line;
    else {
      const start = (this.rows[k] ?? 0) + (this.sums[k] ?? 0);
      row = line <= start + (this.extra[k] ?? 0) ? (this.rows[k] ?? 0) : line - (this.sums[k + 1] ?? 0);
    }
    return Math.min(Math.max(0, row), this.count - 1);
  }

  /** Index of the first wrapped row >= `row`. */
  private indexOf(row: number): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.rows[mid] ?? 0) < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private push(row: number, extra: number): void {
    this.rows.push(row);
    this.extra.push(extra);
    this.sums.push((this.sums[this.sums.length - 1] ?? 0) + extra);
  }

  /** Sets a row's extra lines anywhere in the list (a measurement: rare, so O(wrapped rows)). */
  private setExtra(row: number, extra: number): void {
    const k = this.indexOf(row);
    if (this.rows[k] === row) {
      if (extra === 0) {
        this.rows.splice(k, 1);
        this.extra.splice(k, 1);
      } else this.extra[k] = extra;
    } else if (extra > 0) {
      this.rows.splice(k, 0, row);
      this.extra.splice(k, 0, extra);
    }
    this.sums.length = this.rows.length + 1;
    for (let i = k; i < this.rows.length; i++) this.sums[i + 1] = (this.sums[i] ?? 0) + (this.extra[i] ?? 0);
  }
}
