/**
 * A futex mutex in one Int32 word of shared memory, usable from every thread that has
 * a view of the same SharedArrayBuffer.
 *
 * This is the three-state mutex from Drepper's "Futexes Are Tricky": 0 unlocked,
 * 1 locked, 2 locked and someone may be asleep. Only the 2 state costs an
 * `Atomics.notify` on unlock, so an uncontended lock/unlock pair is two atomic
 * read-modify-writes. A thread that finds the lock taken spins a little first:
 * holders here keep it for tens of nanoseconds (a small item's copy), while a
 * sleep and a wake cost microseconds. After the spin it really sleeps in
 * `Atomics.wait`. (A 50 MB item holds the lock for milliseconds: its waiters sleep.)
 *
 * Not robust: a thread terminated while holding the lock leaves it held forever.
 * That is CPython's documented hazard too ("if a process is killed ... while it
 * is trying to use a Queue, then the data in the queue is likely to become
 * corrupted"), so the playground reproduces rather than hides it.
 */

const UNLOCKED = 0;
const LOCKED = 1;
const CONTENDED = 2;

/** Tries before sleeping: a few microseconds at most. */
const SPIN = 100;

/**
 * `Atomics.wait` throws on threads that may not block (a browser's main thread).
 * There the mutex spins instead: every holder releases within microseconds.
 * Probed once: DoWait checks whether the agent may suspend before it compares values.
 */
export const CAN_BLOCK: boolean = (() => {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
})();

export class Mutex {
  /**
   * @param words any Int32Array over shared memory
   * @param index the word this mutex owns; it must start at 0 (unlocked)
   */
  constructor(
    private readonly words: Int32Array,
    private readonly index: number,
  ) {}

  lock(): void {
    const w = this.words;
    const i = this.index;
    if (Atomics.compareExchange(w, i, UNLOCKED, LOCKED) === UNLOCKED) return;
    for (let k = 0; k < SPIN; k++) {
      if (Atomics.load(w, i) === UNLOCKED && Atomics.compareExchange(w, i, UNLOCKED, LOCKED) === UNLOCKED) return;
    }
    // From here on we claim CONTENDED even if we end up the only waiter: a spurious
    // notify on unlock is cheap, a missed one would be a deadlock.
    while (Atomics.exchange(w, i, CONTENDED) !== UNLOCKED) {
      if (CAN_BLOCK) Atomics.wait(w, i, CONTENDED);
    }
  }

  /** Takes the lock only if it is free right now. */
  tryLock(): boolean {
    return Atomics.compareExchange(this.words, this.index, UNLOCKED, LOCKED) === UNLOCKED;
  }

  /** Any thread may unlock (as with CPython's Lock); unlocking a free mutex is a caller bug. */
  unlock(): void {
    if (Atomics.exchange(this.words, this.index, UNLOCKED) === CONTENDED) Atomics.notify(this.words, this.index, 1);
  }

  /** For inspectors and tests only: the answer may be stale when it arrives. */
  isLocked(): boolean {
    return Atomics.load(this.words, this.index) !== UNLOCKED;
  }
}
