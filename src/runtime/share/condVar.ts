/**
 * The waiting room of multiprocessing.Condition in shared memory: one slot per
 * waiting process, each a word it sleeps on with `Atomics.wait`.
 *
 * A process waits in one Condition at a time (one thread per process), and at most
 * MAX_LIVE_PROCESSES are alive, so that many slots always suffice. A waiter takes a
 * free slot while it holds the condition's lock, with the next TICKET (FIFO order),
 * and only then lets the lock go, so a notify can never miss it. `notify` (also under
 * the lock) hands its number to the waiting slots with the smallest tickets, one
 * compare-and-swap each. A waiter whose time is up swaps its slot from WAITING to
 * TIMED_OUT the same way: whichever swap comes first wins, so a waiter that timed
 * out never swallows a notify (the notify moves on to the next waiter), and one that
 * was notified as its time ran out returns notified. Slots of processes that died
 * waiting are skipped and reused, so a killed waiter swallows nothing either.
 * (CPython counts sleepers and wakers with three semaphores; the effect is the same.)
 */
import { MAX_LIVE_PROCESSES } from "../control";
import type { Stamp } from "./semLock";

const NEXT_TICKET = 0;
const NOTIFIES = 1;
const SLOTS = 2;
/** Per slot: its state, its waiter's ticket and pid. */
const STATE = 0;
const TICKET = 1;
const PID = 2;
const SLOT_WORDS = 3;
const CAPACITY = MAX_LIVE_PROCESSES;

/** Slot states; above 0, the number of the notify that woke the slot's waiter. */
const FREE = 0;
const WAITING = -1;
const TIMED_OUT = -2;

/** What `sleep` and `cancel` answer for a waiter that was not notified. */
export const NOT_NOTIFIED = 0;

export class CondVar {
  readonly w: Int32Array;

  static create(): CondVar {
    return new CondVar(new SharedArrayBuffer((SLOTS + CAPACITY * SLOT_WORDS) * 4));
  }

  /** `isGone(pid)`: the process has exited (its slot, if any, is stale). */
  constructor(
    readonly sab: SharedArrayBuffer,
    private readonly isGone: (pid: number) => boolean = () => false,
  ) {
    this.w = new Int32Array(sab);
  }

  /** Takes a slot for `pid` (the caller holds the lock); returns the word to sleep on. */
  enqueue(pid: number): number {
    const w = this.w;
    for (let i = SLOTS; i < w.length; i += SLOT_WORDS) {
      const s = Atomics.load(w, i + STATE);
      if (s !== FREE && !this.isGone(Atomics.load(w, i + PID))) continue;
      Atomics.store(w, i + TICKET, Atomics.add(w, NEXT_TICKET, 1));
      Atomics.store(w, i + PID, pid);
      Atomics.store(w, i + STATE, WAITING);
      return i;
    }
    throw new Error("Condition: more waiters than live processes");
  }

  /** Sleeps up to `ms` (null: forever) for a notify; returns its number or NOT_NOTIFIED. */
  sleep(slot: number, ms: number | null, now: () => number): number {
    const w = this.w;
    const deadline = ms === null ? Infinity : now() + ms;
    for (;;) {
      const s = Atomics.load(w, slot + STATE);
      if (s > 0) return s;
      const left = deadline - now();
      if (left <= 0) return NOT_NOTIFIED;
      Atomics.wait(w, slot + STATE, WAITING, left === Infinity ? undefined : left);
    }
  }

  /** The waiter's time is up: leaves unless a notify came first (then returns its number). */
  cancel(slot: number): number {
    const s = Atomics.compareExchange(this.w, slot + STATE, WAITING, TIMED_OUT);
    return s === WAITING ? NOT_NOTIFIED : s;
  }

  /** Frees the slot once its waiter is done with it. */
  leave(slot: number): void {
    Atomics.store(this.w, slot + STATE, FREE);
  }

  /**
   * Wakes up to `n` waiters, oldest first (the caller holds the lock); returns the
   * notify's number and how many it woke. `stamp` takes its seq before any waiter
   * can see it.
   */
  notify(n: number, stamp: Stamp): { id: number; woken: number } {
    const w = this.w;
    stamp.reserve();
    const id = ((Atomics.load(w, NOTIFIES) % 0x7fffffff) + 1) | 0;
    Atomics.store(w, NOTIFIES, id);
    let woken = 0;
    while (woken < n) {
      const slot = this.oldestWaiting();
      if (slot < 0) break;
      if (Atomics.compareExchange(w, slot + STATE, WAITING, id) !== WAITING) continue;
      Atomics.notify(w, slot + STATE);
      woken++;
    }
    return { id, woken };
  }

  /** How many processes wait and have not been notified. */
  waiting(): number {
    let n = 0;
    this.forWaiting(() => n++);
    return n;
  }

  private oldestWaiting(): number {
    const w = this.w;
    let best = -1;
    let bestTicket = 0;
    this.forWaiting((slot) => {
      const t = Atomics.load(w, slot + TICKET);
      // Tickets wrap at 2^32: compare by difference.
      if (best < 0 || ((t - bestTicket) | 0) < 0) {
        best = slot;
        bestTicket = t;
      }
    });
    return best;
  }

  private forWaiting(f: (slot: number) => void): void {
    const w = this.w;
    for (let i = SLOTS; i < w.length; i += SLOT_WORDS) {
      if (Atomics.load(w, i + STATE) === WAITING && !this.isGone(Atomics.load(w, i + PID))) f(i);
    }
  }
}
