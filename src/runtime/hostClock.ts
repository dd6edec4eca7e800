/**
 * The host's own clock and timers, as the kernel's platforms hand them to it. The
 * kernel never reads time or sets a timer itself (lint forbids it): a test, or the
 * scheduler of a controlled run, can drive it with a clock of its own instead.
 */

/** Cancels a timer set through a KernelClock. */
export type Cancel = () => void;

export interface KernelClock {
  /** High-resolution epoch milliseconds (timeOrigin + now), the clock every process shares. */
  now(): number;
  /** Calls `fn` every `ms` milliseconds until cancelled. */
  every(ms: number, fn: () => void): Cancel;
  /** Calls `fn` once, after `ms` milliseconds, unless cancelled first. */
  after(ms: number, fn: () => void): Cancel;
}

export const hostClock: KernelClock = {
  now: () => performance.timeOrigin + performance.now(),
  every(ms, fn) {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
  after(ms, fn) {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};
