/**
 * Pipes made ahead, so that a Connection can travel through a queue or a pipe.
 *
 * Why: a Connection is two byte queues in SharedArrayBuffers, and a worker can only
 * receive a SharedArrayBuffer in a message, which a process busy in its (synchronous)
 * program never reads. So the kernel makes a run's first PIPE_POOL_SIZE pipes before
 * the run starts and hands them to every process in its start message; `Pipe()` takes
 * the next one (a shared counter), and a Connection sent through a queue travels as
 * its slot number, which every process can open. A run that makes more pipes than
 * that still has working pipes; only those beyond the pool cannot be sent.
 */
import { ByteQueue, type ByteQueueState } from "../share/byteQueue";

export const PIPE_POOL_SIZE = 16;
/**
 * Each direction of a pooled pipe grows to at most this. Only reserved (address
 * space), but 32 queues a run: a quarter of a plain queue's 1 GiB keeps a run's pool
 * at 8 GiB of reservations while a 200 MB message still fits.
 */
const POOLED_MAX_BYTES = 256 * 1024 * 1024;

/** One pooled pipe: both directions, and Int32 [open handles of end 0, of end 1, object id, duplex]. */
export interface PooledPipe {
  to1: ByteQueueState;
  to0: ByteQueueState;
  words: SharedArrayBuffer;
}

export const POOL_REFS = 0;
export const POOL_ID = 2;
export const POOL_DUPLEX = 3;

/**
 * The queue a pipe end sends on: end 0 on `to1`, end 1 on `to0`, or on `to1` when the
 * pipe is one-way (`to0` null: end 1 writes, end 0 reads).
 */
export function sendQueueOf(to1: ByteQueueState, to0: ByteQueueState | null, end: 0 | 1): ByteQueueState {
  return end === 0 ? to1 : (to0 ?? to1);
}

/** Kernel side, at run start: the pool, or none when the program never mentions Pipe. */
export function createPipePool(source: string): PooledPipe[] {
  if (!/\bPipe\b/.test(source)) return [];
  const pool: PooledPipe[] = [];
  for (let i = 0; i < PIPE_POOL_SIZE; i++) {
    pool.push({
      to1: ByteQueue.create({ maxBytes: POOLED_MAX_BYTES }),
      to0: ByteQueue.create({ maxBytes: POOLED_MAX_BYTES }),
      words: new SharedArrayBuffer(16),
    });
  }
  return pool;
}
