/**
 * Where a ByteQueue's words and bytes live, and how its one SharedArrayBuffer is made.
 *
 * One buffer holds everything: a header of Int32 words, then the data ring. Keeping a
 * single buffer means a queue crosses to another worker as one object in a
 * postMessage, and growing it (in place, see below) needs no new handle to be sent
 * to the other threads.
 *
 * Cost model. An item takes 4 + round-up-to-4(length) ring bytes. When one does not
 * fit, the ring at least doubles (amortised O(1) per byte, see byteQueueRing.ts), so
 * committed memory is at most about twice the peak of queued bytes.
 *
 * Growth. Where `SharedArrayBuffer.prototype.grow` exists (Node >= 20, Chrome/Edge
 * >= 111, Safari >= 16.4, Firefox since mid-2024 per MDN) the buffer is created with a large
 * `maxByteLength`. That is an address-space reservation, not memory: pages are
 * committed only by `grow`, which never moves the buffer, so every thread's views
 * stay valid and readers need no handshake. Memory is never given back: a queue
 * that once held 50 MB keeps 64 MB committed until every thread drops it. At the
 * reservation limit (just under 1 GiB of ring by default) put waits for room.
 * Where growth is missing (or the reservation is refused) the ring is a fixed
 * buffer of `fallbackBytes`, committed lazily by the OS as it is touched, and a
 * put that does not fit waits, as a put into a full bounded queue does. Either way an
 * item that could never fit makes put throw RangeError.
 */

/**
 * Header words (Int32). Everything a put or get changes under the lock shares the
 * first 64-byte cache line, so a hand-over between two cores moves one line, not
 * several; the futex words, the task count and the constants sit on lines of their
 * own.
 *
 * Words changed outside the lock (LOCK, the futex words, UNFINISHED) are touched only
 * with Atomics. COUNT and BYTES are written under the lock with plain stores (the
 * unlock publishes them) and read without it through Atomics.load: such a read may
 * be a moment stale, never torn, which is all size() and bytes() promise.
 */
export const LOCK = 0;
/** Bit CLOSED. */
export const FLAGS = 1;
/** Items queued. */
export const COUNT = 2;
/** Payload bytes queued. */
export const BYTES = 3;
/** Ring offset of the first record. */
export const HEAD = 4;
/** Ring bytes in use, record headers and padding included. */
export const USED = 5;
/** Current ring capacity in bytes (multiple of 4). */
export const CAP = 6;
/** Items ever put / got, as 53-bit numbers split in two words; changed under the lock. */
export const PUT_LO = 7;
export const PUT_HI = 8;
export const GET_LO = 9;
export const GET_HI = 10;
/** Threads registered (under the lock) as waiting on NOT_EMPTY / NOT_FULL. */
export const GET_WAITERS = 11;
export const PUT_WAITERS = 12;
/** How many of the GET_WAITERS are polls, which take nothing: a put must wake all. */
export const POLLERS = 13;
/**
 * Wake-ups sent to registered waiters that have not yet taken the lock again. A put
 * notifies only while GET_WAITERS > GET_PENDING: without this, every put made while
 * a woken getter was still on its way back to the lock paid for another notify.
 */
export const GET_PENDING = 14;
export const PUT_PENDING = 15;
/** Futex words: bumped when an item arrives / leaves while someone waits for it. */
export const NOT_EMPTY = 16;
export const NOT_FULL = 17;
/** JoinableQueue's unfinished-task count; also the futex word join() waits on. */
export const UNFINISHED = 32;
/** Read-only after creation: a line no one writes stays in every core's cache. */
export const MAX_CAP = 48;
/** 0 = unbounded. */
export const MAX_ITEMS = 49;

export const CLOSED = 1;

export const HEADER_INTS = 64;
export const HEADER_BYTES = HEADER_INTS * 4;

/** Positions are Int32 and head + used may reach 2 * cap, so cap stays below 2^30. */
export const CAP_LIMIT = 1 << 30;
export const DEFAULT_INITIAL = 64 * 1024;
export const DEFAULT_MAX = CAP_LIMIT - HEADER_BYTES;
export const DEFAULT_FALLBACK = 64 * 1024 * 1024;
/** Smallest reservation worth trying before giving up on growth. */
const MIN_RESERVATION = 16 * 1024 * 1024;

/**
 * Everything another thread needs to open the same queue: structured-cloneable, so it
 * travels in postMessage / workerData. The header carries all the parameters.
 */
export interface ByteQueueState {
  readonly buffer: SharedArrayBuffer;
}

export interface ByteQueueOptions {
  /** 0 (default) = unbounded; otherwise put() waits / reports "full" at this many items. */
  maxItems?: number;
  /** Starting ring size in bytes (default 64 KiB). */
  initialBytes?: number;
  /** Ring size limit in bytes (default and ceiling just under 1 GiB): the reservation. */
  maxBytes?: number;
  /** Fixed ring size when the buffer cannot grow (default 64 MiB). */
  fallbackBytes?: number;
  /** false forces the fixed-size fallback even where buffers can grow (tests, comparisons). */
  growable?: boolean;
}

/** lib ES2023 predates resizable buffers: the two members used here, typed locally. */
interface GrowableSAB extends SharedArrayBuffer {
  grow(newByteLength: number): void;
}
type GrowableCtor = new (length: number, options: { maxByteLength: number }) => GrowableSAB;

export const GROWABLE_SUPPORTED: boolean =
  typeof (SharedArrayBuffer.prototype as Partial<GrowableSAB>).grow === "function";

/** Rounds up to the 4-byte alignment every record and capacity keeps. */
export function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Ring bytes one item takes: its Int32 length word, then its bytes padded to 4. */
export function recordBytes(payload: number): number {
  return 4 + align4(payload);
}

export function createState(opts: ByteQueueOptions): ByteQueueState {
  const maxItems = Math.max(0, Math.floor(opts.maxItems ?? 0));
  const maxCap = align4(Math.min(DEFAULT_MAX, Math.max(64, opts.maxBytes ?? DEFAULT_MAX)));
  const initial = align4(Math.min(maxCap, Math.max(64, opts.initialBytes ?? DEFAULT_INITIAL)));
  let buffer: SharedArrayBuffer | null = null;
  let cap = initial;
  let limit = maxCap;
  if (GROWABLE_SUPPORTED && opts.growable !== false) {
    const Ctor = SharedArrayBuffer as unknown as GrowableCtor;
    // A reservation can be refused (32-bit hosts, ulimit -v, Chrome's 1 TiB sandbox
    // already full of queues): try smaller ones before falling back to fixed size.
    let max = maxCap;
    while (!buffer) {
      try {
        buffer = new Ctor(HEADER_BYTES + initial, { maxByteLength: HEADER_BYTES + max });
        limit = max;
      } catch {
        max = align4(Math.floor(max / 4));
        if (max < Math.max(initial, MIN_RESERVATION)) break;
      }
    }
  }
  if (!buffer) {
    cap = limit = align4(Math.min(maxCap, Math.max(64, opts.fallbackBytes ?? DEFAULT_FALLBACK)));
    buffer = new SharedArrayBuffer(HEADER_BYTES + cap);
  }
  const h = new Int32Array(buffer, 0, HEADER_INTS);
  h[CAP] = cap;
  h[MAX_CAP] = limit;
  h[MAX_ITEMS] = maxItems;
  return { buffer };
}

/** Grows the buffer so the ring can hold `cap` bytes; false if the host refuses. */
export function growBuffer(buffer: SharedArrayBuffer, cap: number): boolean {
  const b = buffer as GrowableSAB;
  if (typeof b.grow !== "function") return false;
  try {
    if (b.byteLength < HEADER_BYTES + cap) b.grow(HEADER_BYTES + cap);
    return true;
  } catch {
    return false;
  }
}
