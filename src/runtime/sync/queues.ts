/**
 * multiprocessing.Queue, JoinableQueue and SimpleQueue on a shared-memory byte
 * queue: put and get copy the item through shared memory on the caller's own
 * thread and block with Atomics.wait; no message to anyone.
 *
 * Every operation is an event naming the queue, the item (a Python repr preview)
 * and its number, so the timeline can follow each item from put to get.
 */
import { AssertionError, Empty, Full, OSError, ValueError } from "../lib/exceptions";
import { fakeAddress } from "../lib/pyrepr";
import type { ObjKind } from "../events/types";
import { NONE, Op, Outcome } from "../events/opColumns";
import { ctx } from "../process/context";
import { syncPoint } from "../process/syncPoint";
import { ByteQueue, type ByteQueueState, type PutResult } from "../share/byteQueue";
import { ByteQueueTasks } from "../share/byteQueueTasks";
import { HANDLE, registerHandleKind, settleTravel, type HandleDescription } from "./handles";
import { briefPart, waitAnnounced, waitAnnouncedRest, waitsOn } from "./announcedWait";
import { pickleItem, previewItem, unpickleItem } from "./itemCodec";
import { blockingWaitMs, intArg, keywordArgs, type BlockOptions } from "../lib/options";

/** getItem's answer when the queue stayed empty (an item may be any value, even undefined). */
const NOTHING: unique symbol = Symbol("nothing");

interface QueueHandle {
  kind: ObjKind;
  queue: ByteQueueState;
  id: number;
  label: string;
  maxsize: number;
}

class BaseQueue {
  protected readonly h: QueueHandle;
  protected readonly q: ByteQueue;
  /** This process's handle only, as in CPython. */
  protected closedHere = false;

  constructor(kind: ObjKind, maxsize: number | { maxsize?: number } | undefined, revive?: QueueHandle) {
    if (revive) {
      this.h = revive;
    } else {
      const size = intArg(keywordArgs(kind, ["maxsize"], [maxsize]).maxsize ?? 0);
      const c = ctx();
      const id = c.control.nextObjectId();
      this.h = {
        kind,
        queue: ByteQueue.create({ maxItems: Math.max(0, size) }),
        id,
        label: `${kind}-${id}`,
        maxsize: Math.max(0, size),
      };
      c.emit({
        kind: "obj.create",
        objId: id,
        objKind: kind,
        label: this.h.label,
        ...(size > 0 ? { maxsize: size } : {}),
      });
    }
    this.q = new ByteQueue(this.h.queue);
  }

  [HANDLE](): HandleDescription {
    return { kind: "queue", state: this.h };
  }

  get __mp_kind__(): string {
    return this.h.kind;
  }

  protected checkClosed(): void {
    if (this.closedHere) throw new ValueError(`Queue ${this.__repr__()} is closed`);
  }

  /**
   * Puts with events: the block (if it waits) and the operation with its item. The put
   * takes its seq as the item becomes visible (the queue calls the emitter's reserve),
   * so no get of it comes before it in the log.
   */
  protected putItem(obj: unknown, ms: number | null): boolean {
    const c = ctx();
    syncPoint(Op.put, this.h.id, c);
    this.checkClosed();
    const bytes = pickleItem(obj);
    const emitter = c.emitter;
    let r: PutResult = "closed";
    try {
      r = this.q.put(bytes, briefPart(ms), emitter);
      if (r === "full" && waitsOn(ms))
        r = waitAnnouncedRest(
          ms,
          this.waitTarget("put"),
          (wait) => this.q.put(bytes, wait, emitter),
          (x) => (x === "ok" ? "ok" : "timeout"),
        );
    } finally {
      settleTravel(r === "ok");
    }
    const outcome = r === "ok" ? Outcome.ok : r === "full" ? Outcome.full : Outcome.closed;
    this.opEvent(Op.put, outcome, r === "ok" ? this.q.lastPutSeq : NONE, previewItem(obj));
    return r === "ok";
  }

  /** Gets with events; returns the item, or NOTHING when empty (no result object per get). */
  protected getItem(ms: number | null): unknown {
    syncPoint(Op.get, this.h.id);
    this.checkClosed();
    let r = this.q.get(briefPart(ms));
    if (r === "empty" && waitsOn(ms))
      r = waitAnnouncedRest(
        ms,
        this.waitTarget("get"),
        (wait) => this.q.get(wait),
        (x) => (typeof x === "string" ? "timeout" : "ok"),
      );
    if (typeof r === "string") {
      this.opEvent(Op.get, Outcome.empty);
      return NOTHING;
    }
    const value = unpickleItem(r);
    // The timeline knows the item from its put (same number): no second preview.
    this.opEvent(Op.get, Outcome.ok, this.q.lastGetSeq);
    return value;
  }

  protected waitTarget(call: string) {
    return { objId: this.h.id, objLabel: this.h.label, call };
  }

  /** Codes from events/opColumns.ts. */
  protected opEvent(op: number, outcome: number, itemId = NONE, item?: string): void {
    ctx().emitter.op(this.h.id, op, outcome, itemId, this.q.size(), item);
  }

  empty(): boolean {
    return this.q.size() === 0;
  }

  close(): void {
    this.closedHere = true;
  }

  __repr__(): string {
    return `<multiprocessing.queues.${this.h.kind} object at ${fakeAddress(this)}>`;
  }
}

export class Queue extends BaseQueue {
  /** `revive` and `kind` are the runtime's (rebuilding a handle, JoinableQueue), not the snippet's. */
  constructor(maxsize: number | { maxsize?: number } = 0, revive: QueueHandle | null = null, kind: ObjKind = "Queue") {
    super(kind, maxsize, revive ?? undefined);
  }

  put(obj: unknown, block?: boolean | BlockOptions, timeout?: number | null): void {
    const ms = blockingWaitMs("put", [block, timeout], "raise");
    if (!this.putItem(obj, ms)) throw new Full();
  }

  get(block?: boolean | BlockOptions, timeout?: number | null): unknown {
    const r = this.getItem(blockingWaitMs("get", [block, timeout], "raise"));
    if (r === NOTHING) throw new Empty();
    return r;
  }

  put_nowait(obj: unknown): void {
    this.put(obj, false);
  }

  get_nowait(): unknown {
    return this.get(false);
  }

  qsize(): number {
    return this.q.size();
  }

  full(): boolean {
    return this.h.maxsize > 0 && this.q.size() >= this.h.maxsize;
  }

  join_thread(): void {
    if (!this.closedHere) throw new AssertionError(`Queue ${this.__repr__()} not closed`);
  }

  cancel_join_thread(): void {}
}

export class JoinableQueue extends Queue {
  private readonly tasks: ByteQueueTasks;

  constructor(maxsize: number | { maxsize?: number } = 0, revive: QueueHandle | null = null) {
    super(maxsize, revive, "JoinableQueue");
    this.tasks = new ByteQueueTasks(this.h.queue);
  }

  task_done(): void {
    syncPoint(Op.task_done, this.h.id);
    if (!this.tasks.taskDone()) throw new ValueError("task_done() called too many times");
    this.opEvent(Op.task_done, Outcome.ok);
  }

  join(): void {
    syncPoint(Op.join, this.h.id);
    waitAnnounced(
      null,
      this.waitTarget("join"),
      (wait) => this.tasks.join(wait),
      (done) => !done,
      () => "ok",
    );
  }
}

export class SimpleQueue extends BaseQueue {
  constructor(revive: QueueHandle | null = null) {
    super("SimpleQueue", 0, revive ?? undefined);
  }

  put(obj: unknown): void {
    this.putItem(obj, null);
  }

  get(): unknown {
    const r = this.getItem(null);
    if (r === NOTHING) throw new Empty();
    return r;
  }

  override empty(): boolean {
    this.checkClosed();
    return super.empty();
  }

  /** CPython's SimpleQueue is a pipe: once closed, every use says its handle is closed. */
  protected override checkClosed(): void {
    if (this.closedHere) throw new OSError("handle is closed");
  }
}

registerHandleKind("queue", (state) => {
  const h = state as QueueHandle;
  if (h.kind === "JoinableQueue") return new JoinableQueue(0, h);
  if (h.kind === "SimpleQueue") return new SimpleQueue(h);
  return new Queue(0, h);
});
