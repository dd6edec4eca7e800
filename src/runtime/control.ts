/**
 * The run's control block: one SharedArrayBuffer that every process of a run maps.
 *
 * It holds the counters that must be global (event sequence, pids, live processes,
 * object ids) and the process table (state and exit code per pid), so that `join`,
 * `is_alive` and `exitcode` are plain Atomics reads and waits on the caller's own
 * thread: no message to anyone.
 */

export const MAX_LIVE_PROCESSES = 64;
/** Processes one run may create in all (pids are never reused within a run). */
export const MAX_PROCESSES_PER_RUN = 16384;
export const FIRST_PID = 4201;

/**
 * Taken by every event of every process: alone in its 64-byte cache line, so that
 * taking it does not also evict the words every event only reads (MODE, the
 * process table) from the other cores' caches.
 */
const SEQ = 0;
const NEXT_PID = 16;
const LIVE = 17;
const NEXT_OBJ = 18;
/**
 * How the run is steered, read by every sync point (process/syncPoint.ts): 0 for a
 * free run, so the choke point costs one atomic load; otherwise MODE_* bits.
 */
const MODE = 19;
/** Stop: every process halts at its next event, sync point or wake-up. */
export const MODE_STOPPED = 1;
/** Never changes: a halted process waits on it until its worker is terminated. */
const HALT = 20;
/** Pipes made so far: the first ones take the run's pooled pipes (sync/pipePool.ts). */
const NEXT_PIPE = 21;
/** Bumped by the kernel at every drain: an emitter's cached clock is never older than one tick (events/emitter.ts). */
const TICK = 22;
const TABLE = 32;

export const enum ProcState {
  Unused = 0,
  Starting = 1,
  Running = 2,
  Exited = 3,
}

/** Sentinel for "no exit code yet" in the table. */
const NO_CODE = -0x7fffffff;

export function createControl(): SharedArrayBuffer {
  const sab = new SharedArrayBuffer((TABLE + MAX_PROCESSES_PER_RUN * 2) * 4);
  const a = new Int32Array(sab);
  for (let i = 0; i < MAX_PROCESSES_PER_RUN; i++) a[TABLE + i * 2 + 1] = NO_CODE;
  return sab;
}

export class Control {
  readonly a: Int32Array;
  constructor(readonly sab: SharedArrayBuffer) {
    this.a = new Int32Array(sab);
  }

  /** Next global event sequence number. */
  nextSeq(): number {
    return Atomics.add(this.a, SEQ, 1);
  }
  peekSeq(): number {
    return Atomics.load(this.a, SEQ);
  }

  tick(): number {
    return Atomics.load(this.a, TICK);
  }

  /** The kernel's drain: every process reads the clock afresh at its next event. */
  bumpTick(): void {
    Atomics.add(this.a, TICK, 1);
  }

  /** Allocates a pid, or null when the run has used up its process table. */
  allocPid(): number | null {
    const n = Atomics.add(this.a, NEXT_PID, 1);
    if (n >= MAX_PROCESSES_PER_RUN) return null;
    return FIRST_PID + n;
  }

  nextObjectId(): number {
    return Atomics.add(this.a, NEXT_OBJ, 1) + 1;
  }

  nextPipeSlot(): number {
    return Atomics.add(this.a, NEXT_PIPE, 1);
  }

  /** Reserves a live-process slot; false when MAX_LIVE_PROCESSES are alive. */
  reserveLive(): boolean {
    for (;;) {
      const n = Atomics.load(this.a, LIVE);
      if (n >= MAX_LIVE_PROCESSES) return false;
      if (Atomics.compareExchange(this.a, LIVE, n, n + 1) === n) return true;
    }
  }

  /** Stop: from now on no process runs another line of the user's code. */
  stopAll(): void {
    Atomics.or(this.a, MODE, MODE_STOPPED);
  }

  /**
   * Worker termination is asynchronous: a process woken because Stop or a signal
   * marked others exited could otherwise run on (return from join, print) for a
   * moment. Every process calls this at each event and each wake-up; once the run is
   * stopping or the process itself was marked exited from outside, it waits here
   * until its worker is gone.
   */
  haltIfEnded(pid: number): void {
    if (Atomics.load(this.a, MODE) === 0 && Atomics.load(this.a, this.stateIndex(pid)) !== ProcState.Exited) return;
    this.haltIfStopped(pid);
  }

  /** The run's mode word: 0 in a free run. One load, the whole cost of a free run's sync point. */
  mode(): number {
    return Atomics.load(this.a, MODE);
  }

  /** A sync point's slow path; the mode is not free. Stop halts here; issue 11's scheduler will park here. */
  haltIfStopped(pid: number): void {
    if ((Atomics.load(this.a, MODE) & MODE_STOPPED) === 0 && this.state(pid) !== ProcState.Exited) return;
    for (;;) Atomics.wait(this.a, HALT, 0);
  }

  private stateIndex(pid: number): number {
    return TABLE + (pid - FIRST_PID) * 2;
  }

  state(pid: number): ProcState {
    return Atomics.load(this.a, this.stateIndex(pid)) as ProcState;
  }

  exitCode(pid: number): number | null {
    const c = Atomics.load(this.a, this.stateIndex(pid) + 1);
    return c === NO_CODE ? null : c;
  }

  setState(pid: number, state: ProcState.Starting | ProcState.Running): void {
    Atomics.store(this.a, this.stateIndex(pid), state);
    Atomics.notify(this.a, this.stateIndex(pid));
  }

  /**
   * Records an exit exactly once (the process itself, or the kernel for a killed
   * worker, whichever comes first) and wakes every joiner. Returns false if the
   * process had already exited.
   */
  markExited(pid: number, code: number): boolean {
    const i = this.stateIndex(pid);
    for (;;) {
      const s = Atomics.load(this.a, i);
      if (s === ProcState.Exited) return false;
      if (Atomics.compareExchange(this.a, i, s, ProcState.Exited) === s) break;
    }
    Atomics.store(this.a, i + 1, code);
    Atomics.sub(this.a, LIVE, 1);
    Atomics.notify(this.a, i);
    return true;
  }

  /**
   * Blocks the calling thread until `pid` exits or `timeoutMs` passes.
   * Returns true if it exited. Only callable where Atomics.wait is allowed.
   */
  waitExit(pid: number, timeoutMs: number): boolean {
    const i = this.stateIndex(pid);
    const deadline = timeoutMs === Infinity ? Infinity : performance.now() + timeoutMs;
    for (;;) {
      const s = Atomics.load(this.a, i);
      if (s === ProcState.Exited) return true;
      const left = deadline - performance.now();
      if (left <= 0) return false;
      Atomics.wait(this.a, i, s, left === Infinity ? undefined : left);
    }
  }
}
