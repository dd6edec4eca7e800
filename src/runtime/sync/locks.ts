/**
 * Lock, RLock, Semaphore and BoundedSemaphore: CPython's SemLock family over one
 * shared-memory semaphore each (share/semLock.ts).
 *
 * Every call passes the choke point first (process/syncPoint.ts). An acquire is a
 * consumer: it takes its seq after it holds the permit. A release publishes: it takes
 * its seq before the permit is visible. So in seq order no lock ever has two holders
 * and a semaphore's count never goes below zero. An acquire's record names the
 * release that let it through (ITEM), and carries the count after it (SIZE).
 */
import { AssertionError, OSError, ValueError } from "../lib/exceptions";
import { blockingWaitMs, intArg, keywordArgs, type BlockOptions } from "../lib/options";
import { Op, Outcome } from "../events/opColumns";
import type { ObjKind } from "../events/types";
import { ctx } from "../process/context";
import { syncPoint } from "../process/syncPoint";
import { SEM_VALUE_MAX, SemKind, SemLock } from "../share/semLock";
import { waitAnnounced } from "./announcedWait";
import { HANDLE, registerHandleKind, type HandleDescription } from "./handles";

interface SemHandle {
  sab: SharedArrayBuffer;
  id: number;
  label: string;
}

const KIND_NAMES: Record<SemKind, ObjKind> = {
  [SemKind.Lock]: "Lock",
  [SemKind.RLock]: "RLock",
  [SemKind.Semaphore]: "Semaphore",
  [SemKind.BoundedSemaphore]: "BoundedSemaphore",
};

const now = () => performance.now();

function createHandle(kind: SemKind, value: number, max: number): SemHandle {
  const c = ctx();
  const id = c.control.nextObjectId();
  const objKind = KIND_NAMES[kind];
  const h = { sab: SemLock.create(kind, value, max).sab, id, label: `${objKind}-${id}` };
  const isSemaphore = kind === SemKind.Semaphore || kind === SemKind.BoundedSemaphore;
  c.emit({ kind: "obj.create", objId: id, objKind, label: h.label, ...(isSemaphore ? { value } : {}) });
  return h;
}

/** What CPython's SemLock reprs call a holder: this process by name, or another. */
function holderName(pid: number): string {
  if (pid === 0) return "None";
  const c = ctx();
  return pid === c.pid ? c.current.name : "SomeOtherProcess";
}

/** What a lock is to code that takes one: Lock, RLock, Semaphore or BoundedSemaphore. */
export abstract class SemLockBase {
  protected readonly h: SemHandle;
  protected readonly sem: SemLock;

  protected constructor(h: SemHandle) {
    this.h = h;
    this.sem = new SemLock(h.sab);
  }

  get __mp_kind__(): string {
    return KIND_NAMES[this.sem.kind];
  }

  /** The label the timeline shows (`Lock-1`). */
  get __mp_label__(): string {
    return this.h.label;
  }

  /** The object id its events carry (a Condition's or a Value's `obj.create` names its lock by it). */
  get __mp_id__(): number {
    return this.h.id;
  }

  [HANDLE](): HandleDescription {
    return { kind: "semlock", state: this.h };
  }

  acquire(block?: boolean | BlockOptions, timeout?: number | null): boolean {
    const c = ctx();
    syncPoint(Op.acquire, this.h.id, c);
    // `with_(lock, ...)` calls acquire() bare: no options to parse (a parse allocates twice).
    const ms =
      block === undefined && timeout === undefined ? null : blockingWaitMs("acquire", [block, timeout], "zero");
    if (this.reenter(c.pid)) return true;
    const sem = this.sem;
    const got = sem.tryAcquire(c.pid)
      ? true
      : ms === 0
        ? false
        : waitAnnounced(
            ms,
            { objId: this.h.id, objLabel: this.h.label, call: "acquire" },
            (left) => sem.acquireWithin(c.pid, left, now),
            (ok) => !ok,
            (ok) => (ok ? "ok" : "timeout"),
          );
    if (got) this.entered();
    const outcome = got ? Outcome.ok : ms === 0 ? Outcome.busy : Outcome.timeout;
    c.emitter.op(this.h.id, Op.acquire, outcome, got ? sem.releases() : -1, sem.value());
    return got;
  }

  release(): void {
    const c = ctx();
    syncPoint(Op.release, this.h.id, c);
    if (this.leave(c.pid)) return;
    const number = this.sem.release(c.emitter);
    if (number === 0) {
      c.emitter.op(this.h.id, Op.release, Outcome.error, -1, this.sem.value());
      throw new ValueError("semaphore or lock released too many times");
    }
    c.emitter.op(this.h.id, Op.release, Outcome.ok, number, this.sem.value());
  }

  /**
   * The lock a Value's or Array's own read or write takes, as CPython's Synchronized
   * wrapper takes it around every access (`with self._lock:`), but without an
   * operation of its own on the timeline. An RLock this process holds is re-entered:
   * false, nothing to let go. Any other holder is waited for, announced as an acquire,
   * as in CPython; so with `lock: new Lock()`, `with_(v.get_lock(), () => { v.value += 1 })`
   * waits for itself forever, as it does in CPython.
   */
  holdForAccess(pid: number): boolean {
    const sem = this.sem;
    if (sem.kind === SemKind.RLock && sem.owner() === pid && sem.value() === 0) return false;
    if (sem.tryAcquire(pid)) return true;
    waitAnnounced(
      null,
      { objId: this.h.id, objLabel: this.h.label, call: "acquire" },
      (left) => sem.acquireWithin(pid, left, now),
      (ok) => !ok,
      () => "ok",
    );
    return true;
  }

  /** Ends a `holdForAccess` that returned true. */
  letGoAfterAccess(): void {
    this.sem.release(null);
  }

  /** An RLock's owner acquiring again: true when handled without the semaphore. */
  protected reenter(_pid: number): boolean {
    return false;
  }

  protected entered(): void {}

  /** An RLock's inner release: true when the lock is still held after it. */
  protected leave(_pid: number): boolean {
    return false;
  }

  /**
   * How deep this process holds the lock, 0 when it does not: CPython's
   * `_semlock._is_mine()` and `_count()`, which Condition asks.
   */
  ownDepth(): number {
    const sem = this.sem;
    if (sem.value() > 0 || sem.owner() !== ctx().pid) return 0;
    return sem.kind === SemKind.RLock ? sem.depth() : 1;
  }

  /**
   * Condition.wait: gives the lock up however deep it is held, as one release (where
   * CPython releases `_count()` times: the same effect, one event), so another
   * process can take it; `restoreDepth` takes it back.
   */
  releaseFully(): void {
    if (this.sem.kind === SemKind.RLock) this.sem.setDepth(1);
    this.release();
  }

  restoreDepth(depth: number): void {
    this.acquire();
    if (this.sem.kind === SemKind.RLock) this.sem.setDepth(depth);
  }

  __enter__(): boolean {
    return this.acquire();
  }

  __exit__(): void {
    this.release();
  }

  toString(): string {
    return this.__repr__();
  }

  abstract __repr__(): string;
}

export class Lock extends SemLockBase {
  constructor(revive?: SemHandle) {
    super(revive ?? createHandle(SemKind.Lock, 1, 1));
  }

  __repr__(): string {
    return `<Lock(owner=${this.sem.value() > 0 ? "None" : holderName(this.sem.owner())})>`;
  }
}

export class RLock extends SemLockBase {
  constructor(revive?: SemHandle) {
    super(revive ?? createHandle(SemKind.RLock, 1, 1));
  }

  protected override reenter(pid: number): boolean {
    if (this.sem.owner() !== pid || this.sem.value() > 0) return false;
    this.sem.setDepth(this.sem.depth() + 1);
    ctx().emitter.op(this.h.id, Op.acquire, Outcome.ok, -1, 0, undefined, this.sem.depth());
    return true;
  }

  protected override entered(): void {
    this.sem.setDepth(1);
  }

  protected override leave(pid: number): boolean {
    if (this.sem.owner() !== pid || this.sem.value() > 0) {
      ctx().emitter.op(this.h.id, Op.release, Outcome.error, -1, this.sem.value());
      throw new AssertionError("attempt to release recursive lock not owned by thread");
    }
    const depth = this.sem.depth() - 1;
    this.sem.setDepth(depth);
    if (depth === 0) return false;
    ctx().emitter.op(this.h.id, Op.release, Outcome.ok, -1, 0, undefined, depth);
    return true;
  }

  __repr__(): string {
    const held = this.sem.value() === 0;
    const owner = held ? holderName(this.sem.owner()) : "None";
    const depth = held ? (owner === "SomeOtherProcess" ? "nonzero" : String(this.sem.depth())) : "0";
    return `<RLock(${owner}, ${depth})>`;
  }
}

function semaphoreValue(value: unknown): number {
  const n = intArg(value ?? 1);
  if (n < 0) throw new OSError(22, "Invalid argument");
  return n;
}

export class Semaphore extends SemLockBase {
  constructor(value?: number | { value?: number }, revive?: SemHandle) {
    super(
      revive ??
        createHandle(
          SemKind.Semaphore,
          semaphoreValue(keywordArgs("Semaphore", ["value"], [value]).value),
          SEM_VALUE_MAX,
        ),
    );
  }

  get_value(): number {
    return this.sem.value();
  }

  __repr__(): string {
    return `<Semaphore(value=${this.sem.value()})>`;
  }
}

export class BoundedSemaphore extends SemLockBase {
  constructor(value?: number | { value?: number }, revive?: SemHandle) {
    const n = revive ? 0 : semaphoreValue(keywordArgs("BoundedSemaphore", ["value"], [value]).value);
    super(revive ?? createHandle(SemKind.BoundedSemaphore, n, n));
  }

  get_value(): number {
    return this.sem.value();
  }

  __repr__(): string {
    return `<BoundedSemaphore(value=${this.sem.value()}, maxvalue=${this.sem.max})>`;
  }
}

registerHandleKind("semlock", (state) => {
  const h = state as SemHandle;
  switch (new SemLock(h.sab).kind) {
    case SemKind.Lock:
      return new Lock(h);
    case SemKind.RLock:
      return new RLock(h);
    case SemKind.Semaphore:
      return new Semaphore(undefined, h);
    case SemKind.BoundedSemaphore:
      return new BoundedSemaphore(undefined, h);
  }
});
