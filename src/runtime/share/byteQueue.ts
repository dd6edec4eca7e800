/**
 * A multi-producer, multi-consumer FIFO of byte strings in shared memory: the core of
 * multiprocessing's Queue, JoinableQueue, SimpleQueue and Pipe. It knows nothing of
 * Python objects; items are opaque bytes, copied in by put and out by get.
 *
 * Every thread opens its own `ByteQueue` over the same `ByteQueueState` (one
 * SharedArrayBuffer, sent in a postMessage). One futex mutex (`mutex.ts`) guards the
 * ring and the counters; waiting for an item or for room uses `Atomics.wait` on two
 * futex words bumped only when someone is registered as waiting (byteQueueWake.ts),
 * so an uncontended put or get costs a lock, a copy and an unlock, never a notify.
 *
 * Numbering: the n-th item ever put is the n-th item ever got (one lock, one FIFO), so
 * both sides learn the same `seq` (1-based) without storing it: after a successful
 * put, `lastPutSeq` is the item's number; after a successful get, `lastGetSeq` is.
 * These are fields of this view, i.e. of this thread, so reading them right after
 * the call is race-free. A timeline joins put #n to get #n.
 *
 * Cost model: put and get each copy the item once, under the lock (a 50 MB item holds
 * it ~10 ms each way). Memory and growth: byteQueueLayout.ts, byteQueueRing.ts.
 * JoinableQueue's task count: byteQueueTasks.ts (every put keeps it: one atomic add).
 *
 * Blocking calls (timeout other than 0) need a thread that may block: a worker, or
 * Node's main thread. Timeouts are in milliseconds, measured against a deadline, so
 * spurious or stolen wakeups never lengthen them.
 */
import { Mutex } from "./mutex";
import { Slab } from "./slab";
import * as layout from "./byteQueueLayout";
import * as ring from "./byteQueueRing";
import * as inspect from "./byteQueueInspect";
import * as wake from "./byteQueueWake";
import type { ByteQueueOptions, ByteQueueState } from "./byteQueueLayout";
import type { ByteQueueSnapshot } from "./byteQueueInspect";

// Local copies of the imported bindings: vite-node (the tests), and tsx when it emits
// CommonJS, turn every use of an imported name into a getter call, which made a put
// 3x slower in a hot loop. Bundled browser code is unaffected either way.
const {
  BYTES,
  CAP,
  CLOSED,
  COUNT,
  FLAGS,
  GET_HI,
  GET_LO,
  GET_WAITERS,
  HEAD,
  HEADER_BYTES,
  HEADER_INTS,
  LOCK,
  MAX_CAP,
  MAX_ITEMS,
  NOT_EMPTY,
  NOT_FULL,
  POLLERS,
  PUT_HI,
  PUT_LO,
  PUT_WAITERS,
  UNFINISHED,
  USED,
  GET_PENDING,
  PUT_PENDING,
  align4,
  createState,
  growBuffer,
  recordBytes,
} = layout;
const { copyIn, copyOut, relocate } = ring;
const { bump, read, readSnapshot } = inspect;
const { wakeOne, wakeAll, watchThenSleep } = wake;

export type { ByteQueueOptions, ByteQueueState } from "./byteQueueLayout";
export type { ByteQueueSnapshot } from "./byteQueueInspect";
export type PutResult = "ok" | "full" | "closed";
/** The item (a fresh, non-shared copy), or why there is none. */
export type GetResult = Uint8Array<ArrayBuffer> | "empty" | "closed";
export type PollResult = "ready" | "empty" | "closed";

/** Told the instant an item is committed (see put). */
export interface Stamp {
  reserve(): void;
}

/** Outcomes of the internal checks (NOT_YET: empty for a get, full for a put). */
const OK = 0,
  NOT_YET = 1,
  SHUT = 2,
  NO_MEMORY = 3;
type Status = 0 | 1 | 2 | 3;
/** Who waits: the word and the registration differ. */
const PUT = 0,
  GET = 1,
  POLL = 2;
type Waiter = 0 | 1 | 2;

export class ByteQueue {
  /** Allocates a queue; pass the state to `new ByteQueue` here and in other workers. */
  static create(opts: ByteQueueOptions = {}): ByteQueueState {
    return createState(opts);
  }

  readonly state: ByteQueueState;
  /** Seq of the last item this view put, 0 before its first put. */
  lastPutSeq = 0;
  /** Seq of the last item this view got, 0 before its first get. */
  lastGetSeq = 0;
  private readonly h: Int32Array;
  private readonly mutex: Mutex;
  /** Ring views, rebuilt under the lock whenever another thread has grown the ring. */
  private cap = 0;
  private data: Uint8Array = new Uint8Array(0);
  private words: Int32Array = new Int32Array(0);
  /** Where got items are copied to (see slab.ts). */
  private readonly slab = new Slab();

  constructor(state: ByteQueueState) {
    this.state = state;
    this.h = new Int32Array(state.buffer, 0, HEADER_INTS);
    this.mutex = new Mutex(this.h, LOCK);
  }

  /**
   * Appends a copy of `bytes`. `timeoutMs`: null waits for room as long as it takes,
   * 0 never waits. "full" when no room came in time, "closed" once close() was called.
   * `stamp.reserve()` is called under the lock just before the item becomes visible to
   * getters: the put takes its place in the event log before any get can follow it.
   */
  put(bytes: Uint8Array, timeoutMs: number | null, stamp?: Stamp): PutResult {
    const n = bytes.length;
    const need = recordBytes(n);
    const h = this.h;
    if (need > Atomics.load(h, MAX_CAP))
      throw new RangeError(
        `an item of ${n} bytes cannot fit in this queue (limit ${Atomics.load(h, MAX_CAP) - 4} bytes)`,
      );
    this.mutex.lock();
    let s = this.room(need);
    if (s === NOT_YET && timeoutMs !== 0) s = this.wait(PUT, need, timeoutMs);
    if (s !== OK) {
      this.mutex.unlock();
      if (s === NO_MEMORY) throw new RangeError(`out of memory growing the queue for an item of ${n} bytes`);
      return s === SHUT ? "closed" : "full";
    }
    const cap = this.cap;
    const used = h[USED]!;
    let tail = h[HEAD]! + used;
    if (tail >= cap) tail -= cap;
    this.words[tail >> 2] = n;
    copyIn(this.data, cap, tail + 4 === cap ? 0 : tail + 4, bytes);
    h[USED] = used + need;
    stamp?.reserve();
    // Plain stores: the unlock publishes them; lock-free readers tolerate staleness.
    h[COUNT]!++;
    h[BYTES]! += n;
    Atomics.add(h, UNFINISHED, 1);
    this.lastPutSeq = bump(h, PUT_LO, PUT_HI);
    // One item can serve one getter; a poller takes nothing, so with pollers about,
    // all must look. Notifying after the unlock lets the woken take the lock at once.
    const wake = h[POLLERS]! > 0 ? wakeAll(h, GET_WAITERS, GET_PENDING) : wakeOne(h, GET_WAITERS, GET_PENDING);
    if (wake) Atomics.add(h, NOT_EMPTY, 1);
    this.mutex.unlock();
    if (wake) Atomics.notify(h, NOT_EMPTY, wake);
    return "ok";
  }

  /**
   * Removes the oldest item. `timeoutMs` as for put. After close(), still returns the
   * items left, then "closed".
   */
  get(timeoutMs: number | null): GetResult {
    const h = this.h;
    this.mutex.lock();
    let s = this.available();
    if (s === NOT_YET && timeoutMs !== 0) s = this.wait(GET, 0, timeoutMs);
    if (s !== OK) {
      this.mutex.unlock();
      return s === SHUT ? "closed" : "empty";
    }
    const cap = this.sync();
    const head = h[HEAD]!;
    const n = this.words[head >> 2]!;
    const out = copyOut(this.data, cap, head + 4 === cap ? 0 : head + 4, n, this.slab.alloc(n));
    const rec = recordBytes(n);
    const used = h[USED]! - rec;
    h[USED] = used;
    // An empty ring restarts at 0, so it is unwrapped whenever it next has to grow.
    h[HEAD] = used === 0 ? 0 : head + rec >= cap ? head + rec - cap : head + rec;
    h[COUNT]!--;
    h[BYTES]! -= n;
    this.lastGetSeq = bump(h, GET_LO, GET_HI);
    // A bounded queue's putters wait for a slot: one freed, one woken. Otherwise
    // they wait for ring bytes, which may suit any of them: wake them all.
    const wake =
      h[MAX_ITEMS]! > 0 && cap < h[MAX_CAP]!
        ? wakeOne(h, PUT_WAITERS, PUT_PENDING)
        : wakeAll(h, PUT_WAITERS, PUT_PENDING);
    if (wake) Atomics.add(h, NOT_FULL, 1);
    this.mutex.unlock();
    if (wake) Atomics.notify(h, NOT_FULL, wake);
    return out;
  }

  /** Waits (as get would) until an item is there, without taking it: Connection.poll. */
  poll(timeoutMs: number | null): PollResult {
    this.mutex.lock();
    let s = this.available();
    if (s === NOT_YET && timeoutMs !== 0) s = this.wait(POLL, 0, timeoutMs);
    this.mutex.unlock();
    return s === OK ? "ready" : s === SHUT ? "closed" : "empty";
  }

  /** Refuses further puts and wakes every waiter; queued items can still be got. */
  /**
   * Closes the queue: items left can still be got, then gets return "closed".
   * `lockTries` bounds the wait for the lock, for a caller (the kernel, on behalf of a
   * killed process) that must not hang on a lock a dead thread may hold; past it the
   * flag is set without the lock, and only a waiter caught between its check and its
   * wait could miss the wake-up.
   */
  close(lockTries = Infinity): void {
    const h = this.h;
    let locked = false;
    if (lockTries === Infinity) {
      this.mutex.lock();
      locked = true;
    } else {
      for (let i = 0; i < lockTries && !locked; i++) locked = this.mutex.tryLock();
    }
    const was = Atomics.or(h, FLAGS, CLOSED) & CLOSED;
    if (!was) {
      Atomics.add(h, NOT_EMPTY, 1);
      Atomics.add(h, NOT_FULL, 1);
    }
    if (locked) this.mutex.unlock();
    if (!was) {
      Atomics.notify(h, NOT_EMPTY);
      Atomics.notify(h, NOT_FULL);
    }
  }

  get closed(): boolean {
    return (Atomics.load(this.h, FLAGS) & CLOSED) !== 0;
  }
  /** Items queued now (no lock: exact at some instant during the call). */
  size(): number {
    return Atomics.load(this.h, COUNT);
  }
  /** Payload bytes queued now (no lock). */
  bytes(): number {
    return Atomics.load(this.h, BYTES);
  }
  get maxItems(): number {
    return this.h[MAX_ITEMS]!;
  }
  /** Ring bytes currently committed; grows, never shrinks. */
  capacityBytes(): number {
    return Atomics.load(this.h, CAP);
  }
  /** Items ever put (takes the lock briefly). */
  putCount(): number {
    return this.locked(() => read(this.h, PUT_LO, PUT_HI));
  }
  /** Items ever got (takes the lock briefly). */
  getCount(): number {
    return this.locked(() => read(this.h, GET_LO, GET_HI));
  }

  /** Copies of every queued item, oldest first (takes the lock for the copies). */
  peekAll(): Uint8Array<ArrayBuffer>[] {
    return this.snapshot().items;
  }
  /** Items, counters and state in one consistent picture, for inspectors. */
  snapshot(): ByteQueueSnapshot {
    return this.locked(() => {
      const cap = this.sync();
      return readSnapshot(this.h, this.data, this.words, cap);
    });
  }

  private locked<T>(f: () => T): T {
    this.mutex.lock();
    try {
      return f();
    } finally {
      this.mutex.unlock();
    }
  }

  /** Under the lock: the current capacity, rebuilding the views if it changed. */
  private sync(): number {
    const cap = this.h[CAP]!;
    if (cap !== this.cap) {
      this.cap = cap;
      this.data = new Uint8Array(this.state.buffer, HEADER_BYTES, cap);
      this.words = new Int32Array(this.state.buffer, HEADER_BYTES, cap >> 2);
    }
    return cap;
  }

  /** Under the lock: can a get proceed? */
  private available(): Status {
    const h = this.h;
    if (h[COUNT]! > 0) return OK;
    return h[FLAGS]! & CLOSED ? SHUT : NOT_YET;
  }

  /** Under the lock: can a put of a `need`-byte record proceed? Grows the ring if it must. */
  private room(need: number): Status {
    const h = this.h;
    if (h[FLAGS]! & CLOSED) return SHUT;
    const maxItems = h[MAX_ITEMS]!;
    if (maxItems > 0 && h[COUNT]! >= maxItems) return NOT_YET;
    const cap = this.sync();
    const used = h[USED]!;
    if (cap - used >= need) return OK;
    const max = h[MAX_CAP]!;
    if (cap < max && used + need <= max) {
      const next = Math.min(max, align4(Math.max(cap * 2, used + need)));
      if (growBuffer(this.state.buffer, next)) {
        h[CAP] = next;
        this.sync();
        h[HEAD] = relocate(this.data, cap, next, h[HEAD]!, used);
        return OK;
      }
      // The host would not commit the pages. With items queued, gets will free room.
      if (used === 0) return NO_MEMORY;
    }
    return NOT_YET;
  }

  /**
   * Under the lock, after a check said NOT_YET: waits until the check passes, the
   * queue closes or the deadline passes, and returns that check's final answer, with
   * the lock held. The protocol is described in byteQueueWake.ts.
   */
  private wait(who: Waiter, need: number, timeoutMs: number | null): Status {
    const h = this.h;
    const word = who === PUT ? NOT_FULL : NOT_EMPTY;
    const waiters = who === PUT ? PUT_WAITERS : GET_WAITERS;
    const pending = who === PUT ? PUT_PENDING : GET_PENDING;
    const deadline = timeoutMs === null ? Infinity : performance.now() + Math.max(0, timeoutMs);
    for (;;) {
      const s = who === PUT ? this.room(need) : this.available();
      if (s !== NOT_YET) return s;
      if (deadline <= performance.now()) return s;
      const seen = h[word]!;
      h[waiters]!++;
      if (who === POLL) h[POLLERS]!++;
      this.mutex.unlock();
      watchThenSleep(h, word, seen, deadline);
      this.mutex.lock();
      h[waiters]!--;
      if (h[pending]! > 0) h[pending]!--;
      if (who === POLL) h[POLLERS]!--;
    }
  }
}
