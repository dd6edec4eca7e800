/**
 * How a queue or pipe call waits: first briefly and silently, then, if it must go
 * on waiting, announced on the timeline as blocked on the object (with the user's
 * line) until it ends. One mechanism for put, get and recv.
 */
import type { UnblockOutcome } from "../events/types";
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

/** The silent first part of a wait of `ms` (null: forever; 0: not at all). */
export function briefPart(ms: number | null): number {
  return ms === null ? BRIEF_WAIT_MS : Math.min(ms, BRIEF_WAIT_MS);
}

/** After the brief part found nothing: whether the wait goes on, announced. */
export function waitsOn(ms: number | null): boolean {
  return ms === null || ms > BRIEF_WAIT_MS;
}

/**
 * The rest of a wait of `ms` whose brief part found nothing (waitsOn(ms) was true),
 * announced: runs `attempt` for what is left, and `outcome` names how it ended.
 * Hot callers try the brief part themselves, so the common case (no wait, or a short
 * one) builds no closure and no target.
 */
export function waitAnnouncedRest<R>(
  ms: number | null,
  target: WaitTarget,
  attempt: (ms: number | null) => R,
  outcome: (r: R) => UnblockOutcome,
): R {
  const c = ctx();
  c.emit({ kind: "proc.block", on: { op: "obj", ...target, timeout: ms === null ? null : ms / 1000 } });
  const r = attempt(ms === null ? null : ms - BRIEF_WAIT_MS);
  c.emitter.emit({ kind: "proc.unblock", outcome: outcome(r) });
  return r;
}

/**
 * Runs `attempt` for a wait of `ms` (null: forever; 0: not at all). `mustWait`
 * says an attempt found nothing yet; `outcome` names how the announced wait ended.
 */
export function waitAnnounced<R>(
  ms: number | null,
  target: WaitTarget,
  attempt: (ms: number | null) => R,
  mustWait: (r: R) => boolean,
  outcome: (r: R) => UnblockOutcome,
): R {
  const first = attempt(briefPart(ms));
  if (!mustWait(first) || !waitsOn(ms)) return first;
  return waitAnnouncedRest(ms, target, attempt, outcome);
}
