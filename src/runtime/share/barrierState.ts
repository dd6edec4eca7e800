/**
 * The core of multiprocessing.Barrier in shared memory: threading.Barrier's algorithm
 * (CPython's multiprocessing runs that very code over a shared Condition), over
 * eight Int32 words: a futex mutex for its lock, and CHANGES, a word bumped at every
 * `notify_all` that waiters sleep on, read under the mutex so no wake is lost.
 *
 * One difference: the last arrival runs the action with the mutex released, in a
 * phase of its own (ACTION) that every other call waits out as it would wait for
 * CPython's lock, so a long action leaves the others blocked where the timeline can
 * see them, not spinning in a mutex.
 *
 * EPOCH numbers what releases waiters: a trip, a break (abort, a timed-out wait, an
 * action that raised) or a reset. LAST_TRIP and LAST_BREAK keep the latest of each,
 * so a waiter that wakes names what woke it (the timeline draws that arrow).
 */
import { Mutex } from "./mutex";
import type { Stamp } from "./semLock";

const MUTEX = 0;
const PHASE = 1;
const COUNT = 2;
const CHANGES = 3;
const EPOCH = 4;
const LAST_TRIP = 5;
const LAST_BREAK = 6;
const PARTIES = 7;
const WORDS = 8;

/** threading.Barrier's `_state`, plus ACTION. */
const FILLING = 0;
const DRAINING = 1;
const RESETTING = -1;
const BROKEN = -2;
const ACTION = 2;

/**
 * How a waiter sleeps while `w[index]` is `seen`, at most `ms` (null: forever), with
 * the mutex released: the caller announces a long sleep on the timeline. (Nothing
 * that may halt the process runs under the mutex: a process stopped there would
 * leave the barrier locked for the others.)
 */
export type BarrierSleeper = (w: Int32Array, index: number, seen: number, ms: number | null) => void;

export type BarrierResult =
  | { kind: "ok"; index: number; epoch: number }
  /** Broken or reset before or while this process waited. */
  | { kind: "broken"; epoch: number }
  /** This wait's time ran out: it broke the barrier. */
  | { kind: "timeout"; epoch: number }
  /** The action raised: the barrier is broken and `error` goes to the caller. */
  | { kind: "action"; epoch: number; error: unknown };

export class BarrierState {
  readonly w: Int32Array;
  private readonly mutex: Mutex;

  static create(parties: number): BarrierState {
    const b = new BarrierState(new SharedArrayBuffer(WORDS * 4));
    b.w[PARTIES] = parties;
    return b;
  }

  constructor(readonly sab: SharedArrayBuffer) {
    this.w = new Int32Array(sab);
    this.mutex = new Mutex(this.w, MUTEX);
  }

  get parties(): number {
    return this.w[PARTIES] as number;
  }

  /** A method, not a getter: every call reads the shared word afresh (TypeScript would narrow a property). */
  private phase(): number {
    return Atomics.load(this.w, PHASE);
  }

  private setPhase(p: number): void {
    Atomics.store(this.w, PHASE, p);
  }

  /** As threading's: unlocked, an ephemeral answer. */
  nWaiting(): number {
    const p = this.phase();
    return p === FILLING || p === ACTION ? Atomics.load(this.w, COUNT) : 0;
  }

  broken(): boolean {
    return this.phase() === BROKEN;
  }

  /** threading.Barrier.wait; `action` runs in the last arrival. */
  wait(
    ms: number | null,
    now: () => number,
    stamp: Stamp,
    sleeper: BarrierSleeper,
    action: (() => void) | null,
  ): BarrierResult {
    const w = this.w;
    this.mutex.lock();
    try {
      // _enter: block while the barrier drains, resets or runs its action.
      for (let p = this.phase(); p === DRAINING || p === RESETTING || p === ACTION; p = this.phase())
        this.sleep(null, sleeper);
      if (this.phase() !== FILLING) return { kind: "broken", epoch: Atomics.load(w, LAST_BREAK) } as const;
      const index = Atomics.add(w, COUNT, 1);
      try {
        if (index + 1 === this.parties) return this.trip(index, stamp, action);
        // _wait: until released, reset or broken; a timeout breaks the barrier.
        const deadline = ms === null ? Infinity : now() + ms;
        for (;;) {
          const p = this.phase();
          if (p !== FILLING && p !== ACTION) break;
          const left = deadline - now();
          if (p === FILLING && left <= 0) return { kind: "timeout", epoch: this.breakLocked(stamp) } as const;
          this.sleep(p === ACTION || left === Infinity ? null : left, sleeper);
        }
        return this.phase() === DRAINING
          ? ({ kind: "ok", index, epoch: Atomics.load(w, LAST_TRIP) } as const)
          : ({ kind: "broken", epoch: Atomics.load(w, LAST_BREAK) } as const);
      } finally {
        // _exit: the last to leave a draining or resetting barrier refills it.
        if (Atomics.sub(w, COUNT, 1) === 1 && (this.phase() === RESETTING || this.phase() === DRAINING)) {
          this.setPhase(FILLING);
          this.changed();
        }
      }
    } finally {
      this.mutex.unlock();
    }
  }

  /** The last arrival (mutex held): the action, then release everyone. */
  private trip(index: number, stamp: Stamp, action: (() => void) | null): BarrierResult {
    if (action) {
      this.setPhase(ACTION);
      this.mutex.unlock();
      try {
        action();
      } catch (error) {
        this.mutex.lock();
        return { kind: "action", epoch: this.breakLocked(stamp), error };
      }
      this.mutex.lock();
    }
    stamp.reserve();
    const epoch = this.nextEpoch();
    Atomics.store(this.w, LAST_TRIP, epoch);
    this.setPhase(DRAINING);
    this.changed();
    return { kind: "ok", index, epoch };
  }

  /** threading.Barrier.reset; returns its epoch. */
  reset(stamp: Stamp, sleeper: BarrierSleeper): number {
    return this.locked(sleeper, () => {
      stamp.reserve();
      const epoch = this.nextEpoch();
      Atomics.store(this.w, LAST_BREAK, epoch);
      const p = this.phase();
      if (Atomics.load(this.w, COUNT) === 0) this.setPhase(FILLING);
      else if (p === FILLING || p === BROKEN) this.setPhase(RESETTING);
      this.changed();
      return epoch;
    });
  }

  /** threading.Barrier.abort; returns its epoch. */
  abort(stamp: Stamp, sleeper: BarrierSleeper): number {
    return this.locked(sleeper, () => this.breakLocked(stamp));
  }

  /** Runs `f` under the mutex, once no action runs (as CPython's caller would wait for the lock). */
  private locked(sleeper: BarrierSleeper, f: () => number): number {
    this.mutex.lock();
    try {
      while (this.phase() === ACTION) this.sleep(null, sleeper);
      return f();
    } finally {
      this.mutex.unlock();
    }
  }

  private breakLocked(stamp: Stamp): number {
    stamp.reserve();
    const epoch = this.nextEpoch();
    Atomics.store(this.w, LAST_BREAK, epoch);
    this.setPhase(BROKEN);
    this.changed();
    return epoch;
  }

  private nextEpoch(): number {
    const e = ((Atomics.load(this.w, EPOCH) % 0x7fffffff) + 1) | 0;
    Atomics.store(this.w, EPOCH, e);
    return e;
  }

  /** threading's `_cond.notify_all()`. */
  private changed(): void {
    Atomics.add(this.w, CHANGES, 1);
    Atomics.notify(this.w, CHANGES);
  }

  /** threading's `_cond.wait()`: releases the mutex while asleep. */
  private sleep(ms: number | null, sleeper: BarrierSleeper): void {
    const seen = Atomics.load(this.w, CHANGES);
    this.mutex.unlock();
    try {
      sleeper(this.w, CHANGES, seen, ms);
    } finally {
      this.mutex.lock();
    }
  }
}
