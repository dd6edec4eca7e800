/**
 * Drains every process's ring and releases events in global seq order.
 *
 * Every seq a process takes is in exactly one record (events/emitter.ts; a run record
 * holds a run of one process's consecutive seqs, events/opRun.ts), so seqs
 * are dense: the collector releases them in order, one after the other, and stops at
 * the first one not drained yet. That one is still being written (a process takes its
 * seq, then writes its record), so nothing after it is released before it: `print`
 * in a child followed by `join` and `print` in the parent always comes out in that
 * order. No process pays for ordering beyond taking its seq.
 *
 * A process killed between taking a seq and writing its record leaves a gap that will
 * never fill. Once a process has died, a gap that outlasts HOLE_COLLECTS drains is
 * passed over.
 *
 * Operations (up to 100,000s a second) never become event objects here: each
 * process's op records wait as numbers (opRows.ts) and are merged by seq straight into
 * the batch's packed form (events/opPack.ts).
 */
import type { Control } from "../control";
import type { Pid, RunEvent, UnsequencedEvent } from "../events/types";
import {
  decodeRecord,
  opCodeOf,
  outcomeCodeOf,
  PreviewMemory,
  TAG_OP,
  TAG_RUN,
  TAG_SKIP,
  tagKind,
} from "../events/codec";
import { decodeSlots, type RunOp } from "../events/opRun";
import { OpPacker, type OpBatch } from "../events/opPack";
import { fromWord } from "../events/opColumns";
import { RingReader } from "../events/ring";
import { OpRows } from "./opRows";

/** Drains (a few ms each) a gap may last, once a process has died, before it is passed over. */
const HOLE_COLLECTS = 50;

/** A seq taken for an operation that never happened (TAG_SKIP): released as nothing. */
interface Skip {
  kind: "skip";
  seq: number;
}

interface Source {
  pid: Pid;
  reader: RingReader | null;
  /** A terminated writer can never finish its open record: it is taken without the lock. */
  dead: boolean;
  /** The process is gone: drop the source once everything it wrote is released. */
  retired: boolean;
  previews: PreviewMemory;
  /** Drained but not yet released, each in seq order: operations, and every other event. */
  ops: OpRows;
  events: (RunEvent | Skip)[];
  eventsHead: number;
}

export class Collector {
  private readonly sources = new Map<Pid, Source>();
  /** Events made up by the kernel itself (a killed process's exit). */
  private readonly kernelSource = newSource(0, null);
  /** The next seq to release. */
  private next = 0;
  private someoneDied = false;
  private stalledAt = -1;
  private stalledFor = 0;
  /**
   * One packer for every batch: it starts each batch at the size of the last, where a
   * packer per collect grew from 64 rows each time (copying as it doubled), which took
   * ~0.5 µs of the kernel's ~2 µs per operation of a lock loop.
   */
  private readonly packer = new OpPacker(64);
  /** A run record's slots as they are decoded (pushRun copies them into rows). */
  private readonly slots: RunOp[] = [];

  constructor(private readonly control: Control) {}

  add(pid: Pid, ring: SharedArrayBuffer): void {
    this.sources.set(pid, newSource(pid, new RingReader(ring)));
  }

  markDead(pid: Pid): void {
    const s = this.sources.get(pid);
    if (s) s.dead = true;
    this.someoneDied = true;
  }

  /** The process has ended (it wrote its last event, or was killed): drop its source once drained and released. */
  retire(pid: Pid): void {
    const s = this.sources.get(pid);
    if (s) s.retired = true;
  }

  get ringCount(): number {
    return this.sources.size;
  }

  /** An event made up by the kernel itself: complete now, with a seq taken now or before (see `reserve`). */
  inject(body: UnsequencedEvent, seq = this.control.nextSeq()): void {
    this.kernelSource.events.push({ ...body, seq } as RunEvent);
  }

  /** A seq for an event the kernel may make up, taken before its effect is visible; `inject` or `skip` it. */
  reserve(): number {
    return this.control.nextSeq();
  }

  /** A reserved seq that carries no event after all. */
  skip(seq: number): void {
    this.kernelSource.events.push({ kind: "skip", seq });
  }

  /**
   * Reads what is there and returns what is certainly in order: the events, and the
   * operations packed. `all` releases everything (when every writer is gone), passing
   * over gaps.
   */
  collect(all = false): OpBatch {
    for (const s of this.sources.values()) if (s.reader) this.drain(s, all);
    const events: RunEvent[] = [];
    const packer = this.packer;
    const order = [this.kernelSource, ...this.sources.values()];
    let last: Source | null = null;
    for (;;) {
      // Runs of seqs from one process are common: try the last source first.
      let src: Source | null = last && headSeq(last) === this.next ? last : null;
      let lowest = Infinity;
      if (!src) {
        for (const s of order) {
          const h = headSeq(s);
          if (h === this.next) {
            src = s;
            break;
          }
          if (h < lowest) lowest = h;
        }
      }
      if (!src) {
        if (lowest === Infinity || !this.passGap(all, lowest)) break;
        continue;
      }
      if (src.ops.headSeq() === this.next) this.next += src.ops.moveHead(packer);
      else {
        const e = src.events[src.eventsHead];
        src.events[src.eventsHead++] = SKIPPED;
        if (e && e.kind !== "skip") events.push(e);
        if (src.eventsHead === src.events.length) {
          src.events.length = 0;
          src.eventsHead = 0;
        }
        this.next++;
      }
      last = src;
    }
    for (const s of this.sources.values()) if (s.retired && headSeq(s) === Infinity) this.sources.delete(s.pid);
    return { events, ops: packer.take() };
  }

  private drain(s: Source, all: boolean): void {
    const reader = s.reader as RingReader;
    reader.takeOpen(s.dead || all);
    const { pid, previews, ops, events } = s;
    reader.drain((tag, seq, us, line, text, a, b, c, v) => {
      const kind = tagKind(tag);
      if (kind === TAG_OP) {
        const preview = previews.resolve(tag, a, text);
        ops.push(
          seq,
          us / 1000,
          pid,
          a,
          opCodeOf(tag),
          outcomeCodeOf(tag),
          fromWord(b),
          fromWord(c),
          line,
          v,
          preview === "" ? undefined : preview,
        );
      } else if (kind === TAG_RUN) {
        ops.pushRun(seq, us / 1000, v / 1000, pid, b, a, decodeSlots(text, a, this.slots));
      } else
        pushInOrder(events, kind === TAG_SKIP ? { kind: "skip", seq } : decodeRecord(pid, tag, seq, us, line, text));
    });
  }

  /**
   * No source holds the next seq, but one holds `lowest`: whether to pass over the gap
   * (at the end of the run, or when a gap left by a dead process has lasted).
   */
  private passGap(all: boolean, lowest: number): boolean {
    if (all) {
      this.next = lowest;
      return true;
    }
    if (this.stalledAt !== this.next) {
      this.stalledAt = this.next;
      this.stalledFor = 0;
      return false;
    }
    if (!this.someoneDied || ++this.stalledFor < HOLE_COLLECTS) return false;
    this.next = lowest;
    return true;
  }
}

/** What a released slot of a source's events holds until the array is emptied. */
const SKIPPED: Skip = { kind: "skip", seq: -1 };

function newSource(pid: Pid, reader: RingReader | null): Source {
  return {
    pid,
    reader,
    dead: false,
    retired: false,
    previews: new PreviewMemory(),
    ops: new OpRows(),
    events: [],
    eventsHead: 0,
  };
}

/**
 * A process writes its records in seq order, but for one case: a publishing operation
 * that waited is recorded (with the seq it reserved before its effect) after the
 * unblock that followed the effect. Operations wait in their own queue; an event is
 * slotted in place here.
 */
function pushInOrder(events: (RunEvent | Skip)[], e: RunEvent | Skip): void {
  let i = events.length;
  while (i > 0 && (events[i - 1]?.seq ?? -1) > e.seq) i--;
  if (i === events.length) events.push(e);
  else events.splice(i, 0, e);
}

function headSeq(s: Source): number {
  const e = s.events[s.eventsHead];
  const op = s.ops.headSeq();
  return e !== undefined && e.seq < op ? e.seq : op;
}
