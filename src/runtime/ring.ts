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
 * A record is two code units of length (high, low) followed by its text.
 */

const WRITE = 0;
const READ = 1;
/** Lower bound of the seq the writer is about to publish, or -1; see kernel ordering. */
export const BUSY = 2;
const HEADER_INTS = 4;
const HEADER_BYTES = HEADER_INTS * 4;

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
    this.maxRecord = this.data.length - 2;
  }

  /** Appends one record, waiting while the ring is full. */
  write(text: string): void {
    const need = text.length + 2;
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
    d[w & m] = text.length >>> 16;
    d[(w + 1) & m] = text.length & 0xffff;
    let p = w + 2;
    for (let i = 0; i < text.length; i++, p++) d[p & m] = text.charCodeAt(i);
    Atomics.store(h, WRITE, (w + need) | 0);
  }
}

export class RingReader {
  private readonly header: Int32Array;
  private readonly data: Uint16Array;
  private readonly mask: number;
  private static readonly decoder = new TextDecoder("utf-16le");

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

  /** Reads every published record, frees their space and wakes a waiting writer. */
  drain(out: string[]): number {
    const h = this.header;
    const r = Atomics.load(h, READ);
    const w = Atomics.load(h, WRITE);
    const n = (w - r) | 0;
    if (n === 0) return 0;
    const copy = new Uint16Array(n);
    const start = r & this.mask;
    const first = Math.min(n, this.data.length - start);
    copy.set(this.data.subarray(start, start + first));
    if (first < n) copy.set(this.data.subarray(0, n - first), first);
    Atomics.store(h, READ, w);
    Atomics.notify(h, READ);
    let p = 0;
    let count = 0;
    while (p < n) {
      const len = ((copy[p] ?? 0) << 16) | (copy[p + 1] ?? 0);
      out.push(RingReader.decoder.decode(copy.subarray(p + 2, p + 2 + len)));
      p += 2 + len;
      count++;
    }
    return count;
  }
}
