/**
 * JoinableQueue's unfinished-task count, kept in the queue's own header.
 *
 * Every successful `ByteQueue.put` adds one, inside the put's lock, as CPython's
 * JoinableQueue.put does under its condition: a consumer can therefore never call
 * task_done() for an item before that item was counted. task_done() and join() need
 * no lock: a compare-and-swap and a futex wait on the count itself.
 */
import * as layout from "./byteQueueLayout";
import type { ByteQueueState } from "./byteQueueLayout";

const { HEADER_INTS, UNFINISHED } = layout;

export class ByteQueueTasks {
  private readonly h: Int32Array;

  constructor(state: ByteQueueState) {
    this.h = new Int32Array(state.buffer, 0, HEADER_INTS);
  }

  /** One task done. False, changing nothing, when none is unfinished ("called too many times"). */
  taskDone(): boolean {
    const h = this.h;
    for (;;) {
      const v = Atomics.load(h, UNFINISHED);
      if (v <= 0) return false;
      if (Atomics.compareExchange(h, UNFINISHED, v, v - 1) === v) {
        if (v === 1) Atomics.notify(h, UNFINISHED);
        return true;
      }
    }
  }

  /**
   * Waits until every item ever put was marked done: true, or false when `timeoutMs`
   * (null = forever) ran out. Puts change the word, so a sleeper may wake early and
   * simply waits again on the new value, against the same deadline.
   */
  join(timeoutMs: number | null): boolean {
    const h = this.h;
    const deadline = timeoutMs === null ? Infinity : performance.now() + timeoutMs;
    for (;;) {
      const v = Atomics.load(h, UNFINISHED);
      if (v === 0) return true;
      const left = deadline - performance.now();
      if (left <= 0) return false;
      Atomics.wait(h, UNFINISHED, v, left);
    }
  }

  unfinished(): number {
    return Atomics.load(this.h, UNFINISHED);
  }
}
