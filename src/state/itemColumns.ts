/**
 * The items of one queue or pipe, stored as columns of typed arrays instead of one
 * object per item.
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
import type { Pid } from "../runtime/events";

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

export class ItemColumns {
  length = 0;
  private cap = INITIAL;
  private itemIds = new Float64Array(INITIAL);
  private putAts = new Float64Array(INITIAL);
  private putSeqs = new Float64Array(INITIAL);
  /** NaN until the item has been got. */
  private gotAts = new Float64Array(INITIAL);
  private gotSeqs = new Float64Array(INITIAL);
  private putBys = new Int32Array(INITIAL);
  private gotBys = new Int32Array(INITIAL);
  /** 0: no line. */
  private putLines = new Int32Array(INITIAL);
  private gotLines = new Int32Array(INITIAL);
  private rows = new Int32Array(INITIAL);
  /** -1 for queues; 0 or 1 for pipes. */
  private dirs = new Int8Array(INITIAL);
  private previewChunk = new Int32Array(INITIAL);
  private previewAt = new Int32Array(INITIAL);
  private previewLen = new Int32Array(INITIAL);

  constructor(private readonly previews: PreviewChunks) {}

  /** Appends an item that has just gone in; returns its index. */
  push(itemId: number, putAt: number, putBy: Pid, putSeq: number, putLine: number, dir: -1 | 0 | 1, row: number, preview: PreviewRef): number {
    if (this.length === this.cap) this.grow();
    const i = this.length++;
    this.itemIds[i] = itemId;
    this.putAts[i] = putAt;
    this.putBys[i] = putBy;
    this.putSeqs[i] = putSeq;
    this.putLines[i] = putLine;
    this.gotAts[i] = Number.NaN;
    this.gotBys[i] = 0;
    this.gotSeqs[i] = 0;
    this.gotLines[i] = 0;
    this.dirs[i] = dir;
    this.rows[i] = row;
    this.previewChunk[i] = preview.chunk;
    this.previewAt[i] = preview.at;
    this.previewLen[i] = preview.len;
    return i;
  }

  /** Records the get (or recv) of item i; false if it had already been got. */
  markGot(i: number, t: number, pid: Pid, seq: number, line: number): boolean {
    if (i >= this.length || !Number.isNaN(this.gotAts[i] ?? 0)) return false;
    this.gotAts[i] = t;
    this.gotBys[i] = pid;
    this.gotSeqs[i] = seq;
    this.gotLines[i] = line;
    return true;
  }

  putAt(i: number): number {
    return this.putAts[i] ?? Number.NaN;
  }

  /** When item i was got, or undefined while it is still inside. */
  gotAt(i: number): number | undefined {
    const t = this.gotAts[i] ?? Number.NaN;
    return Number.isNaN(t) ? undefined : t;
  }

  /** Pipes: 0 when sent from the first end, 1 the other way; -1 for queues. */
  dir(i: number): number {
    return this.dirs[i] ?? -1;
  }

  isGot(i: number): boolean {
    return i < this.length && !Number.isNaN(this.gotAts[i] ?? Number.NaN);
  }

  /** Item i as an object (a fresh one at each call: build only those you show). */
  at(i: number): ObjItem | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const gotAt = this.gotAt(i);
    const dir = this.dirs[i];
    const putLine = this.putLines[i] ?? 0;
    const gotLine = this.gotLines[i] ?? 0;
    return {
      itemId: this.itemIds[i] ?? 0,
      preview: this.previews.text(this.previewChunk[i] ?? 0, this.previewAt[i] ?? 0, this.previewLen[i] ?? -1),
      putAt: this.putAts[i] ?? 0,
      putBy: this.putBys[i] ?? 0,
      putSeq: this.putSeqs[i] ?? 0,
      putLine: putLine === 0 ? undefined : putLine,
      gotAt,
      gotBy: gotAt === undefined ? undefined : this.gotBys[i],
      gotSeq: gotAt === undefined ? undefined : this.gotSeqs[i],
      gotLine: gotAt === undefined || gotLine === 0 ? undefined : gotLine,
      dir: dir === 0 || dir === 1 ? dir : undefined,
      row: this.rows[i] ?? 0,
    };
  }

  private grow(): void {
    const cap = this.cap * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.itemIds = f64(this.itemIds);
    this.putAts = f64(this.putAts);
    this.putSeqs = f64(this.putSeqs);
    this.gotAts = f64(this.gotAts);
    this.gotSeqs = f64(this.gotSeqs);
    this.putBys = i32(this.putBys);
    this.gotBys = i32(this.gotBys);
    this.putLines = i32(this.putLines);
    this.gotLines = i32(this.gotLines);
    this.rows = i32(this.rows);
    this.previewChunk = i32(this.previewChunk);
    this.previewAt = i32(this.previewAt);
    this.previewLen = i32(this.previewLen);
    const dirs = new Int8Array(cap);
    dirs.set(this.dirs);
    this.dirs = dirs;
    this.cap = cap;
  }
}

/**
 * Gets whose put has not arrived yet, by itemId. A consumer often gets an item before
 * its producer has written the put's event, so in a fast pipe nearly every item goes
 * through here: its numbers sit in reused slots, with no object per get.
 */
export class PendingGets {
  private readonly slotOf = new Map<number, number>();
  private readonly free: number[] = [];
  private readonly ts: number[] = [];
  private readonly pids: number[] = [];
  private readonly seqs: number[] = [];
  private readonly lines: number[] = [];

  add(itemId: number, t: number, pid: Pid, seq: number, line: number): void {
    const s = this.free.pop() ?? this.ts.length;
    this.ts[s] = t;
    this.pids[s] = pid;
    this.seqs[s] = seq;
    this.lines[s] = line;
    this.slotOf.set(itemId, s);
  }

  /** The slot of the get waiting for this item (read it before the next add), or -1; forgets it. */
  take(itemId: number): number {
    const s = this.slotOf.get(itemId);
    if (s === undefined) return -1;
    this.slotOf.delete(itemId);
    this.free.push(s);
    return s;
  }

  t(slot: number): number {
    return this.ts[slot] ?? 0;
  }
  pid(slot: number): Pid {
    return this.pids[slot] ?? 0;
  }
  seq(slot: number): number {
    return this.seqs[slot] ?? 0;
  }
  line(slot: number): number {
    return this.lines[slot] ?? 0;
  }
}
