/**
 * How a queue or pipe call waits: first briefly and silently, then, if it must go
 * on waiting, announced on the timeline as blocked on the object (with the user's
 * line) until it ends. One mechanism for put, get and recv.
 */
import type { UnblockOutcome } from "../events";
import { ctx } from "../process/context";

/**
 * A wait shorter than this is not shown as blocking: at the timeline's scale it is
 * invisible, and announcing it (two events and a look at the stack) would cost more
 * than the wait itself in a tight ping-pong.
 */
const BRIEF_WAIT_MS = 0.2;

export interface WaitTarget {
  objId: number;
  objLabel: string;
  call: string;
}

/**
 * Runs `attempt` for a wait of `ms` (null: forever; 0: not at all). `mustWait`
 * says an attempt found nothing yet; `outcome` names how the announced wait ended.
 */
export function waitAnnounced<R>(ms: number | null, target: WaitTarget, attempt: (ms: number | null) => R, mustWait: (r: R) => boolean, outcome: (r: R) => UnblockOutcome): R {
  const brief = ms === null ? BRIEF_WAIT_MS : Math.min(ms, BRIEF_WAIT_MS);
  const first = attempt(brief);
  if (!mustWait(first) || (ms !== null && ms <= brief)) return first;
  const c = ctx();
  c.emit({ kind: "proc.block", on: { op: "obj", ...target, timeout: ms === null ? null : ms / 1000 } });
  const r = attempt(ms === null ? null : ms - brief);
  c.emitter.emit({ kind: "proc.unblock", outcome: outcome(r) });
  return r;
}
