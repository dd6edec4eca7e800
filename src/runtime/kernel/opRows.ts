/**
 * One process's `obj.op` records as the collector drained them, waiting (in seq order)
 * to be released into a batch: rows of opColumns.ts's columns in a Float64Array, and
 * each preview as the string it already is, so an operation costs the kernel no event
 * object. A run record stays one block of rows (events/runBlock.ts).
 */
import type { OpPacker } from "../events/opPack";
import { ITEM, LINE, OBJ, OP, OUTCOME, PID, ROW_WIDTH, SEQ, SIZE, T, VALUE } from "../events/opColumns";
import { opCodeOf, outcomeCodeOf } from "../events/codec";
import { runTime, type RunOp } from "../events/opRun";
import { opsAt, rowsAt, RUN_HEADER } from "../events/runBlock";
import { grownCopy } from "../lib/growable";

export class OpRows {
  private rows = new Float64Array(64 * ROW_WIDTH);
  private previews: (string | undefined)[] = [];
  private head = 0;
  private tail = 0;

  get size(): number {
    return this.tail - this.head;
  }

  /** The seq of the oldest row waiting (Infinity when none). */
  headSeq(): number {
    return this.head < this.tail ? (this.rows[this.head * ROW_WIDTH + SEQ] ?? Infinity) : Infinity;
  }

  /** itemId and size: NONE for none; line 0: none; value NaN: none. */
  push(
    seq: number,
    t: number,
    pid: number,
    objId: number,
    op: number,
    outcome: number,
    itemId: number,
    size: number,
    line: number,
    value: number,
    preview: string | undefined,
  ): void {
    if (this.tail * ROW_WIDTH === this.rows.length) this.makeRoom();
    const r = this.rows;
    const k = this.tail * ROW_WIDTH;
    r[k + SEQ] = seq;
    r[k + T] = t;
    r[k + PID] = pid;
    r[k + OBJ] = objId;
    r[k + OP] = op;
    r[k + OUTCOME] = outcome;
    r[k + ITEM] = itemId;
    r[k + SIZE] = size;
    r[k + LINE] = line;
    r[k + VALUE] = value;
    this.previews[this.tail++] = preview;
  }

  /** A run of `n` operations from `seq`, times `t0` to `t1`: its header and its slots' rows. */
  pushRun(seq: number, t0: number, t1: number, pid: number, period: number, n: number, slots: readonly RunOp[]): void {
    // A run without a period is its slots, all of them: plain rows, as if each had been a record.
    if (period > 0) this.push(seq, t0, pid, period, RUN_HEADER, 0, n, slots.length, 0, t1, undefined);
    slots.forEach((op, j) =>
      this.push(
        seq + j,
        runTime(t0, t1, n, j),
        pid,
        op.obj,
        opCodeOf(op.tag),
        outcomeCodeOf(op.tag),
        op.item,
        op.size,
        op.line,
        op.value,
        undefined,
      ),
    );
  }

  /** Moves the oldest row (or run block) into `packer`; returns how many seqs it covered. */
  moveHead(packer: OpPacker): number {
    const k = this.head * ROW_WIDTH;
    const rows = rowsAt(this.rows, k);
    const seqs = opsAt(this.rows, k);
    for (let i = 0; i < rows; i++) {
      packer.addRow(this.rows, k + i * ROW_WIDTH, this.previews[this.head]);
      this.previews[this.head++] = undefined;
    }
    if (this.head === this.tail) this.head = this.tail = 0;
    return seqs;
  }

  /** Slides the waiting rows to the front, growing the buffer if they fill more than half of it. */
  private makeRoom(): void {
    const n = this.tail - this.head;
    const live = this.rows.subarray(this.head * ROW_WIDTH, this.tail * ROW_WIDTH);
    if (n * 2 > this.rows.length / ROW_WIDTH) this.rows = grownCopy(live, this.rows.length * 2);
    else this.rows.copyWithin(0, this.head * ROW_WIDTH, this.tail * ROW_WIDTH);
    this.previews = this.previews.slice(this.head, this.tail);
    this.head = 0;
    this.tail = n;
  }
}
