/**
 * A single-producer, single-consumer ring of UTF-16 records in a SharedArrayBuffer.
 *
 * Each process writes its events into its own ring; the kernel drains every ring in
 * batches. The writer never waits for the reader unless the ring is full (then it
 * waits, as a process writing to a full pipe does).
 *
 * Layout: Int32 header, then `capacity` UTF-16 code units. Counters only grow
 * (mod 2^32); positions are counters & mask. A record is a binary head of
 * RECORD_HEAD code units (text length, tag, seq, time in microseconds, source line,
 * three 32-bit words a, b, c and a 64-bit float v, whose meaning the tag gives), then
 * its text. Numbers stay binary: turning a float into a string costs more than copying
 * a short line, and an operation (a few numbers and a short preview) then costs no
 * string building at either end.
 *
 * Order needs nothing from the ring: every seq a process takes is in exactly one
 * record, so the kernel releases seqs in order and waits at a gap (kernel/collector.ts).
 * A run of operations (events/opRun.ts) is also left open, and grows by a live count
 * (COUNT) that the writer adds to without the lock.
 * A record is published by one store of WRITE after its words are written.
 *
 * Output may be left *open*: written at the tail but not yet published, so that the
 * next write of the same process can extend it instead of costing a record of its
 * own (see Emitter.out for when that keeps the global order exact). Whoever holds
 * the ring's LOCK may publish the open record: the writer when it moves on, the
 * reader (kernel) when it drains, so output never waits for the writer's next call.
 */

const WRITE = 0;
const READ = 1;
/**
 * The open record's live count (a run's operations, events/opRun.ts), or -1: none.
 * The writer adds to it with a compare-and-swap and no lock; whoever publishes the
 * record takes it with one exchange, so an operation is either in the count the
 * record keeps or its CAS fails and the writer records it anew: never lost, never twice.
 */
const COUNT = 2;
/** 0 free, 1 held: guards the open record between its writer and the kernel. */
const LOCK = 3;
/** Start of the open record, or -1 when none. */
const OPEN = 4;
/** Position just after the open record's last code unit. */
const OPEN_END = 5;
/** Set by the reader when it could not take the open record: the writer publishes it at its next write. */
const TAKE = 6;
/** The open record's last time, in µs after its own (a run's last operation's): copied into its v when published. */
const COUNT_US = 7;
const HEADER_INTS = 8;
const HEADER_BYTES = HEADER_INTS * 4;
/** len(2) tag(1) seq(2) microseconds(3) line(2) a(2) b(2) c(2) v(4) */
export const RECORD_HEAD = 20;

/** Receives each record as the reader walks the ring (no object per record). */
export type RecordVisitor = (
  tag: number,
  seq: number,
  us: number,
  line: number,
  text: string,
  a: number,
  b: number,
  c: number,
  v: number,
) => void;

/** Splits a float64 into the four code units of a record's v, and back. */
const f64 = new Float64Array(1);
const f64Units = new Uint16Array(f64.buffer);

export function createRing(capacityUnits = 1 << 20): SharedArrayBuffer {
  if ((capacityUnits & (capacityUnits - 1)) !== 0) throw new Error("ring capacity must be a power of two");
  const sab = new SharedArrayBuffer(HEADER_BYTES + capacityUnits * 2);
  const h = new Int32Array(sab, 0, HEADER_INTS);
  h[OPEN] = -1;
  h[COUNT] = -1;
  return sab;
}

/** Shared by writer and reader: both may publish the open record while holding LOCK. */
class RingView {
  readonly header: Int32Array;
  protected readonly data: Uint16Array;
  protected readonly mask: number;

  constructor(sab: SharedArrayBuffer) {
    this.header = new Int32Array(sab, 0, HEADER_INTS);
    this.data = new Uint16Array(sab, HEADER_BYTES);
    this.mask = this.data.length - 1;
  }

  tryLock(): boolean {
    return Atomics.compareExchange(this.header, LOCK, 0, 1) === 0;
  }

  unlock(): void {
    Atomics.store(this.header, LOCK, 0);
  }

  /** Seals the open record (writes its final length) and makes it readable. Hold LOCK. */
  publishOpen(): void {
    const h = this.header;
    const start = Atomics.load(h, OPEN);
    if (start === -1) return;
    const end = Atomics.load(h, OPEN_END);
    const len = (end - start - RECORD_HEAD) | 0;
    const d = this.data;
    const m = this.mask;
    d[start & m] = len >>> 16;
    d[(start + 1) & m] = len & 0xffff;
    const count = Atomics.exchange(h, COUNT, -1);
    if (count >= 0) {
      d[(start + 10) & m] = count >>> 16;
      d[(start + 11) & m] = count & 0xffff;
      const us =
        (d[(start + 5) & m] ?? 0) * 0x100000000 + (((d[(start + 6) & m] ?? 0) << 16) >>> 0) + (d[(start + 7) & m] ?? 0);
      f64[0] = us + (h[COUNT_US] ?? 0);
      d[(start + 16) & m] = f64Units[0] ?? 0;
      d[(start + 17) & m] = f64Units[1] ?? 0;
      d[(start + 18) & m] = f64Units[2] ?? 0;
      d[(start + 19) & m] = f64Units[3] ?? 0;
    }
    Atomics.store(h, OPEN, -1);
    Atomics.store(h, WRITE, end);
  }
}

export class RingWriter extends RingView {
  /** Largest text one record can hold; longer texts must be split by the caller. */
  readonly maxRecord: number;
  /** Units known free at the tail (READ only grows, so this is a safe underestimate). */
  private free: number;

  constructor(sab: SharedArrayBuffer) {
    super(sab);
    this.maxRecord = this.data.length - RECORD_HEAD;
    this.free = this.data.length - ((Atomics.load(this.header, WRITE) - Atomics.load(this.header, READ)) | 0);
  }

  /** Spins for the lock: the kernel holds it only for the instant of publishing. */
  lock(): void {
    while (!this.tryLock());
  }

  /** Whether a record is open (only the writer opens one, so this is exact for it). */
  hasOpen(): boolean {
    return Atomics.load(this.header, OPEN) !== -1;
  }

  /** The open record's tag and seq, if one is open. */
  openTag(): number {
    const start = Atomics.load(this.header, OPEN);
    return start === -1 ? -1 : (this.data[(start + 2) & this.mask] ?? -1);
  }

  openLine(): number {
    const start = Atomics.load(this.header, OPEN);
    if (start === -1) return -1;
    const d = this.data;
    return (((d[(start + 8) & this.mask] ?? 0) << 16) | (d[(start + 9) & this.mask] ?? 0)) >>> 0;
  }

  openSeq(): number {
    const start = Atomics.load(this.header, OPEN);
    if (start === -1) return -1;
    const d = this.data;
    return (((d[(start + 3) & this.mask] ?? 0) << 16) | (d[(start + 4) & this.mask] ?? 0)) >>> 0;
  }

  /** Appends to the open record if the ring has room for `text` now; false otherwise. Hold LOCK. */
  tryAppendOpen(text: string): boolean {
    const end = this.appendRoom(text.length);
    if (end === -1) return false;
    this.copy(end, text);
    Atomics.store(this.header, OPEN_END, (end + text.length) | 0);
    return true;
  }

  /** tryAppendOpen for `len` code units of `units`. Hold LOCK. */
  tryAppendOpenUnits(units: Uint16Array, len: number): boolean {
    const end = this.appendRoom(len);
    if (end === -1) return false;
    this.copyUnits(end, units, len);
    Atomics.store(this.header, OPEN_END, (end + len) | 0);
    return true;
  }

  /**
   * Whether the reader asked for the open record while we held the lock (see
   * RingReader.takeOpen): then it must be published now, not extended. Hold LOCK.
   */
  takeRequested(): boolean {
    const h = this.header;
    if (Atomics.load(h, TAKE) === 0) return false;
    Atomics.store(h, TAKE, 0);
    return true;
  }

  /**
   * Gives the open record a live count (see COUNT): `count` now, its last time `dUs`
   * after its own, and word b set to `b`. Hold LOCK.
   */
  setOpenCount(count: number, b: number, dUs: number): void {
    const start = Atomics.load(this.header, OPEN);
    if (start === -1) return;
    this.data[(start + 12) & this.mask] = b >>> 16;
    this.data[(start + 13) & this.mask] = b & 0xffff;
    this.header[COUNT_US] = dUs;
    Atomics.store(this.header, COUNT, count);
  }

  /**
   * Adds one to the open record's live count, which is `count` (no LOCK needed), its
   * last time now `dUs` after its own. False when it was published meanwhile: the
   * operation is not in it.
   */
  addToOpenCount(count: number, dUs: number): boolean {
    const h = this.header;
    h[COUNT_US] = dUs;
    return Atomics.compareExchange(h, COUNT, count, count + 1) === count;
  }

  /** Where `len` more units of the open record go, or -1 (no room now, or the reader asked for the record). */
  private appendRoom(len: number): number {
    const h = this.header;
    if (this.takeRequested()) return -1;
    const end = Atomics.load(h, OPEN_END);
    const free = this.data.length - ((end - Atomics.load(h, READ)) | 0);
    if (free < len || end - Atomics.load(h, OPEN) + len > this.maxRecord + RECORD_HEAD) return -1;
    this.free = free - len;
    return end;
  }

  /**
   * Writes a record at the tail; `open` leaves it unpublished (hold LOCK, no record
   * open). `a`, `b`, `c` are unsigned 32-bit words and `v` a float the tag gives a
   * meaning to. Without `open` and with no record open, no lock is needed: the reader
   * only ever moves WRITE to publish an open record.
   */
  write(
    tag: number,
    seq: number,
    us: number,
    line: number,
    text: string | { units: Uint16Array; length: number },
    open = false,
    a = 0,
    b = 0,
    c = 0,
    v = 0,
  ): void {
    const need = text.length + RECORD_HEAD;
    if (need > this.data.length) throw new RangeError("record larger than ring");
    const h = this.header;
    const w = Atomics.load(h, WRITE);
    while (this.free < need) {
      const r = Atomics.load(h, READ);
      this.free = this.data.length - ((w - r) | 0);
      if (this.free < need) Atomics.wait(h, READ, r, 100);
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
    d[(w + 10) & m] = a >>> 16;
    d[(w + 11) & m] = a & 0xffff;
    d[(w + 12) & m] = b >>> 16;
    d[(w + 13) & m] = b & 0xffff;
    d[(w + 14) & m] = c >>> 16;
    d[(w + 15) & m] = c & 0xffff;
    f64[0] = v;
    d[(w + 16) & m] = f64Units[0] ?? 0;
    d[(w + 17) & m] = f64Units[1] ?? 0;
    d[(w + 18) & m] = f64Units[2] ?? 0;
    d[(w + 19) & m] = f64Units[3] ?? 0;
    if (typeof text === "string") this.copy(w + RECORD_HEAD, text);
    else this.copyUnits(w + RECORD_HEAD, text.units, text.length);
    this.free -= need;
    if (open) {
      Atomics.store(h, OPEN_END, (w + need) | 0);
      Atomics.store(h, OPEN, w);
    } else {
      Atomics.store(h, WRITE, (w + need) | 0);
    }
  }

  private copy(at: number, text: string): void {
    const d = this.data;
    const m = this.mask;
    for (let i = 0, p = at; i < text.length; i++, p++) d[p & m] = text.charCodeAt(i);
  }

  private copyUnits(at: number, units: Uint16Array, len: number): void {
    const d = this.data;
    const m = this.mask;
    for (let i = 0, p = at; i < len; i++, p++) d[p & m] = units[i] ?? 0;
  }
}

export class RingReader extends RingView {
  /**
   * Publishes the writer's open record, if any. A writer in a tight loop of prints
   * holds the lock most of the time, so after a few tries the reader leaves a
   * request instead, which the writer honours at its next write: without it a
   * busy writer's output (and, through the ordering, everyone's) would wait for the
   * writer to stop. `force` ignores the lock: only for a dead writer.
   */
  takeOpen(force = false): void {
    if (Atomics.load(this.header, OPEN) === -1) return;
    if (force) {
      this.publishOpen();
      return;
    }
    for (let i = 0; i < TAKE_TRIES; i++) {
      if (this.tryLock()) {
        this.publishOpen();
        this.unlock();
        return;
      }
    }
    Atomics.store(this.header, TAKE, 1);
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
      f64Units[0] = d[(p + 16) & m] ?? 0;
      f64Units[1] = d[(p + 17) & m] ?? 0;
      f64Units[2] = d[(p + 18) & m] ?? 0;
      f64Units[3] = d[(p + 19) & m] ?? 0;
      visit(
        d[(p + 2) & m] ?? 0,
        (((d[(p + 3) & m] ?? 0) << 16) | (d[(p + 4) & m] ?? 0)) >>> 0,
        us,
        (((d[(p + 8) & m] ?? 0) << 16) | (d[(p + 9) & m] ?? 0)) >>> 0,
        len === 0 ? "" : this.text((p + RECORD_HEAD) & m, len),
        (((d[(p + 10) & m] ?? 0) << 16) | (d[(p + 11) & m] ?? 0)) >>> 0,
        (((d[(p + 12) & m] ?? 0) << 16) | (d[(p + 13) & m] ?? 0)) >>> 0,
        (((d[(p + 14) & m] ?? 0) << 16) | (d[(p + 15) & m] ?? 0)) >>> 0,
        f64[0] ?? 0,
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
    // A short text (a queue item's preview) is cheaper built unit by unit than through a subarray.
    if (len <= SHORT_TEXT) {
      const m = this.mask;
      let s = "";
      for (let i = 0; i < len; i++) s += String.fromCharCode(d[(start + i) & m] ?? 0);
      return s;
    }
    const first = Math.min(len, d.length - start);
    const a = chars(d, start, first);
    return first === len ? a : a + chars(d, 0, len - first);
  }
}

/** UTF-16 units to a string without copying the shared buffer (apply in safe-sized chunks). */
function chars(d: Uint16Array, start: number, len: number): string {
  if (len <= CHUNK) return String.fromCharCode.apply(null, d.subarray(start, start + len) as unknown as number[]);
  let s = "";
  for (let i = 0; i < len; i += CHUNK)
    s += String.fromCharCode.apply(
      null,
      d.subarray(start + i, start + Math.min(len, i + CHUNK)) as unknown as number[],
    );
  return s;
}

const CHUNK = 8192;
const SHORT_TEXT = 12;
const TAKE_TRIES = 64;
