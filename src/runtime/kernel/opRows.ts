/**
 * One process's `obj.op` records as the collector drained them, waiting (in seq order)
 * to be released into a batch: numbers in a Float64Array and each preview as the
 * string it already is, so an operation costs the kernel no event object.
 */
import { type OpPacker } from "../events/opPack";

/** seq, t, objId, op, outcome, itemId, size, line */
const W = 8;

export class OpRows {
  private rows = new Float64Array(64 * W);
  private previews: (string | undefined)[] = [];
  private head = 0;
  private tail = 0;

  get size(): number {
    return this.tail - this.head;
  }

  /** The seq of the oldest row waiting (Infinity when none). */
  headSeq(): number {
    return this.head < this.tail ? (this.rows[this.head * W] ?? Infinity) : Infinity;
  }

  push(
    seq: number,
    t: number,
    objId: number,
    op: number,
    outcome: number,
    itemId: number,
    size: number,
    line: number,
    preview: string | undefined,
  ): void {
    if (this.tail * W === this.rows.length) this.makeRoom();
    const r = this.rows;
    const k = this.tail * W;
    r[k] = seq;
    r[k + 1] = t;
    r[k + 2] = objId;
    r[k + 3] = op;
    r[k + 4] = outcome;
    r[k + 5] = itemId;
    r[k + 6] = size;
    r[k + 7] = line;
    this.previews[this.tail++] = preview;
  }

  /** Moves the oldest row into `packer`, as process `pid`'s. */
  moveHead(pid: number, packer: OpPacker): void {
    const r = this.rows;
    const k = this.head * W;
    packer.add(
      r[k] ?? 0,
      r[k + 1] ?? 0,
      pid,
      r[k + 2] ?? 0,
      r[k + 3] ?? 0,
      r[k + 4] ?? 0,
      r[k + 5] ?? -1,
      r[k + 6] ?? -1,
      r[k + 7] ?? 0,
      this.previews[this.head],
    );
    this.previews[this.head] = undefined;
    this.head++;
    if (this.head === this.tail) this.head = this.tail = 0;
  }

  /** Slides the waiting rows to the front, growing the buffer if they fill more than half of it. */
  private makeRoom(): void {
    const n = this.tail - this.head;
    if (n * 2 > this.rows.length / W) {
      const rows = new Float64Array(this.rows.length * 2);
      rows.set(this.rows.subarray(this.head * W, this.tail * W));
      this.rows = rows;
    } else this.rows.copyWithin(0, this.head * W, this.tail * W);
    this.previews = this.previews.slice(this.head, this.tail);
    this.head = 0;
    this.tail = n;
  }
}
