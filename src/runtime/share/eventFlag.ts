/**
 * The core of multiprocessing.Event: a flag in shared memory that waiters sleep on
 * with `Atomics.wait`. Four Int32 words every process holding a handle maps.
 *
 * SETS numbers the sets that raised the flag: a set bumps it (and raises FLAG) under
 * a futex mutex, after taking its seq, then wakes every waiter; a waiter sleeps on
 * SETS, so a set can never slip between its look at the flag and its sleep. A wait
 * that returns names the set it saw (the timeline draws that arrow), and a set made
 * while it slept wakes it even if a clear follows at once (CPython's Event.wait may
 * answer either way in that race; this one always says True, as threading.Event).
 */
import { Mutex } from "./mutex";
import type { Stamp } from "./semLock";

const MUTEX = 0;
const FLAG = 1;
const SETS = 2;
const WAITERS = 3;
const WORDS = 4;

/** A wait that saw no set. */
export const NO_SET = -1;

export class EventFlag {
  readonly w: Int32Array;
  private readonly mutex: Mutex;

  static create(): EventFlag {
    return new EventFlag(new SharedArrayBuffer(WORDS * 4));
  }

  constructor(readonly sab: SharedArrayBuffer) {
    this.w = new Int32Array(sab);
    this.mutex = new Mutex(this.w, MUTEX);
  }

  isSet(): boolean {
    return Atomics.load(this.w, FLAG) === 1;
  }

  /** Raises the flag; returns the set's number, or NO_SET if it was already up (nothing changed). */
  set(stamp: Stamp): number {
    const w = this.w;
    this.mutex.lock();
    let n = NO_SET;
    if (Atomics.load(w, FLAG) === 0) {
      stamp.reserve();
      n = (Atomics.load(w, SETS) + 1) & 0x7fffffff;
      Atomics.store(w, SETS, n);
      Atomics.store(w, FLAG, 1);
    }
    this.mutex.unlock();
    if (n !== NO_SET && Atomics.load(w, WAITERS) > 0) Atomics.notify(w, SETS);
    return n;
  }

  clear(stamp: Stamp): void {
    this.mutex.lock();
    stamp.reserve();
    Atomics.store(this.w, FLAG, 0);
    this.mutex.unlock();
  }

  /** The number of the set that raised the flag, or NO_SET if it is down. */
  current(): number {
    const w = this.w;
    return Atomics.load(w, FLAG) === 1 ? Atomics.load(w, SETS) : NO_SET;
  }

  /**
   * Waits up to `ms` (null: forever) for a set; returns its number, or NO_SET.
   * `since` is SETS as read before the caller found the flag down (`sets()`), so a
   * set between that look and this sleep still counts.
   */
  waitSet(since: number, ms: number | null, now: () => number): number {
    const w = this.w;
    const deadline = ms === null ? Infinity : now() + ms;
    Atomics.add(w, WAITERS, 1);
    try {
      for (;;) {
        const n = Atomics.load(w, SETS);
        if (n !== since) return n;
        const left = deadline - now();
        if (left <= 0) return NO_SET;
        Atomics.wait(w, SETS, since, left === Infinity ? undefined : left);
      }
    } finally {
      Atomics.sub(w, WAITERS, 1);
    }
  }

  sets(): number {
    return Atomics.load(this.w, SETS);
  }
}
