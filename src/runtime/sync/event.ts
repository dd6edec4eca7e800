/**
 * multiprocessing.Event over one shared flag (share/eventFlag.ts).
 *
 * Its records: ITEM is the number of the set that raised the flag, on the `set` and
 * on every `wait` that returned because of it (the timeline draws set → wait as it
 * draws put → get); a `set` of a flag already up, a `clear` and a timed-out `wait`
 * carry none. SIZE is the flag after the operation, 1 or 0. A set takes its seq
 * before the flag is visible, a wait after it saw it (contract section 10).
 */
import { fakeAddress } from "../lib/pyrepr";
import { timeoutWaitMs } from "../lib/options";
import { NONE, Op, Outcome } from "../events/opColumns";
import { ctx } from "../process/context";
import { syncPoint } from "../process/syncPoint";
import { EventFlag, NO_SET } from "../share/eventFlag";
import { waitAnnounced } from "./announcedWait";
import { HANDLE, registerHandleKind, type HandleDescription } from "./handles";

interface EventHandle {
  sab: SharedArrayBuffer;
  id: number;
  label: string;
}

const now = () => performance.now();

export class Event {
  private readonly h: EventHandle;
  private readonly flag: EventFlag;

  constructor(revive?: EventHandle) {
    if (revive) this.h = revive;
    else {
      const c = ctx();
      const id = c.control.nextObjectId();
      this.h = { sab: EventFlag.create().sab, id, label: `Event-${id}` };
      c.emit({ kind: "obj.create", objId: id, objKind: "Event", label: this.h.label });
    }
    this.flag = new EventFlag(this.h.sab);
  }

  /** CPython's Event pickles its Condition first, hence the word in its RuntimeError. */
  get __mp_kind__(): string {
    return "Condition";
  }

  get __mp_label__(): string {
    return this.h.label;
  }

  [HANDLE](): HandleDescription {
    return { kind: "event", state: this.h };
  }

  is_set(): boolean {
    return this.flag.isSet();
  }

  set(): void {
    const c = ctx();
    syncPoint(Op.set, this.h.id, c);
    const n = this.flag.set(c.emitter);
    c.emitter.op(this.h.id, Op.set, Outcome.ok, n, 1);
  }

  clear(): void {
    const c = ctx();
    syncPoint(Op.clear, this.h.id, c);
    this.flag.clear(c.emitter);
    c.emitter.op(this.h.id, Op.clear, Outcome.ok, NONE, 0);
  }

  wait(timeout?: number | null | { timeout?: number | null }): boolean {
    const c = ctx();
    syncPoint(Op.wait, this.h.id, c);
    const ms = timeoutWaitMs("wait", [timeout]);
    const flag = this.flag;
    const since = flag.sets();
    let n = flag.current();
    if (n === NO_SET && ms !== 0)
      n = waitAnnounced(
        ms,
        { objId: this.h.id, objLabel: this.h.label, call: "wait" },
        (left) => flag.waitSet(since, left, now),
        (got) => got === NO_SET,
        (got) => (got === NO_SET ? "timeout" : "ok"),
      );
    const ok = n !== NO_SET;
    c.emitter.op(this.h.id, Op.wait, ok ? Outcome.ok : Outcome.timeout, n, ok ? 1 : 0);
    return ok;
  }

  toString(): string {
    return this.__repr__();
  }

  __repr__(): string {
    return `<Event at ${fakeAddress(this)} ${this.is_set() ? "set" : "unset"}>`;
  }
}

registerHandleKind("event", (state) => new Event(state as EventHandle));
