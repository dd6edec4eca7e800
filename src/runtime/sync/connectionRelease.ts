/**
 * What the kernel does for a process it kills, about the pipe ends that process held:
 * the OS closes a killed process's descriptors, so the peer's recv() sees EOF. Ends
 * come in two ways, counted in shared memory the process decrements as it closes them:
 * as Process arguments (a counter per handle, set up before the child starts) and
 * inside queue items or messages (a counter per pooled pipe end, in `poolHeld`).
 */
import { ByteQueue, type ByteQueueState } from "../share/byteQueue";
import type { ConnectionHandle } from "./connection";
import type { HandleDescription } from "./handles";
import { POOL_DUPLEX, sendQueueOf, type PooledPipe } from "./pipePool";

/** The connection handles a child was given, as the kernel keeps them to release at a kill. */
export type HeldConnections = ConnectionHandle[];

/** Kernel side, before a child starts: counts, per handle, the copies the child receives. */
export function holdConnections(handles: readonly HandleDescription[]): HeldConnections {
  const held = new Map<ConnectionHandle, number>();
  for (const d of handles)
    if (d.kind === "connection")
      held.set(d.state as ConnectionHandle, (held.get(d.state as ConnectionHandle) ?? 0) + 1);
  for (const [h, n] of held) {
    h.held = new SharedArrayBuffer(4);
    new Int32Array(h.held)[0] = n;
  }
  return [...held.keys()];
}

/**
 * Kernel side, when a child was killed: closes what it still held, so a peer's recv()
 * sees EOF as it would when the OS closes a killed process's pipe ends.
 */
export function releaseConnections(held: HeldConnections): void {
  for (const h of held) {
    if (h.held)
      release(
        new Int32Array(h.held),
        0,
        new Int32Array(h.pipe.refs),
        h.end,
        h.writable ? sendQueueOf(h.pipe.to1, h.pipe.to0, h.end) : null,
      );
  }
}

/** Kernel side, when a process was killed: closes the pooled pipe ends it received in queue items and still held. */
export function releaseTravellers(pool: readonly PooledPipe[], poolHeld: SharedArrayBuffer): void {
  const held = new Int32Array(poolHeld);
  pool.forEach((pooled, slot) => {
    const words = new Int32Array(pooled.words);
    const to0 = Atomics.load(words, POOL_DUPLEX) === 1 ? pooled.to0 : null;
    for (const end of [0, 1] as const) {
      // End 0 of a one-way pipe only reads.
      release(held, slot * 2 + end, words, end, end === 1 || to0 ? sendQueueOf(pooled.to1, to0, end) : null);
    }
  });
}

/**
 * Takes the dead process's count of an end (`held[at]`) off the end's open handles;
 * when none is left, closes the queue the end sends on (null: a read-only end sends on
 * nothing), as Connection.close does for the last handle.
 */
function release(held: Int32Array, at: number, refs: Int32Array, end: 0 | 1, sends: ByteQueueState | null): void {
  const n = Atomics.exchange(held, at, 0);
  if (n <= 0 || Atomics.sub(refs, end, n) !== n || !sends) return;
  new ByteQueue(sends).close(KILL_LOCK_TRIES);
}

/** About a millisecond of tries: the killed thread may have died holding the lock. */
const KILL_LOCK_TRIES = 100_000;
