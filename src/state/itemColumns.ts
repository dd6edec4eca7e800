/**
 * The items of one queue or pipe, packed in typed arrays (a few numbers per item)
 * instead of one object per item.
 *
 * Why: a run of 1,000,000 queue operations kept 1,000,000 item objects alive on the UI
 * thread. Every one of them survived the young generation, so V8 copied each one twice
 * and then marked it again at every full collection: measured in Chromium, garbage
 * collection then took about a core of the two this machine has, and slowed the
 * processes being watched. Typed arrays live outside the JS heap and hold no
 * pointers, so the collector neither copies nor walks them.
 *
 * Previews are not stored one string per item either: the kernel sends each batch's
 * previews as one string, which is kept whole, and an item records where its text
 * lies in it. `at(i)` builds an `ObjItem` on demand for the few items a panel shows.
 */
import type { Pid } from "../runtime/events/types";
import { ensureLength, grownCopy } from "../runtime/lib/growable";

/** One item that went into a queue or down a pipe (built on demand by `ItemColumns.at`). */
export interface ObjItem {
  itemId: number;
  /** The item as Python would print it (repr). */
  preview: string;
  putAt: number;
  putBy: Pid;
  putSeq: number;
  putLine?: number;
  gotAt?: number;
  gotBy?: Pid;
  gotSeq?: number;
  gotLine?: number;
  /** Pipes only: 0 when sent from the first end (conn1 → conn2), 1 the other way. */
  dir?: 0 | 1;
  /** A slot in the object's place: the lowest one free when the item went in (at most MAX_ROWS). */
  row: number;
}

/** Where a preview's text is: a chunk (a batch's previews string), an offset and a length (-1: none). */
export interface PreviewRef {
  chunk: number;
  at: number;
  len: number;
}

const NO_PREVIEW = "…";

/** What the columns keep of a put or a get (the fold's row, read in place). line 0: none. */
export interface OpFacts {
  seq: number;
  t: number;
  pid: Pid;
  line: number;
  itemId: number;
}

/** A run's preview strings: one per batch of the kernel (or one per item applied as an event). */
export class PreviewChunks {
  private readonly chunks: string[] = [];

  add(text: string): number {
    this.chunks.push(text);
    return this.chunks.length - 1;
  }

  text(chunk: number, at: number, len: number): string {
    if (len < 0) return NO_PREVIEW;
    const s = this.chunks[chunk] ?? "";
    return at === 0 && len === s.length ? s : s.slice(at, at + len);
  }
}

const INITIAL = 64;

/** Per item, doubles: */
const ITEM_ID = 0,
  PUT_AT = 1,
  PUT_SEQ = 2,
  GOT_AT = 3,
  GOT_SEQ = 4,
  F_STRIDE = 5;
/** Per item, ints (line 0: none; dir -1 for queues): */
const PUT_BY = 0,
  GOT_BY = 1,
  PUT_LINE = 2,
  GOT_LINE = 3,
  ROW = 4,
  DIR = 5,
  P_CHUNK = 6,
  P_AT = 7,
  P_LEN = 8,
  I_STRIDE = 9;

/**
 * Item i's doubles are f[i * F_STRIDE ...], its ints n[i * I_STRIDE ...]: two arrays, so
 * adding an item touches two places and growing allocates two buffers.
 */
export class ItemColumns {
  length = 0;
  private cap = INITIAL;
  private f = new Float64Array(INITIAL * F_STRIDE);
  private n = new Int32Array(INITIAL * I_STRIDE);

  constructor(private readonly previews: PreviewChunks) {}

  /** Appends the item `put` put in; returns its index. */
  push(put: OpFacts, dir: -1 | 0 | 1, row: number, preview: PreviewRef): number {
    if (this.length === this.cap) this.grow();
    const i = this.length++;
    const f = this.f;
    const a = i * F_STRIDE;
    f[a + ITEM_ID] = put.itemId;
    f[a + PUT_AT] = put.t;
    f[a + PUT_SEQ] = put.seq;
    f[a + GOT_AT] = Number.NaN;
    f[a + GOT_SEQ] = 0;
    const n = this.n;
    const b = i * I_STRIDE;
    n[b + PUT_BY] = put.pid;
    n[b + GOT_BY] = 0;
    n[b + PUT_LINE] = put.line;
    n[b + GOT_LINE] = 0;
    n[b + ROW] = row;
    n[b + DIR] = dir;
    n[b + P_CHUNK] = preview.chunk;
    n[b + P_AT] = preview.at;
    n[b + P_LEN] = preview.len;
    return i;
  }

  /** Records the get (or recv) of item i; false if it had already been got. */
  markGot(i: number, got: OpFacts): boolean {
    const a = i * F_STRIDE;
    if (i < 0 || i >= this.length || !Number.isNaN(this.f[a + GOT_AT] ?? 0)) return false;
    // A time may be a few operations stale (events/emitter.ts): an item never leaves before it came.
    this.f[a + GOT_AT] = Math.max(got.t, this.f[a + PUT_AT] ?? got.t);
    this.f[a + GOT_SEQ] = got.seq;
    const b = i * I_STRIDE;
    this.n[b + GOT_BY] = got.pid;
    this.n[b + GOT_LINE] = got.line;
    return true;
  }

  putAt(i: number): number {
    return this.f[i * F_STRIDE + PUT_AT] ?? Number.NaN;
  }

  /** When item i was got, or undefined while it is still inside. */
  gotAt(i: number): number | undefined {
    const t = i < this.length ? (this.f[i * F_STRIDE + GOT_AT] ?? Number.NaN) : Number.NaN;
    return Number.isNaN(t) ? undefined : t;
  }

  /** The row (slot in the object's place) item i took. */
  row(i: number): number {
    return this.n[i * I_STRIDE + ROW] ?? 0;
  }

  /** Pipes: 0 when sent from the first end, 1 the other way; -1 for queues. */
  dir(i: number): number {
    return this.n[i * I_STRIDE + DIR] ?? -1;
  }

  /** Item i as an object (a fresh one at each call: build only those you show). */
  at(i: number): ObjItem | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const f = this.f;
    const n = this.n;
    const a = i * F_STRIDE;
    const b = i * I_STRIDE;
    const gotAt = this.gotAt(i);
    const dir = n[b + DIR];
    const putLine = n[b + PUT_LINE] ?? 0;
    const gotLine = n[b + GOT_LINE] ?? 0;
    return {
      itemId: f[a + ITEM_ID] ?? 0,
      preview: this.previews.text(n[b + P_CHUNK] ?? 0, n[b + P_AT] ?? 0, n[b + P_LEN] ?? -1),
      putAt: f[a + PUT_AT] ?? 0,
      putBy: n[b + PUT_BY] ?? 0,
      putSeq: f[a + PUT_SEQ] ?? 0,
      putLine: putLine === 0 ? undefined : putLine,
      gotAt,
      gotBy: gotAt === undefined ? undefined : n[b + GOT_BY],
      gotSeq: gotAt === undefined ? undefined : f[a + GOT_SEQ],
      gotLine: gotAt === undefined || gotLine === 0 ? undefined : gotLine,
      dir: dir === 0 || dir === 1 ? dir : undefined,
      row: n[b + ROW] ?? 0,
    };
  }

  private grow(): void {
    this.cap *= 2;
    this.f = grownCopy(this.f, this.cap * F_STRIDE);
    this.n = grownCopy(this.n, this.cap * I_STRIDE);
  }
}

/**
 * A growable series of numbers in a Float64Array, for the per-object time series
 * (put times, get times, the length steps): a plain array of 1,000,000 numbers is
 * copied into a new one whenever it grows by half, on the JS heap.
 */
export class F64Column {
  length = 0;
  /** The numbers, then spare room: read indexes below `length` only. */
  data = new Float64Array(INITIAL);

  push(x: number): void {
    this.data = ensureLength(this.data, this.length + 1);
    this.data[this.length++] = x;
  }

  get(i: number): number | undefined {
    return i >= 0 && i < this.length ? this.data[i] : undefined;
  }

  last(): number | undefined {
    return this.get(this.length - 1);
  }

  set(i: number, x: number): void {
    if (i >= 0 && i < this.length) this.data[i] = x;
  }

  /** Index of the first element > x (the series must be non-decreasing). */
  upperBound(x: number): number {
    const a = this.data;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((a[mid] ?? Infinity) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A copy of the numbers, for tests and inspection. */
  toArray(): number[] {
    return Array.from(this.data.subarray(0, this.length));
  }
}

/** Ids below this are looked up in an array (64 MB at most); the rare ones above, in a Map. */
const DENSE_IDS = 1 << 24;

/** itemId → index of the item, in an Int32Array that doubles as ids grow (-1: not put yet). */
export class ItemIndex {
  private slots = new Int32Array(INITIAL).fill(-1);
  private sparse: Map<number, number> | null = null;

  set(itemId: number, i: number): void {
    if (itemId >= DENSE_IDS) {
      (this.sparse ??= new Map()).set(itemId, i);
      return;
    }
    this.slots = ensureLength(this.slots, itemId + 1, -1);
    this.slots[itemId] = i;
  }

  get(itemId: number): number {
    if (itemId >= DENSE_IDS) return this.sparse?.get(itemId) ?? -1;
    return itemId >= 0 && itemId < this.slots.length ? (this.slots[itemId] ?? -1) : -1;
  }
}
