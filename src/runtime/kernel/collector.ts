/**
 * Drains every process's ring and releases events in global seq order.
 *
 * A process takes its seq and then writes its record, so at any instant a smaller
 * seq may still be on its way while a larger one is already readable. Each ring's
 * BUSY word holds a lower bound of the seq in flight; the collector releases only
 * events below the smallest such bound (and below the counter it read first), so
 * `print` in a child followed by `join` and `print` in the parent always comes out
 * in that order.
 *
 * Queue and pipe operations (up to 100,000s a second) never become event objects here:
 * each process's op records wait as numbers (opRows.ts) and are merged by seq straight
 * into the batch's packed form (events/opPack.ts).
 */
import type { Control } from "../control";
import type { Pid, RunEvent, UnsequencedEvent } from "../events";
import { decodeRecord, isOpTag, opIndexOf, outcomeIndexOf, PreviewMemory } from "../events/codec";
import { OpPacker, type OpBatch } from "../events/opPack";
import { RingReader } from "../ring";
import { OpRows } from "./opRows";

interface Source {
  pid: Pid;
  reader: RingReader;
  /** A terminated writer can never finish its record: its BUSY word is ignored. */
  dead: boolean;
  /** The process is gone: drop the ring once it has been drained one last time. */
  retired: boolean;
  previews: PreviewMemory;
  /** Its op records drained but not yet released. */
  ops: OpRows;
}

export class Collector {
  private readonly sources = new Map<Pid, Source>();
  private pending: RunEvent[] = [];

  constructor(private readonly control: Control) {}

  add(pid: Pid, ring: SharedArrayBuffer): void {
    this.sources.set(pid, {
      pid,
      reader: new RingReader(ring),
      dead: false,
      retired: false,
      previews: new PreviewMemory(),
      ops: new OpRows(),
    });
  }

  markDead(pid: Pid): void {
    const s = this.sources.get(pid);
    if (s) s.dead = true;
  }

  /** The process has ended (it wrote its last event, or was killed): free its ring after the next drain. */
  retire(pid: Pid): void {
    const s = this.sources.get(pid);
    if (s) s.retired = true;
  }

  get ringCount(): number {
    return this.sources.size;
  }

  /** Events made up by the kernel itself (a killed process's exit): seq'd now, complete now. */
  inject(body: UnsequencedEvent): void {
    this.pending.push({ ...body, seq: this.control.nextSeq() } as RunEvent);
  }

  /**
   * Reads what is there and returns what is certainly in order: the events, and the
   * queue and pipe operations packed. `all` releases everything (when every writer
   * is gone).
   */
  collect(all = false): OpBatch {
    for (const s of this.sources.values()) s.reader.takeOpen(s.dead || all);
    let watermark = this.control.peekSeq();
    for (const s of this.sources.values()) {
      if (s.dead) continue;
      const b = s.reader.busy();
      if (b >= 0 && b < watermark) watermark = b;
    }
    const pending = this.pending;
    const withOps: Source[] = [];
    for (const s of this.sources.values()) {
      const { pid, previews, ops } = s;
      s.reader.drain((tag, seq, us, line, text, a, b, c) => {
        const preview = previews.resolve(tag, a, text);
        if (isOpTag(tag))
          ops.push(
            seq,
            us / 1000,
            a,
            opIndexOf(tag),
            outcomeIndexOf(tag),
            b - 1,
            c - 1,
            line,
            preview === "" ? undefined : preview,
          );
        else pending.push(decodeRecord(pid, tag, seq, us, line, preview));
      });
      if (ops.size > 0) withOps.push(s);
    }
    const limit = all ? Infinity : watermark;
    for (const s of this.sources.values()) if (s.retired && s.ops.size === 0) this.sources.delete(s.pid);
    return { events: this.releaseEvents(limit), ops: this.releaseOps(withOps, limit) };
  }

  private releaseEvents(limit: number): RunEvent[] {
    if (this.pending.length === 0) return [];
    this.pending.sort((a, b) => a.seq - b.seq);
    let n = 0;
    while (n < this.pending.length && (this.pending[n]?.seq ?? Infinity) < limit) n++;
    if (n === this.pending.length) {
      const ready = this.pending;
      this.pending = [];
      return ready;
    }
    const ready = this.pending.slice(0, n);
    this.pending = this.pending.slice(n);
    return ready;
  }

  /** Merges the sources' waiting op rows below `limit` by seq (each source's are in order already). */
  private releaseOps(sources: Source[], limit: number): OpBatch["ops"] {
    if (sources.length === 0) return null;
    let rows = 0;
    for (const s of sources) rows += s.ops.size;
    const packer = new OpPacker(rows);
    for (;;) {
      let next: Source | null = null;
      let best = limit;
      for (const s of sources) {
        const seq = s.ops.headSeq();
        if (seq < best) {
          best = seq;
          next = s;
        }
      }
      if (!next) break;
      next.ops.moveHead(next.pid, packer);
    }
    return packer.take();
  }
}
