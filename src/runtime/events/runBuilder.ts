/**
 * The writer's side of a run (events/opRun.ts says what one is): the open TAG_RUN
 * record at the ring's tail and what the process knows of it.
 *
 * While the run is learning its cycle, each operation appends a slot under the ring's
 * LOCK. Once it has a period, an operation that is the one the run predicts costs one
 * compare-and-swap on the ring's live count and no lock (RingWriter.addToOpenCount);
 * if the kernel published the run meanwhile, the swap fails and the operation starts
 * a new run. So the kernel can take a run at any drain, and a busy writer never holds
 * it back.
 */
import { TAG_RUN } from "./codec";
import { encodeSlot, MAX_SLOTS, newRunOp, periodOf, predict, sameOp, SLOT_UNITS, type RunOp } from "./opRun";
import type { RingWriter } from "./ring";

export class RunBuilder {
  private readonly slots: RunOp[] = Array.from({ length: MAX_SLOTS }, newRunOp);
  /** Slots written (the record's text). */
  private m = 0;
  /** 0 until the slots hold two cycles. */
  private period = 0;
  /** Operations in the run; 0: no run open. */
  private n = 0;
  /** The seq of the run's last operation. */
  private last = -1;
  /** The run's first time, in µs. */
  private firstUs = 0;
  private readonly expected = newRunOp();
  private readonly units = new Uint16Array(SLOT_UNITS);

  constructor(private readonly ring: RingWriter) {}

  /**
   * Records `op` with `seq` (its time `us`) as the next operation of the open run when
   * its seq follows the run's last and the run predicts it, else as a new run.
   */
  add(seq: number, us: number, op: RunOp): void {
    const ring = this.ring;
    if (this.n > 0 && seq === this.last + 1) {
      if (this.period > 0) {
        predict(this.slots, this.period, this.n, this.expected);
        if (sameOp(op, this.expected) && ring.addToOpenCount(this.n, us - this.firstUs)) {
          this.n++;
          this.last = seq;
          return;
        }
      } else if (this.m < MAX_SLOTS) {
        ring.lock();
        try {
          if (this.append(us, op)) {
            this.last = seq;
            return;
          }
        } finally {
          ring.unlock();
        }
      }
    }
    ring.lock();
    try {
      ring.publishOpen();
      copyOp(op, this.slots[0] as RunOp);
      this.m = 1;
      this.n = 1;
      this.period = 0;
      this.last = seq;
      this.firstUs = us;
      encodeSlot(op, this.units, 0);
      ring.write(TAG_RUN, seq, us, 0, { units: this.units, length: SLOT_UNITS }, true, 1, 0, 0, us);
      ring.setOpenCount(1, 0, 0);
    } finally {
      ring.unlock();
    }
  }

  /** Appends `op` as the run's next slot, if the run is still open and the ring has room. Hold LOCK. */
  private append(us: number, op: RunOp): boolean {
    const ring = this.ring;
    if (ring.openTag() !== TAG_RUN) return false;
    encodeSlot(op, this.units, 0);
    if (!ring.tryAppendOpenUnits(this.units, SLOT_UNITS)) return false;
    copyOp(op, this.slots[this.m++] as RunOp);
    this.n++;
    this.period = periodOf(this.slots, this.m);
    ring.setOpenCount(this.n, this.period, us - this.firstUs);
    return true;
  }
}

function copyOp(from: RunOp, to: RunOp): void {
  to.tag = from.tag;
  to.obj = from.obj;
  to.line = from.line;
  to.item = from.item;
  to.size = from.size;
  to.value = from.value;
}
