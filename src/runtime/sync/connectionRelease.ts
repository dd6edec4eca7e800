/**
 * What the kernel does for a process it kills, about the pipe ends that process held:
 * the OS closes a killed process's descriptors, so the peer's recv() sees EOF. Ends
 * come in two ways, counted in shared memory the process decrements as it closes them:
 * as Process arguments (a counter per handle, set up before the child starts) and
 * inside queue items or messages (a counter per pooled pipe end, in `poolHeld`).
 */
import { ByteQueue } from "../share/byteQueue";
import type { ConnectionHandle } from "./connection";
import type { HandleDescription } from "./handles";
import { POOL_DUPLEX, type PooledPipe } from "./pipePool";

/** The connection handles a child was given, as the kernel keeps them to release at a kill. */
export type HeldConnections = ConnectionHandle[];

/** Kernel side, before a child starts: counts, per handle, the copies the child receives. */
export function holdConnections(handles: readonly HandleDescription[]): HeldConnections {
  const held = new Map<ConnectionHandle, number>();
  for (const d of handles) if (d.kind === "connection") held.set(d.state as ConnectionHandle, (held.get(d.state as ConnectionHandle) ?? 0) + 1);
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
    if (!h.held) continue;
    const n = Atomics.exchange(new Int32Array(h.held), 0, 0);
    if (n <= 0) continue;
    // A read-only end sends on nothing: its count goes, and no queue closes.
    if (Atomics.sub(new Int32Array(h.pipe.refs), h.end, n) !== n || !h.writable) continue;
    const { to1, to0 } = h.pipe;
    new ByteQueue(h.end === 0 ? to1 : to0 ?? to1).close(KILL_LOCK_TRIES);
  }
}

/** Kernel side, when a process was killed: closes the pooled pipe ends it received in queue items and still held. */
export function releaseTravellers(pool: readonly PooledPipe[], poolHeld: SharedArrayBuffer): void {
  const held = new Int32Array(poolHeld);
  pool.forEach((pooled, slot) => {
    const words = new Int32Array(pooled.words);
    const duplex = Atomics.load(words, POOL_DUPLEX) === 1;
    for (const end of [0, 1] as const) {
      const n = Atomics.exchange(held, slot * 2 + end, 0);
      if (n <= 0) continue;
      const writable = end === 1 || duplex;
      if (Atomics.sub(words, end, n) !== n || !writable) continue;
      new ByteQueue(end === 0 ? pooled.to1 : duplex ? pooled.to0 : pooled.to1).close(KILL_LOCK_TRIES);
    }
  });
}

/** About a millisecond of tries: the killed thread may have died holding the lock. */
const KILL_LOCK_TRIES = 100_000;
