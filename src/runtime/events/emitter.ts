/**
 * A process's side of the event log: stamps each event with the global seq and the
 * shared clock and writes it into the process's own ring. No message, no wait
 * (unless the ring is full).
 *
 * Causal order (contract section 10) is made here and at the call sites:
 * - every seq taken is in exactly one record (a run record holds many consecutive
 *   ones of this process: events/opRun.ts), so the kernel can release seqs in
 *   order and wait at a gap (kernel/collector.ts);
 * - an operation that *consumes* (get, recv, acquire, a wait that returns) takes its
 *   seq after its effect, with `op`;
 * - an operation that *publishes* (put, send, release, set, notify) takes its seq
 *   before its effect is visible to any other process: the shared object calls
 *   `reserve()` inside its critical section, just before it commits, and the
 *   operation is then recorded with that seq by `op`. So a get is never before its put,
 *   and a lock never has two holders, in seq order.
 */
import type { Control } from "../control";
import type { EventBody } from "./types";
import { RingWriter } from "./ring";
import { RunBuilder } from "./runBuilder";
import { newRunOp } from "./opRun";
import { encodeBody, opTag, SAME_PREVIEW, TAG_JSON, TAG_SKIP, TAG_STDERR, TAG_STDOUT } from "./codec";
import { MAX_WORD_VALUE, opName, outcomeName, toWord } from "./opColumns";

/** Where the user's code is: the instrumented snippet stores the line of each call it makes (compile/instrument.ts). */
export interface SourceLocation {
  line: number;
}

/**
 * A fresh clock read costs ~230 ns in a cross-origin-isolated Chromium worker (~75 ns in
 * Node), more than the rest of an operation's record. In a burst of operations the clock
 * is read at most every CLOCK_EVERY of them, and whenever the kernel's tick has moved
 * (every drain, a few ms) or the process has waited: a time is at most that stale.
 */
const CLOCK_EVERY = 8;
/**
 * The same for operations that go into a run (events/opRun.ts): a run keeps only its
 * first and last times, so a fresher clock buys nothing between; an acquire+release
 * pair costs ~100 ns, so its times are at most a few µs stale.
 */
const RUN_CLOCK_EVERY = 32;

export class Emitter {
  private readonly ring: RingWriter;
  /** performance.now() value at the run's clock zero, in this thread's time origin. */
  private readonly zero: number;
  /** The seq reserved by a publishing operation, or -1. */
  private reserved = -1;
  /** The preview of this process's last op record per object (see SAME_PREVIEW). */
  private readonly previews = new Map<number, string>();
  private lastUs = 0;
  private clockBudget = 0;
  private lastTick = -1;
  private readonly runs: RunBuilder;
  /** The seq of this process's last operation. */
  private lastOpSeq = -2;
  /** The operation being recorded into a run (refilled each time). */
  private readonly runOp = newRunOp();

  constructor(
    private readonly control: Control,
    ringSab: SharedArrayBuffer,
    clockZero: number,
    private readonly pid: number,
    private readonly loc: SourceLocation = { line: 0 },
  ) {
    this.ring = new RingWriter(ringSab);
    this.runs = new RunBuilder(this.ring);
    this.zero = clockZero - performance.timeOrigin;
  }

  /** The next record reads the clock afresh (after a wait: time has passed). */
  freshClock(): void {
    this.clockBudget = 0;
  }

  private clockUs(every = CLOCK_EVERY): number {
    const tick = this.control.tick();
    if (this.clockBudget > every) this.clockBudget = every;
    if (tick === this.lastTick && --this.clockBudget > 0) return this.lastUs;
    this.lastTick = tick;
    this.clockBudget = every;
    const us = Math.round((performance.now() - this.zero) * 1000);
    if (us > this.lastUs) this.lastUs = us;
    return this.lastUs;
  }

  /** Publishes an open output record, so the next record can follow it. */
  private closeOpen(): void {
    const ring = this.ring;
    if (!ring.hasOpen()) return;
    ring.lock();
    ring.publishOpen();
    ring.unlock();
  }

  /** Writes one closed record with `seq` (publishing any open output first). */
  private record(seq: number, tag: number, text: string, line: number, a = 0, b = 0, c = 0, v = Number.NaN): void {
    this.closeOpen();
    this.ring.write(tag, seq, this.clockUs(), line, text, false, a, b, c, v);
  }

  /** An event that is not an operation, as JSON; `line` 0: none. */
  emit(body: EventBody, line = 0): number {
    this.control.haltIfEnded(this.pid);
    this.freshClock();
    const seq = this.control.nextSeq();
    this.record(seq, TAG_JSON, encodeBody(body), line);
    return seq;
  }

  /**
   * Takes the seq of a publishing operation now, just before its effect becomes
   * visible (called by the shared object inside its critical section); the next `op`
   * records the operation with it. Between the two nothing else may be recorded.
   */
  reserve(): void {
    this.reserved = this.control.nextSeq();
  }

  /** A reserved seq that no operation will use (the operation failed before it happened). */
  cancelReserved(): void {
    if (this.reserved < 0) return;
    this.record(this.reserved, TAG_SKIP, "", 0);
    this.reserved = -1;
  }

  /**
   * An operation on a shared object (codes from opColumns.ts): numbers in the record
   * head and the preview as its text, so it costs no string building. Its seq is the
   * one `reserve` took, or a fresh one. The line is the user's call (the location
   * register). `value` NaN: none.
   *
   * An operation without a preview (an acquire, a release, a Value's read or write)
   * whose seq follows this process's last operation's goes into a run
   * (events/opRun.ts): the open run record takes it when the run predicts it, so a
   * loop of them costs the ring and the kernel one record per drain instead of one per
   * operation (the process had waited for ring space: 2,445 ns a pair in the CLI, 6.4 µs
   * in Chromium). One that follows another process's seq (a get between puts) is a plain
   * record, as a run of one costs more than a record at both ends.
   */
  op(objId: number, op: number, outcome: number, itemId = -1, size = -1, item?: string, value = Number.NaN): void {
    let seq = this.reserved;
    this.reserved = -1;
    if (seq < 0) {
      this.control.haltIfEnded(this.pid);
      seq = this.control.nextSeq();
    }
    const line = this.loc.line;
    if (itemId > MAX_WORD_VALUE || size > MAX_WORD_VALUE) {
      // Beyond 32-bit words (after ~2^32 messages): as JSON. The reader remembers previews from op records only.
      this.previews.delete(objId);
      const body: EventBody = {
        kind: "obj.op",
        objId,
        op: opName(op),
        outcome: outcomeName(outcome),
        ...(itemId >= 0 ? { itemId } : {}),
        ...(size >= 0 ? { size } : {}),
        ...(item !== undefined ? { item } : {}),
        ...(Number.isNaN(value) ? {} : { value }),
      };
      this.record(seq, TAG_JSON, encodeBody(body), line);
      return;
    }
    const follows = seq === this.lastOpSeq + 1;
    this.lastOpSeq = seq;
    if (!item && follows) {
      const r = this.runOp;
      r.tag = opTag(op, outcome);
      r.obj = objId;
      r.line = line;
      // As the record's words will bring them back (opColumns.toWord): the kernel predicts from those.
      r.item = itemId < 0 ? -1 : itemId;
      r.size = size < 0 ? -1 : size;
      r.value = value;
      this.runs.add(seq, this.clockUs(RUN_CLOCK_EVERY), r);
      return;
    }
    let text = item ?? "";
    let flags = 0;
    // The reader remembers non-empty previews only (an empty text means none).
    if (item) {
      if (this.previews.get(objId) === item) {
        text = "";
        flags = SAME_PREVIEW;
      } else this.previews.set(objId, item);
    }
    this.record(seq, opTag(op, outcome) | flags, text, line, objId, toWord(itemId), toWord(size), value);
  }

  /**
   * Output, with the line of the call that wrote it. A write extends this process's
   * open output record when it comes from the same line and nothing else has happened
   * anywhere since (no process took a seq after it), so merging never changes the
   * global order of what was written; a burst of prints costs one record per kernel
   * drain instead of one per line. The merged text keeps the time of its first write
   * (at most one drain interval, a few ms, earlier than the last).
   */
  out(stream: 1 | 2, text: string): void {
    this.control.haltIfEnded(this.pid);
    const tag = stream === 1 ? TAG_STDOUT : TAG_STDERR;
    const line = this.loc.line;
    const ring = this.ring;
    ring.lock();
    try {
      if (
        ring.openTag() === tag &&
        ring.openLine() === line &&
        this.control.peekSeq() === ring.openSeq() + 1 &&
        ring.tryAppendOpen(text)
      )
        return;
      ring.publishOpen();
      const max = ring.maxRecord;
      if (text.length > max) {
        for (let i = 0; i < text.length; i += max)
          ring.write(tag, this.control.nextSeq(), this.clockUs(), line, text.slice(i, i + max));
        return;
      }
      ring.write(tag, this.control.nextSeq(), this.clockUs(), line, text, true);
    } finally {
      ring.unlock();
    }
  }
}
