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
import type { OpOutcome } from "../events";
import { encodeBody, opTag, SAME_PREVIEW, TAG_JSON, TAG_STDERR, TAG_STDOUT } from "./codec";

/** Largest value a record word holds after the +1 that keeps 0 for "none". */
const MAX_WORD = 0xffffffff;

export class Emitter {
  private readonly ring: RingWriter;
  private readonly header: Int32Array;
  /** performance.now() value at the run's clock zero, in this thread's time origin. */
  private readonly zero: number;
  /** The last seq this process took (-1 before its first event). */
  private lastSeq = -1;
  /** The preview of this process's last op record per object (see SAME_PREVIEW). */
  private readonly previews = new Map<number, string>();

  constructor(
    private readonly control: Control,
    ringSab: SharedArrayBuffer,
    clockZero: number,
    private readonly pid: number,
  ) {
    this.ring = new RingWriter(ringSab);
    this.header = this.ring.header;
    this.zero = clockZero - performance.timeOrigin;
  }

  /** Writes one closed record (publishing any open output first). Hold the ring's lock. */
  private record(tag: number, text: string, line: number, a = 0, b = 0, c = 0): number {
    const h = this.header;
    this.ring.publishOpen();
    // Any lower bound of the seq about to be taken will do: ours, unlike the counter's
    // current value, costs no read of the line every process is writing.
    Atomics.store(h, BUSY, this.lastSeq + 1);
    const seq = (this.lastSeq = this.control.nextSeq());
    this.ring.write(tag, seq, this.clockUs(), line, text, false, a, b, c);
    Atomics.store(h, BUSY, -1);
    return seq;
  }

  private clockUs(): number {
    return Math.max(0, Math.round((performance.now() - this.zero) * 1000));
  }

  emit(body: EventBody): number {
    this.control.haltIfEnded(this.pid);
    const line = "line" in body && typeof body.line === "number" ? body.line : 0;
    this.ring.lock();
    try {
      return this.record(TAG_JSON, encodeBody(body), line);
    } finally {
      this.ring.unlock();
    }
  }

  /**
   * An operation on a shared object (queue put, pipe recv...): `obj.op` as numbers in
   * the record head and the preview as its text, so a put costs no string building.
   */
  op(objId: number, op: string, outcome: OpOutcome, itemId?: number, size?: number, item?: string): void {
    // Item numbers and sizes travel as 32-bit words: beyond them (after ~2^31 messages), as JSON.
    const tag = (itemId ?? 0) >= MAX_WORD || (size ?? 0) >= MAX_WORD ? -1 : opTag(op, outcome);
    if (tag === -1) {
      // The reader remembers previews from op records only: the next one must carry its text.
      this.previews.delete(objId);
      this.emit({ kind: "obj.op", objId, op, outcome, itemId, size, item });
      return;
    }
    this.control.haltIfEnded(this.pid);
    let text = item ?? "";
    let flags = 0;
    // The reader remembers non-empty previews only (an empty text means none).
    if (item) {
      if (this.previews.get(objId) === item) {
        text = "";
        flags = SAME_PREVIEW;
      } else this.previews.set(objId, item);
    }
    this.ring.lock();
    try {
      this.record(
        tag | flags,
        text,
        0,
        objId,
        itemId === undefined ? 0 : itemId + 1,
        size === undefined ? 0 : size + 1,
      );
    } finally {
      this.ring.unlock();
    }
  }

  /**
   * Output. A write extends this process's open output record when nothing else has
   * happened anywhere since (no process took a seq after it), so merging never
   * changes the global order of what was written; a burst of prints costs one
   * record per kernel drain instead of one per line. The merged text keeps the time
   * of its first write (at most one drain interval, a few ms, earlier than the last).
   */
  out(stream: 1 | 2, text: string, line = 0): void {
    this.control.haltIfEnded(this.pid);
    const tag = stream === 1 ? TAG_STDOUT : TAG_STDERR;
    const ring = this.ring;
    ring.lock();
    try {
      if (
        line === 0 &&
        ring.openTag() === tag &&
        this.control.peekSeq() === ring.openSeq() + 1 &&
        ring.tryAppendOpen(text)
      )
        return;
      const max = ring.maxRecord;
      if (text.length > max || line !== 0) {
        for (let i = 0; i < text.length; i += max) this.record(tag, text.slice(i, i + max), line);
        return;
      }
      ring.publishOpen();
      Atomics.store(this.header, BUSY, this.lastSeq + 1);
      ring.write(tag, (this.lastSeq = this.control.nextSeq()), this.clockUs(), 0, text, true);
    } finally {
      ring.unlock();
    }
  }
}
