/**
 * multiprocessing.Barrier over a shared core (share/barrierState.ts).
 *
 * Its records: ITEM is the number of what released the waiters (the core's EPOCH):
 * on the last arrival's `wait` that trips the barrier (VALUE parties - 1) and on the
 * `wait` of every process it released (VALUE: its arrival index), so the timeline can
 * draw an arrow from the tripping wait to each released one; likewise `reset`,
 * `abort`, a `wait` that timed out (outcome timeout) or whose action raised, and
 * every `wait` they broke (outcome error). SIZE is n_waiting after the operation.
 * The trip and every break or reset take their seq before any waiter can see them,
 * a released wait after it saw it (contract section 10).
 *
 * The action travels by name, as a Process target does (its handle carries the name;
 * the receiving process finds it at its module's top level), and runs in the process
 * whose arrival trips the barrier, as in CPython.
 */
import { BrokenBarrierError, TypeError, cantPickleByName } from "../lib/exceptions";
import { fakeAddress, pyTypeName } from "../lib/pyrepr";
import { intArg, keywordArgs, timeoutSeconds, timeoutWaitMs } from "../lib/options";
import { Op, Outcome } from "../events/opColumns";
import { ctx } from "../process/context";
import { syncPoint } from "../process/syncPoint";
import { BarrierState, type BarrierSleeper } from "../share/barrierState";
import { briefPart, waitsOn, type WaitTarget } from "./announcedWait";
import { HANDLE, registerHandleKind, type HandleDescription } from "./handles";

interface BarrierHandle {
  sab: SharedArrayBuffer;
  id: number;
  label: string;
  /** The action's name at the module's top level, or null. */
  action: string | null;
  /** The default timeout of `wait()`, in seconds. */
  timeout: number | null;
}

type Action = () => unknown;

const now = () => performance.now();

function actionName(f: Action): string {
  return f.name || "<lambda>";
}

/** A sleep that shows on the timeline as blocked on the barrier once it lasts. */
function announcedSleeper(target: WaitTarget, timeout: number | null): BarrierSleeper {
  return (w, index, seen, ms) => {
    const brief = briefPart(ms);
    if (Atomics.wait(w, index, seen, brief) !== "timed-out" || !waitsOn(ms)) return;
    const c = ctx();
    c.emit({ kind: "proc.block", on: { op: "obj", ...target, timeout } });
    const r = Atomics.wait(w, index, seen, ms === null ? undefined : ms - brief);
    c.emitter.emit({ kind: "proc.unblock", outcome: r === "timed-out" ? "timeout" : "ok" });
  };
}

export class Barrier {
  private readonly h: BarrierHandle;
  private readonly core: BarrierState;
  /** The action as given here, or (in a process that received the barrier) null until looked up by name. */
  private action: Action | null;

  constructor(
    parties?: number,
    action?: Action | null | { action?: Action | null; timeout?: number | null },
    timeout?: number | null,
    revive?: BarrierHandle,
  ) {
    if (revive) {
      this.h = revive;
      this.action = null;
    } else {
      if (parties === undefined)
        throw new TypeError("BaseContext.Barrier() missing 1 required positional argument: 'parties'");
      const n = intArg(parties);
      const opts = keywordArgs("Barrier", ["action", "timeout"], [action, timeout]);
      const act = opts.action ?? null;
      if (act !== null && typeof act !== "function") throw new TypeError(`'${pyTypeName(act)}' object is not callable`);
      const c = ctx();
      const id = c.control.nextObjectId();
      this.action = act as Action | null;
      this.h = {
        sab: BarrierState.create(n).sab,
        id,
        label: `Barrier-${id}`,
        action: this.action && actionName(this.action),
        timeout: timeoutSeconds(opts.timeout, "zero"),
      };
      c.emit({ kind: "obj.create", objId: id, objKind: "Barrier", label: this.h.label, parties: n });
    }
    this.core = new BarrierState(this.h.sab);
  }

  /** CPython's Barrier pickles its Condition, hence the word in its RuntimeError. */
  get __mp_kind__(): string {
    return "Condition";
  }

  get __mp_label__(): string {
    return this.h.label;
  }

  /** The action, as this process knows it: its own, or the one its module defines by that name. */
  private actionHere(): Action | null {
    const name = this.h.action;
    if (this.action === null && name !== null) this.action = ctx().lookup(name) as Action;
    return this.action;
  }

  [HANDLE](): HandleDescription {
    const action = this.actionHere();
    if (action && ctx().lookup(actionName(action)) !== action)
      throw cantPickleByName(`<function ${actionName(action)}>`, actionName(action));
    return { kind: "barrier", state: this.h };
  }

  get parties(): number {
    return this.core.parties;
  }

  get n_waiting(): number {
    return this.core.nWaiting();
  }

  get broken(): boolean {
    return this.core.broken();
  }

  wait(timeout?: number | null | { timeout?: number | null }): number {
    const c = ctx();
    syncPoint(Op.wait, this.h.id, c);
    const given = timeoutWaitMs("wait", [timeout]);
    const ms = given ?? (this.h.timeout === null ? null : this.h.timeout * 1000);
    const action = this.actionHere();
    const line = c.loc.line;
    const run = action
      ? () => {
          try {
            action();
          } finally {
            c.loc.line = line;
          }
        }
      : null;
    const sleeper = announcedSleeper(this.target("wait"), ms === null ? null : ms / 1000);
    const r = this.core.wait(ms, now, c.emitter, sleeper, run);
    const ok = r.kind === "ok";
    const outcome = ok ? Outcome.ok : r.kind === "timeout" ? Outcome.timeout : Outcome.error;
    c.emitter.op(this.h.id, Op.wait, outcome, r.epoch, this.core.nWaiting(), undefined, ok ? r.index : Number.NaN);
    if (r.kind === "ok") return r.index;
    if (r.kind === "action") throw r.error;
    throw new BrokenBarrierError();
  }

  reset(): void {
    const c = ctx();
    syncPoint(Op.reset, this.h.id, c);
    const epoch = this.core.reset(c.emitter, announcedSleeper(this.target("reset"), null));
    c.emitter.op(this.h.id, Op.reset, Outcome.ok, epoch, this.core.nWaiting());
  }

  abort(): void {
    const c = ctx();
    syncPoint(Op.abort, this.h.id, c);
    const epoch = this.core.abort(c.emitter, announcedSleeper(this.target("abort"), null));
    c.emitter.op(this.h.id, Op.abort, Outcome.ok, epoch, this.core.nWaiting());
  }

  private target(call: string): WaitTarget {
    return { objId: this.h.id, objLabel: this.h.label, call };
  }

  toString(): string {
    return this.__repr__();
  }

  __repr__(): string {
    const at = `<multiprocessing.synchronize.Barrier at ${fakeAddress(this)}`;
    return this.broken ? `${at}: broken>` : `${at}: waiters=${this.n_waiting}/${this.parties}>`;
  }
}

registerHandleKind("barrier", (state) => new Barrier(undefined, undefined, undefined, state as BarrierHandle));
