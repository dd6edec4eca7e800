/**
 * Drains every process's ring and releases events in global seq order.
 *
 * A process takes its seq and then writes its record, so at any instant a smaller
 * seq may still be on its way while a larger one is already readable. Each ring's
 * BUSY word holds a lower bound of the seq in flight; the collector releases only
 * events below the smallest such bound (and below the counter it read first), so
 * `print` in a child followed by `join` and `print` in the parent always comes out
 * in that order.
 */
import type { Control } from "../control";
import type { Pid, RunEvent, UnsequencedEvent } from "../events";
import { decodeRecord, PreviewMemory } from "../events/codec";
import { RingReader } from "../ring";

interface Source {
  pid: Pid;
  reader: RingReader;
  /** A terminated writer can never finish its record: its BUSY word is ignored. */
  dead: boolean;
  /** The process is gone: drop the ring once it has been drained one last time. */
  retired: boolean;
  previews: PreviewMemory;
}

export class Collector {
  private readonly sources = new Map<Pid, Source>();
  private pending: RunEvent[] = [];

  constructor(private readonly control: Control) {}

  add(pid: Pid, ring: SharedArrayBuffer): void {
    this.sources.set(pid, { pid, reader: new RingReader(ring), dead: false, retired: false, previews: new PreviewMemory() });
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
   * Reads what is there and returns the events that are certainly in order.
   * `all` releases everything (when every writer is gone).
   */
  collect(all = false): RunEvent[] {
    for (const s of this.sources.values()) s.reader.takeOpen(s.dead || all);
    let watermark = this.control.peekSeq();
    for (const s of this.sources.values()) {
      if (s.dead) continue;
      const b = s.reader.busy();
      if (b >= 0 && b < watermark) watermark = b;
    }
    const pending = this.pending;
    for (const s of this.sources.values()) {
      const retired = s.retired;
      const pid = s.pid;
      const previews = s.previews;
      s.reader.drain((tag, seq, us, line, text, a, b, c) => pending.push(decodeRecord(pid, tag, seq, us, line, previews.resolve(tag, a, text), a, b, c)));
      if (retired) this.sources.delete(pid);
    }
    if (this.pending.length === 0) return [];
    this.pending.sort((a, b) => a.seq - b.seq);
    if (all) {
      const ready = this.pending;
      this.pending = [];
      return ready;
    }
    let n = 0;
    while (n < this.pending.length && (this.pending[n]?.seq ?? Infinity) < watermark) n++;
    const ready = this.pending.slice(0, n);
    this.pending = this.pending.slice(n);
    return ready;
  }
}
