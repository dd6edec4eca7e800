/**
 * A process's side of the event log: stamps each event with the global seq and the
 * shared clock and writes it into the process's own ring. No message, no wait
 * (unless the ring is full).
 *
 * The ring's BUSY word holds a lower bound of the seq being written while a record
 * is in flight, so the kernel can tell which seqs are certainly complete
 * (see kernel/collector.ts) and never emits a later event before an earlier one.
 */
import type { Control } from "../control";
import type { EventBody } from "../events";
import { BUSY, RingWriter } from "../ring";
import { encodeEvent, encodeOut } from "./codec";

export class Emitter {
  private readonly ring: RingWriter;
  private readonly origin: number;

  constructor(private readonly control: Control, ringSab: SharedArrayBuffer, clockZero: number) {
    this.ring = new RingWriter(ringSab);
    this.origin = clockZero;
  }

  /** Milliseconds since the run began, on the clock every process shares. */
  now(): number {
    return Math.round((performance.timeOrigin + performance.now() - this.origin) * 1000) / 1000;
  }

  emit(body: EventBody): number {
    const h = this.ring.header;
    Atomics.store(h, BUSY, this.control.peekSeq());
    const seq = this.control.nextSeq();
    this.ring.write(encodeEvent(seq, this.now(), body));
    Atomics.store(h, BUSY, -1);
    return seq;
  }

  out(stream: 1 | 2, text: string, line?: number): void {
    const max = this.ring.maxRecord - 64;
    for (let i = 0; i < text.length; i += max) {
      const piece = text.length <= max ? text : text.slice(i, i + max);
      const h = this.ring.header;
      Atomics.store(h, BUSY, this.control.peekSeq());
      const seq = this.control.nextSeq();
      this.ring.write(encodeOut(seq, this.now(), stream, piece, line));
      Atomics.store(h, BUSY, -1);
    }
  }
}
