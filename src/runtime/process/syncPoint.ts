/**
 * The one choke point. Every synchronising or blocking call of a snippet (start, join,
 * sleep, put/get, send/recv/poll, acquire/release, wait/set/notify, a shared Value's
 * read and write, and Pool's internal waits) calls `syncPoint` before it acts, so
 * that a run can be stopped, paused and stepped there, and so that no call blocks
 * behind the steering's back.
 *
 * In a free run the mode word is 0 and a sync point is one atomic load (~1 ns),
 * which is why it takes numbers, not a description object: the queue and pipe rows
 * of `npm run bench` must not move. The op code and object say what the process is
 * about to do, for a controlled run's scheduler and narration.
 */
import { ctx, type ProcessContext } from "./context";

export function syncPoint(op: number, objId: number, c: ProcessContext = ctx()): void {
  if (c.control.mode() === 0) return;
  slowSyncPoint(c, op, objId);
}

function slowSyncPoint(c: ProcessContext, _op: number, _objId: number): void {
  c.control.haltIfStopped(c.pid);
}
