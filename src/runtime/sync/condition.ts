/**
 * multiprocessing.Condition: a Lock or RLock (sync/locks.ts) and a shared waiting room
 * (share/condVar.ts).
 *
 * Its records: ITEM is the notify's number, on the `notify`/`notify_all` and on every
 * `wait` it woke (the timeline draws notify → wait as it draws put → get); a wait that
 * timed out and `wait_for` carry none. SIZE is how many processes still wait after
 * the operation; a notify's VALUE is how many it woke. A notify takes its seq before
 * any waiter can see it, a wait after it holds the lock again (contract section 10).
 * The lock's own release and re-acquire inside `wait` are the lock's records.
 */
import { AssertionError, TypeError } from "../lib/exceptions";
import { pyTypeName } from "../lib/pyrepr";
import { keywordArgs, timeoutWaitMs, type BlockOptions } from "../lib/options";
import { ProcState } from "../control";
import { NONE, Op, Outcome } from "../events/opColumns";
import { ctx } from "../process/context";
import { syncPoint } from "../process/syncPoint";
import { CondVar, NOT_NOTIFIED } from "../share/condVar";
import { waitAnnounced } from "./announcedWait";
import { HANDLE, handleOf, registerHandleKind, reviveHandle, type HandleDescription } from "./handles";
import { Lock, RLock } from "./locks";

interface ConditionHandle {
  sab: SharedArrayBuffer;
  id: number;
  label: string;
  lock: HandleDescription;
}

type TimeoutArg = number | null | { timeout?: number | null };

const now = () => performance.now();

export class Condition {
  private readonly h: ConditionHandle;
  private readonly lock: Lock | RLock;
  private readonly cv: CondVar;

  constructor(lock?: Lock | RLock | null | { lock?: Lock | RLock | null }, revive?: ConditionHandle) {
    const c = ctx();
    if (revive) {
      this.h = revive;
      this.lock = reviveHandle(revive.lock.kind, revive.lock.state) as Lock | RLock;
    } else {
      const given = keywordArgs("Condition", ["lock"], [lock]).lock;
      if (given && !(given instanceof Lock || given instanceof RLock))
        throw new TypeError(`Condition() needs a Lock or an RLock, not '${pyTypeName(given)}'`);
      this.lock = (given as Lock | RLock | null | undefined) || new RLock();
      const id = c.control.nextObjectId();
      const handle = handleOf(this.lock);
      if (!handle) throw new Error("a lock without a handle");
      this.h = { sab: CondVar.create().sab, id, label: `Condition-${id}`, lock: handle };
      c.emit({ kind: "obj.create", objId: id, objKind: "Condition", label: this.h.label, lockId: this.lock.__mp_id__ });
    }
    this.cv = new CondVar(this.h.sab, (pid) => c.control.state(pid) === ProcState.Exited);
  }

  get __mp_kind__(): string {
    return "Condition";
  }

  get __mp_label__(): string {
    return this.h.label;
  }

  [HANDLE](): HandleDescription {
    return { kind: "condition", state: this.h };
  }

  acquire(block?: boolean | BlockOptions, timeout?: number | null): boolean {
    return this.lock.acquire(block, timeout);
  }

  release(): void {
    this.lock.release();
  }

  __enter__(): boolean {
    return this.lock.__enter__();
  }

  __exit__(): void {
    this.lock.__exit__();
  }

  wait(timeout?: TimeoutArg): boolean {
    const c = ctx();
    syncPoint(Op.wait, this.h.id, c);
    const depth = this.lock.ownDepth();
    if (depth === 0) this.refuse(Op.wait, "must acquire() condition before using wait()");
    const ms = timeoutWaitMs("wait", [timeout]);
    const cv = this.cv;
    const slot = cv.enqueue(c.pid);
    this.lock.releaseFully();
    let id = waitAnnounced(
      ms,
      { objId: this.h.id, objLabel: this.h.label, call: "wait" },
      (left) => cv.sleep(slot, left, now),
      (n) => n === NOT_NOTIFIED,
      (n) => (n === NOT_NOTIFIED ? "timeout" : "ok"),
    );
    if (id === NOT_NOTIFIED) id = cv.cancel(slot);
    cv.leave(slot);
    this.lock.restoreDepth(depth);
    const ok = id !== NOT_NOTIFIED;
    c.emitter.op(this.h.id, Op.wait, ok ? Outcome.ok : Outcome.timeout, ok ? id : NONE, cv.waiting());
    return ok;
  }

  /** CPython's wait_for: `wait()` until `predicate()` is truthy or the time is up; returns its last value. */
  wait_for<R>(predicate: () => R, timeout?: TimeoutArg): R {
    const c = ctx();
    syncPoint(Op.wait_for, this.h.id, c);
    const ms = timeoutWaitMs("wait_for", [timeout]);
    const line = c.loc.line;
    const check = (): R => {
      try {
        return predicate();
      } finally {
        c.loc.line = line;
      }
    };
    const deadline = ms === null ? null : now() + ms;
    let result = check();
    while (!result) {
      const left = deadline === null ? null : deadline - now();
      if (left !== null && left <= 0) break;
      this.wait(left === null ? null : left / 1000);
      result = check();
    }
    c.emitter.op(this.h.id, Op.wait_for, result ? Outcome.ok : Outcome.timeout, NONE, this.cv.waiting());
    return result;
  }

  notify(n?: number | { n?: number }): void {
    this.wake(Op.notify, () => {
      const count = keywordArgs("notify", ["n"], [n]).n ?? 1;
      if (typeof count !== "number")
        throw new TypeError(`'<' not supported between instances of 'int' and '${pyTypeName(count)}'`);
      return count;
    });
  }

  notify_all(): void {
    this.wake(Op.notify_all, () => Infinity);
  }

  /** `count` reads the argument once the lock is known to be held, as CPython compares it only then. */
  private wake(op: number, count: () => number): void {
    const c = ctx();
    syncPoint(op, this.h.id, c);
    if (this.lock.ownDepth() === 0) this.refuse(op, "lock is not owned");
    const { id, woken } = this.cv.notify(count(), c.emitter);
    c.emitter.op(this.h.id, op, Outcome.ok, id, this.cv.waiting(), undefined, woken);
  }

  private refuse(op: number, message: string): never {
    ctx().emitter.op(this.h.id, op, Outcome.error, NONE, this.cv.waiting());
    throw new AssertionError(message);
  }

  toString(): string {
    return this.__repr__();
  }

  __repr__(): string {
    return `<Condition(${this.lock.__repr__()}, ${this.cv.waiting()})>`;
  }
}

registerHandleKind("condition", (state) => new Condition(undefined, state as ConditionHandle));
