/**
 * The console's memory: one stream of lines built from the output events of every
 * process, in the order they were written.
 *
 * Unsynchronised writes interleave mid-line exactly as a terminal would show them,
 * so a line is a run of segments, each tagged with the process and stream that
 * wrote it. Storage is columnar (parallel arrays, no object per segment) so that a
 * million lines stay cheap to hold and to filter.
 */
export class ConsoleBuffer {
  /** Per segment. */
  readonly segText: string[] = [];
  readonly segPid: number[] = [];
  readonly segStream: number[] = [];
  readonly segSeq: number[] = [];
  /** Index of the first segment of each line; a line ends where the next begins. */
  readonly lineStart: number[] = [];
  /** True while the last line has not been ended by a newline. */
  private open = false;
  /** Bumped by every append: lets views know cheaply that something changed. */
  version = 0;

  get lineCount(): number {
    return this.lineStart.length;
  }

  append(pid: number, stream: number, seq: number, text: string): void {
    if (text.length === 0) return;
    let from = 0;
    while (from < text.length) {
      const nl = text.indexOf("\n", from);
      const piece = nl === -1 ? text.slice(from) : text.slice(from, nl);
      if (!this.open) {
        this.lineStart.push(this.segText.length);
        this.open = true;
      }
      if (piece.length > 0 || nl !== -1) this.pushSegment(pid, stream, seq, piece);
      if (nl === -1) break;
      this.open = false;
      from = nl + 1;
    }
    this.version++;
  }

  private pushSegment(pid: number, stream: number, seq: number, piece: string): void {
    const last = this.segText.length - 1;
    const lineFirst = this.lineStart[this.lineStart.length - 1] ?? 0;
    if (last >= lineFirst && this.segPid[last] === pid && this.segStream[last] === stream) {
      this.segText[last] += piece;
      return;
    }
    this.segText.push(piece);
    this.segPid.push(pid);
    this.segStream.push(stream);
    this.segSeq.push(seq);
  }

  /** Segment index range [start, end) of line i. */
  lineRange(i: number): [number, number] {
    const start = this.lineStart[i] ?? 0;
    const end = this.lineStart[i + 1] ?? this.segText.length;
    return [start, end];
  }

  lineText(i: number): string {
    const [s, e] = this.lineRange(i);
    return this.segText.slice(s, e).join("");
  }

  /** The whole stream as plain text (what the CLI would print). */
  toText(): string {
    let s = "";
    for (let i = 0; i < this.lineStart.length; i++) {
      s += this.lineText(i);
      if (i < this.lineStart.length - 1 || !this.open) s += "\n";
    }
    return s;
  }
}
