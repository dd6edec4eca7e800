/**
 * A counting semaphore in shared memory: the core of Lock, RLock, Semaphore and
 * BoundedSemaphore, as CPython's SemLock is theirs. Eight Int32 words that every
 * process holding a handle maps; no thread but the caller's is involved.
 *
 * An uncontended acquire or release is one compare-and-swap on COUNT. A waiter
 * counts itself in WAITERS and sleeps in `Atomics.wait` on COUNT, so a release
 * pays for `Atomics.notify` only when someone may be asleep.
 *
 * RELEASES numbers the releases: an acquire reads it after it took the permit, so
 * it names the release that let it through (the timeline draws that arrow), and a
 * release bumps it before the permit becomes visible.
 */

export const enum SemKind {
  Lock = 0,
  RLock = 1,
  Semaphore = 2,
  BoundedSemaphore = 3,
}

const COUNT = 0;
const WAITERS = 1;
/**
 * The pid of the process that last took the permit of a Lock, or an RLock's owner; 0:
 * none. Written with plain stores by the process that holds the permit (after the
 * compare-and-swap that took it; before the one that gives it back, so whoever takes
 * it next sees 0 or its own pid): only a repr and an owner asking "is it mine?" read
 * it, and the owner's own writes are always visible to itself.
 */
const OWNER = 2;
/** An RLock's recursion depth (only its owner changes it). */
const DEPTH = 3;
const RELEASES = 4;
const MAX = 5;
const KIND = 6;
const WORDS = 8;

/** Looks at COUNT before a waiter sleeps: ~2 µs. */
const SPIN_TRIES = 2000;

/** CPython's SEM_VALUE_MAX on Linux. */
export const SEM_VALUE_MAX = 0x7fffffff;

/** Takes the seq of a publishing operation just before its effect is visible (events/emitter.ts). */
export interface Stamp {
  reserve(): void;
  cancelReserved(): void;
}

export class SemLock {
  readonly w: Int32Array;

  static create(kind: SemKind, value: number, max: number): SemLock {
    const s = new SemLock(new SharedArrayBuffer(WORDS * 4));
    s.w[COUNT] = value;
    s.w[MAX] = max;
    s.w[KIND] = kind;
    return s;
  }

  constructor(readonly sab: SharedArrayBuffer) {
    this.w = new Int32Array(sab);
  }

  get kind(): SemKind {
    return this.w[KIND] as SemKind;
  }

  get max(): number {
    return this.w[MAX] as number;
  }

  value(): number {
    return Atomics.load(this.w, COUNT);
  }

  owner(): number {
    return Atomics.load(this.w, OWNER);
  }

  depth(): number {
    return Atomics.load(this.w, DEPTH);
  }

  releases(): number {
    return Atomics.load(this.w, RELEASES);
  }

  /** Takes a permit if one is free, without waiting. */
  tryAcquire(pid: number): boolean {
    const w = this.w;
    for (;;) {
      const c = Atomics.load(w, COUNT);
      if (c <= 0) return false;
      if (Atomics.compareExchange(w, COUNT, c, c - 1) === c) {
        // A plain store (see OWNER): an atomic one is a locked instruction, ~15% of a pair.
        w[OWNER] = pid;
        return true;
      }
    }
  }

  /** Waits up to `ms` (null: forever) for a permit. `now` is the caller's clock in ms. */
  acquireWithin(pid: number, ms: number | null, now: () => number): boolean {
    if (this.tryAcquire(pid)) return true;
    if (ms !== null && ms <= 0) return false;
    // A holder usually lets go within a µs (a counter's increment): look again for a
    // while, uncounted, before sleeping, so its release needs no Atomics.notify.
    for (let i = 0; i < SPIN_TRIES; i++) if (Atomics.load(this.w, COUNT) > 0 && this.tryAcquire(pid)) return true;
    const w = this.w;
    const deadline = ms === null ? Infinity : now() + ms;
    Atomics.add(w, WAITERS, 1);
    try {
      for (;;) {
        if (this.tryAcquire(pid)) return true;
        const left = deadline - now();
        if (left <= 0) return false;
        Atomics.wait(w, COUNT, 0, left === Infinity ? undefined : left);
      }
    } finally {
      Atomics.sub(w, WAITERS, 1);
    }
  }

  /**
   * Gives a permit back and returns this release's number (from 1). 0, and nothing
   * changes, when that would go above the maximum (a Lock released while unlocked, a
   * BoundedSemaphore over-released). `stamp` takes the release's seq before a waiter
   * can see the permit. The number is the one this call took, not a later read: by
   * then a waiter may have taken the permit and released it again.
   */
  release(stamp: Stamp | null): number {
    const w = this.w;
    const max = w[MAX] as number;
    if (Atomics.load(w, COUNT) >= max) return 0;
    stamp?.reserve();
    if (this.kind === SemKind.Lock || this.kind === SemKind.RLock) w[OWNER] = 0;
    const number = Atomics.add(w, RELEASES, 1) + 1;
    for (;;) {
      const c = Atomics.load(w, COUNT);
      if (c >= max) {
        Atomics.sub(w, RELEASES, 1);
        stamp?.cancelReserved();
        return 0;
      }
      if (Atomics.compareExchange(w, COUNT, c, c + 1) === c) break;
    }
    if (Atomics.load(w, WAITERS) > 0) Atomics.notify(w, COUNT, 1);
    return number;
  }

  /** An RLock's owner re-entering: only the owner's own thread touches DEPTH. */
  setDepth(depth: number): void {
    Atomics.store(this.w, DEPTH, depth);
  }
}
