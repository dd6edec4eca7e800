/**
 * A single-producer, single-consumer ring of UTF-16 records in a SharedArrayBuffer.
 *
 * Each process writes its events into its own ring; the kernel drains every ring in
 * batches. The writer never waits for the reader unless the ring is full (then it
 * waits, as a process writing to a full pipe does), so recording an event costs a
 * few hundred nanoseconds on the process's own thread.
 *
 * Layout: Int32 header (write count, read count, busy seq), then `capacity` UTF-16
 * code units. Counters only grow (mod 2^32); positions are counters & mask.
 * A record is a binary head of RECORD_HEAD code units (text length, tag, seq, time
 * in microseconds, source line), then its text. Numbers stay binary: turning a
 * float into a string costs more than copying a short line.
 */

const WRITE = 0;
const READ = 1;
/** Lower bound of the seq the writer is about to publish, or -1; see kernel ordering. */
export const BUSY = 2;
const HEADER_INTS = 4;
const HEADER_BYTES = HEADER_INTS * 4;
/** len(2) tag(1) seq(2) microseconds(3) line(2) */
const RECORD_HEAD = 10;

/** Receives each record as the reader walks the ring (no object per record). */
export type RecordVisitor = (tag: number, seq: number, us: number, line: number, text: string) => void;

export function createRing(capacityUnits = 1 << 20): SharedArrayBuffer {
  if ((capacityUnits & (capacityUnits - 1)) !== 0) throw new Error("ring capacity must be a power of two");
  const sab = new SharedArrayBuffer(HEADER_BYTES + capacityUnits * 2);
  new Int32Array(sab, 0, HEADER_INTS)[BUSY] = -1;
  return sab;
}

export class RingWriter {
  readonly header: Int32Array;
  private readonly data: Uint16Array;
  private readonly mask: number;
  /** Largest text one record can hold; longer texts must be split by the caller. */
  readonly maxRecord: number;

  constructor(sab: SharedArrayBuffer) {
    this.header = new Int32Array(sab, 0, HEADER_INTS);
    this.data = new Uint16Array(sab, HEADER_BYTES);
    this.mask = this.data.length - 1;
    this.maxRecord = this.data.length - RECORD_HEAD;
  }

  /** Appends one record, waiting while the ring is full. */
  write(tag: number, seq: number, us: number, line: number, text: string): void {
    const need = text.length + RECORD_HEAD;
    if (need > this.data.length) throw new RangeError("record larger than ring");
    const h = this.header;
    const w = Atomics.load(h, WRITE);
    for (;;) {
      const r = Atomics.load(h, READ);
      if (this.data.length - ((w - r) | 0) >= need) break;
      Atomics.wait(h, READ, r, 100);
    }
    const d = this.data;
    const m = this.mask;
    const hi = Math.floor(us / 0x100000000);
    d[w & m] = text.length >>> 16;
    d[(w + 1) & m] = text.length & 0xffff;
    d[(w + 2) & m] = tag;
    d[(w + 3) & m] = seq >>> 16;
    d[(w + 4) & m] = seq & 0xffff;
    d[(w + 5) & m] = hi & 0xffff;
    d[(w + 6) & m] = (us >>> 16) & 0xffff;
    d[(w + 7) & m] = us & 0xffff;
    d[(w + 8) & m] = line >>> 16;
    d[(w + 9) & m] = line & 0xffff;
    let p = w + RECORD_HEAD;
    for (let i = 0; i < text.length; i++, p++) d[p & m] = text.charCodeAt(i);
    Atomics.store(h, WRITE, (w + need) | 0);
  }
}

export class RingReader {
  private readonly header: Int32Array;
  private readonly data: Uint16Array;
  private readonly mask: number;

  constructor(sab: SharedArrayBuffer) {
    this.header = new Int32Array(sab, 0, HEADER_INTS);
    this.data = new Uint16Array(sab, HEADER_BYTES);
    this.mask = this.data.length - 1;
  }

  busy(): number {
    return Atomics.load(this.header, BUSY);
  }

  clearBusy(): void {
    Atomics.store(this.header, BUSY, -1);
  }

  /**
   * Reads every published record, frees their space and wakes a waiting writer.
   * Reads straight from shared memory: copying a shared buffer out first is slow.
   */
  drain(visit: RecordVisitor): number {
    const h = this.header;
    const d = this.data;
    const m = this.mask;
    const r = Atomics.load(h, READ);
    const w = Atomics.load(h, WRITE);
    let p = r;
    let count = 0;
    while (((w - p) | 0) > 0) {
      const len = ((d[p & m] ?? 0) << 16) | (d[(p + 1) & m] ?? 0);
      const us = (d[(p + 5) & m] ?? 0) * 0x100000000 + (((d[(p + 6) & m] ?? 0) << 16) >>> 0) + (d[(p + 7) & m] ?? 0);
      visit(
        d[(p + 2) & m] ?? 0,
        (((d[(p + 3) & m] ?? 0) << 16) | (d[(p + 4) & m] ?? 0)) >>> 0,
        us,
        (((d[(p + 8) & m] ?? 0) << 16) | (d[(p + 9) & m] ?? 0)) >>> 0,
        this.text((p + RECORD_HEAD) & m, len),
      );
      p = (p + RECORD_HEAD + len) | 0;
      count++;
    }
    Atomics.store(h, READ, w);
    Atomics.notify(h, READ);
    return count;
  }

  private text(start: number, len: number): string {
    const d = this.data;
    const first = Math.min(len, d.length - start);
    const a = chars(d, start, first);
    return first === len ? a : a + chars(d, 0, len - first);
  }
}

/** UTF-16 units to a string without copying the shared buffer (apply in safe-sized chunks). */
function chars(d: Uint16Array, start: number, len: number): string {
  if (len <= CHUNK) return String.fromCharCode.apply(null, d.subarray(start, start + len) as unknown as number[]);
  let s = "";
  for (let i = 0; i < len; i += CHUNK) s += String.fromCharCode.apply(null, d.subarray(start + i, start + Math.min(len, i + CHUNK)) as unknown as number[]);
  return s;
}

const CHUNK = 8192;
