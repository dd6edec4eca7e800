/**
 * How many character cells each console line draws, for the wrap estimate
 * (wrapLayout.ts): kept per line for completed lines, so a new console width re-lays
 * a million lines from a typed array instead of their strings.
 */
import { MAX_LINE_CHARS, TAB_WIDTH } from "./lineFormat";

/** The slice of ConsoleBuffer this needs (structural, so tests can use a fake). */
export interface CellSource {
  readonly segText: readonly string[];
  /** Index of the first segment of each line. */
  readonly lineStart: readonly number[];
  readonly lineCount: number;
}

/** Room for the "… N more characters" note after a clipped line. */
const MORE_NOTE_CELLS = 32;

/** Cells a row of `text` draws (a tab is TAB_WIDTH; past MAX_LINE_CHARS the row is clipped). */
export function textCells(text: string, from = 0): number {
  let n = text.length;
  for (let t = text.indexOf("\t"); t !== -1 && n <= MAX_LINE_CHARS; t = text.indexOf("\t", t + 1)) n += TAB_WIDTH - 1;
  return from + n;
}

export class LineCells {
  private source: CellSource | null = null;
  private cells = new Uint32Array(1024);
  /** Lines [0, known) are complete and in `cells`. */
  private known = 0;

  /** The cells of `line` of `source` (which may have grown since the last call). */
  of(source: CellSource, line: number): number {
    if (source !== this.source || source.lineCount < this.known) {
      this.source = source;
      this.known = 0;
    }
    if (line < this.known) return this.cells[line] ?? 0;
    // The last line may still grow, so it is never kept.
    if (line >= source.lineCount - 1) return measureLine(source, line);
    if (line >= this.cells.length) {
      const grown = new Uint32Array(Math.max(line + 1, this.cells.length * 2));
      grown.set(this.cells);
      this.cells = grown;
    }
    for (let i = this.known; i <= line; i++) this.cells[i] = measureLine(source, i);
    this.known = line + 1;
    return this.cells[line] ?? 0;
  }
}

/** Reads lineStart directly: a [start, end] pair per line would be a million objects to collect. */
function measureLine(source: CellSource, line: number): number {
  const s = source.lineStart[line] ?? 0;
  const e = source.lineStart[line + 1] ?? source.segText.length;
  let n = 0;
  for (let k = s; k < e && n <= MAX_LINE_CHARS; k++) n = textCells(source.segText[k] ?? "", n);
  return n > MAX_LINE_CHARS ? MAX_LINE_CHARS + MORE_NOTE_CELLS : n;
}
