/**
 * The kernel: parent of every process of a run. It owns the process workers (kept
 * warm, so `start()` costs a message, not a worker boot), hands each its spec,
 * delivers signals by terminating workers, and drains the event rings in batches.
 * It never sits on a blocking call's path: joins, sleeps and (later) queues, locks
 * and pipes work on shared memory between the processes themselves.
 *
 * Platform-neutral: browser workers and Node worker_threads plug in via WorkerPlatform.
 */
import { compile } from "../compile/transpile";
import { Control, createControl, ProcState } from "../control";
import type { ExitReason, Pid } from "../events/types";
import { WaitGraph, type DeadlockReport } from "./waitGraph";
import type {
  CompiledModule,
  KernelFilled,
  KernelToProcess,
  ProcessSpec,
  ProcessToKernel,
  RunOutcome,
  SyntaxErrorInfo,
} from "../protocol";
import { createRing } from "../events/ring";
import {
  holdConnections,
  releaseConnections,
  releaseTravellers,
  type HeldConnections,
} from "../sync/connectionRelease";
import { createPipePool, type PooledPipe } from "../sync/pipePool";
import { handlesIn } from "../sync/handles";
import { Collector } from "./collector";
import type { OpBatch } from "../events/opPack";
import type { Cancel, KernelClock } from "../hostClock";

export interface ProcessWorker {
  post(msg: KernelToProcess): void;
  terminate(): void;
}

/** What the kernel is given: workers, and the only clock and timers it uses (see hostClock.ts). */
export interface WorkerPlatform {
  createWorker(onMessage: (m: ProcessToKernel) => void, onError: (message: string) => void): ProcessWorker;
  cpuCount: number;
  clock: KernelClock;
}

export interface KernelOptions {
  /** Idle workers kept booted ahead of `start()`. */
  warmWorkers?: number;
  /** How often rings are drained. */
  drainIntervalMs?: number;
  /** Size of each process's event ring, in UTF-16 code units. */
  ringUnits?: number;
}

interface Slot {
  worker: ProcessWorker;
  pid: Pid | null;
  /** The run whose process this worker served, if any: it may serve only that run again. */
  usedBy: number | null;
  /** Booted: its runtime is loaded and it said "ready" (a recycled worker always is). */
  ready: boolean;
}

interface ActiveRun {
  runId: number;
  control: Control;
  collector: Collector;
  module: CompiledModule;
  pipePool: PooledPipe[];
  mainPid: Pid;
  clockZero: number;
  slots: Map<Pid, Slot>;
  /** Pipe ends each child was given, as arguments and (poolHeld) in queue items: released for it if it is killed. */
  held: Map<Pid, HeldConnections>;
  poolHeld: Map<Pid, SharedArrayBuffer>;
  /** start()s that wait, a moment, for a worker whose process has exited and whose "exited" is in flight. */
  pendingLaunches: { spec: Omit<ProcessSpec, KernelFilled>; since: number }[];
  sink: (batch: OpBatch, runId: number) => void;
  cancelDrain: Cancel;
  stopped: boolean;
  /** The deadlock report, once the wait-for graph proved one. */
  deadlock: string | null;
  waits: WaitGraph;
  finished: boolean;
  resolve: (o: RunOutcome) => void;
}

/** How long a start() waits for an exiting process's worker before taking a fresh one. */
const PENDING_MAX_MS = 20;

/** Idle workers kept for reuse beyond the fresh warm pool (each holds a few MB). */
const MAX_IDLE_RECYCLED = 8;

export class Kernel {
  private warm: Slot[] = [];
  private active: ActiveRun | null = null;
  private runCounter = 0;
  private readonly opts: Required<KernelOptions>;

  constructor(
    private readonly platform: WorkerPlatform,
    opts: KernelOptions = {},
  ) {
    this.opts = { warmWorkers: 4, drainIntervalMs: 4, ringUnits: 1 << 18, ...opts };
  }

  /** Keeps `warmWorkers` fresh workers booted ahead of `start()` (recycled ones come on top). */
  prewarm(): void {
    let fresh = this.warm.filter((s) => s.usedBy === null).length;
    for (; fresh < this.opts.warmWorkers; fresh++) this.warm.push(this.newSlot());
  }

  check(source: string): SyntaxErrorInfo | null {
    const r = compile(source);
    return r.ok ? null : r.error;
  }

  /** `sink` receives what the processes did, in seq order: events, and queue and pipe operations packed (expandBatch makes them events). */
  async run(source: string, sink: (batch: OpBatch, runId: number) => void): Promise<RunOutcome> {
    if (this.active) await this.stop();
    const runId = ++this.runCounter;
    const compiled = compile(source);
    if (!compiled.ok) return { runId, exitCode: null, stopped: false, deadlock: null, syntaxError: compiled.error };
    const control = new Control(createControl());
    const mainPid = control.allocPid() as Pid;
    control.reserveLive();
    control.setState(mainPid, ProcState.Starting);
    return new Promise<RunOutcome>((resolve) => {
      const run: ActiveRun = {
        runId,
        control,
        collector: new Collector(control),
        module: compiled.module,
        pipePool: createPipePool(source),
        mainPid,
        clockZero: this.platform.clock.now(),
        slots: new Map(),
        held: new Map(),
        poolHeld: new Map(),
        pendingLaunches: [],
        sink,
        stopped: false,
        deadlock: null,
        waits: new WaitGraph(),
        finished: false,
        resolve,
        cancelDrain: this.platform.clock.every(this.opts.drainIntervalMs, () => this.tick(run)),
      };
      this.active = run;
      this.launch(run, {
        pid: mainPid,
        ppid: null,
        parentName: null,
        name: "MainProcess",
        daemon: false,
        identity: [],
        entry: { kind: "main" },
      });
    });
  }

  async stop(): Promise<void> {
    const run = this.active;
    if (!run || run.finished) return;
    run.stopped = true;
    this.endAll(run, "stopped");
  }

  dispose(): void {
    void this.stop();
    for (const s of this.warm) s.worker.terminate();
    this.warm = [];
  }

  /** A worker that served a run never serves another: it may carry that program's global changes. */
  private dropUsedWorkers(): void {
    for (const s of this.warm) if (s.usedBy !== null) s.worker.terminate();
    this.warm = this.warm.filter((s) => s.usedBy === null);
    this.prewarm();
  }

  private newSlot(): Slot {
    const slot: Slot = { worker: null as unknown as ProcessWorker, pid: null, usedBy: null, ready: false };
    slot.worker = this.platform.createWorker(
      (m) => this.onMessage(slot, m),
      (message) => this.onWorkerError(slot, message),
    );
    return slot;
  }

  private launch(run: ActiveRun, spec: Omit<ProcessSpec, KernelFilled>): void {
    if (run.pendingLaunches.length > 0 || this.workerComingBack(run)) {
      run.pendingLaunches.push({ spec, since: this.platform.clock.now() });
      return;
    }
    this.startProcess(run, spec);
  }

  private startProcess(run: ActiveRun, spec: Omit<ProcessSpec, KernelFilled>): void {
    const ring = createRing(this.opts.ringUnits);
    run.collector.add(spec.pid, ring);
    const held = holdConnections(handlesIn(spec.entry));
    if (held.length > 0) run.held.set(spec.pid, held);
    const poolHeld = run.pipePool.length > 0 ? new SharedArrayBuffer(run.pipePool.length * 2 * 4) : null;
    if (poolHeld) run.poolHeld.set(spec.pid, poolHeld);
    const slot = this.takeWarmSlot();
    slot.pid = spec.pid;
    slot.usedBy = run.runId;
    run.slots.set(spec.pid, slot);
    slot.worker.post({
      type: "run",
      spec: {
        ...spec,
        runId: run.runId,
        module: run.module,
        control: run.control.sab,
        ring,
        pipePool: run.pipePool,
        poolHeld,
        clockZero: run.clockZero,
        cpuCount: this.platform.cpuCount,
      },
    });
    this.prewarm();
  }

  /**
   * A parent woken by its child's exit often asks for the next start() before the
   * child's "exited" reaches us (messages from two workers keep no order). Waiting for
   * that worker takes well under a millisecond; taking a fresh one instead boots
   * another behind it, 40-460 ms of a core in the CLI, and when boots fall behind a
   * start() waits for one: that was the tail of sequential start+join.
   */
  private workerComingBack(run: ActiveRun): boolean {
    for (const [pid] of run.slots) if (run.control.state(pid) === ProcState.Exited) return true;
    return false;
  }

  /** Starts what waits for a worker: now that one is back, or after PENDING_MAX_MS whatever is warm. */
  private launchPending(run: ActiveRun): void {
    const now = this.platform.clock.now();
    while (run.pendingLaunches.length > 0) {
      const next = run.pendingLaunches[0] as { spec: Omit<ProcessSpec, KernelFilled>; since: number };
      const recycled = this.warm.some((s) => s.ready && s.usedBy !== null);
      if (!recycled && this.workerComingBack(run) && now - next.since < PENDING_MAX_MS) return;
      run.pendingLaunches.shift();
      this.startProcess(run, next.spec);
    }
  }

  /**
   * A booted worker if there is one. The tail of sequential start+join was a start()
   * handed a worker still booting (measured in the CLI: 40-460 ms idle, seconds under
   * load, against ~2 ms with a booted one).
   */
  private takeWarmSlot(): Slot {
    const i = this.warm.findIndex((s) => s.ready);
    if (i >= 0) return this.warm.splice(i, 1)[0] as Slot;
    return this.warm.shift() ?? this.newSlot();
  }

  private onMessage(slot: Slot, m: ProcessToKernel): void {
    if (m.type === "ready") slot.ready = true;
    const run = this.active;
    if (!run || run.finished || slot.pid === null || run.slots.get(slot.pid) !== slot) return;
    switch (m.type) {
      case "ready":
        return;
      case "spawn":
        this.launch(run, m.spec);
        return;
      case "signal":
        this.kill(run, m.target, -m.signal);
        return;
      case "exited":
        run.slots.delete(m.pid);
        run.held.delete(m.pid);
        run.poolHeld.delete(m.pid);
        run.collector.retire(m.pid);
        slot.pid = null;
        if (m.pid === run.mainPid) {
          slot.worker.terminate();
          this.tick(run);
        } else if (this.warm.length < this.opts.warmWorkers + MAX_IDLE_RECYCLED) {
          // Ready again for this run's next start(): recycled workers go first.
          this.warm.unshift(slot);
        } else {
          slot.worker.terminate();
        }
        this.launchPending(run);
        return;
    }
  }

  private onWorkerError(slot: Slot, message: string): void {
    const run = this.active;
    if (!run || run.finished || slot.pid === null || run.slots.get(slot.pid) !== slot) {
      this.warm = this.warm.filter((s) => s !== slot);
      return;
    }
    const pid = slot.pid;
    run.collector.inject({
      kind: "note",
      level: "error",
      text: `process crashed: ${message}`,
      pid,
      t: this.clock(run),
    });
    this.kill(run, pid, 1, "crashed");
  }

  private clock(run: ActiveRun): number {
    return Math.round((this.platform.clock.now() - run.clockZero) * 1000) / 1000;
  }

  /** Ends a process from outside: the worker is terminated, the exit recorded once. */
  private kill(run: ActiveRun, pid: Pid, code: number, reason?: ExitReason): void {
    const slot = run.slots.get(pid);
    if (slot) {
      slot.worker.terminate();
      run.slots.delete(pid);
    }
    run.collector.markDead(pid);
    run.collector.retire(pid);
    const held = run.held.get(pid);
    if (held) {
      run.held.delete(pid);
      releaseConnections(held);
    }
    const poolHeld = run.poolHeld.get(pid);
    if (poolHeld) {
      run.poolHeld.delete(pid);
      releaseTravellers(run.pipePool, poolHeld);
    }
    // The exit takes its seq before joiners can see it, so no join returns before it in seq order.
    const seq = run.collector.reserve();
    if (run.control.markExited(pid, code)) {
      run.collector.inject({ kind: "proc.exit", code, pid, t: this.clock(run), ...(reason ? { reason } : {}) }, seq);
    } else run.collector.skip(seq);
  }

  private tick(run: ActiveRun): void {
    if (run.finished) return;
    run.control.bumpTick();
    this.launchPending(run);
    const batch = run.collector.collect();
    if (batch.events.length > 0 || batch.ops) run.sink(batch, run.runId);
    if (run.control.state(run.mainPid) === ProcState.Exited) return this.finish(run);
    const now = this.platform.clock.now();
    run.waits.feed(batch.events, batch.ops, now);
    if (run.pendingLaunches.length > 0) return;
    const live = [...run.slots.keys()].filter((pid) => run.control.state(pid) !== ProcState.Exited);
    const found = run.waits.deadlock(live, now);
    if (found) this.endDeadlocked(run, found);
  }

  /** Nothing can ever wake any process: say who waits on what, and end the run as Stop would. */
  private endDeadlocked(run: ActiveRun, found: DeadlockReport): void {
    run.deadlock = found.text;
    run.collector.inject({
      kind: "deadlock",
      text: found.text,
      pids: found.pids,
      objIds: found.objIds,
      pid: run.mainPid,
      t: this.clock(run),
    });
    this.endAll(run, "deadlock");
  }

  /** Stop, or a deadlock: no process runs another line, each is terminated, the run ends. */
  private endAll(run: ActiveRun, reason: "stopped" | "deadlock"): void {
    run.control.stopAll();
    for (const [, slot] of run.slots) slot.worker.terminate();
    for (const [pid] of run.slots) this.kill(run, pid, -15, reason);
    this.finish(run);
  }

  /** The main process has exited (or Stop): end what is left and flush everything. */
  private finish(run: ActiveRun): void {
    if (run.finished) return;
    for (const [pid] of run.slots) {
      if (run.control.state(pid) !== ProcState.Exited) this.kill(run, pid, -15, "stopped");
      else run.slots.get(pid)?.worker.terminate();
    }
    run.slots.clear();
    this.dropUsedWorkers();
    run.finished = true;
    run.cancelDrain();
    const rest = run.collector.collect(true);
    if (rest.events.length > 0 || rest.ops) run.sink(rest, run.runId);
    if (this.active === run) this.active = null;
    run.resolve({
      runId: run.runId,
      // A deadlocked run fails, as the CLI's exit status 1 says, whatever the kill left in the table.
      exitCode: run.deadlock ? 1 : run.control.exitCode(run.mainPid),
      stopped: run.stopped,
      deadlock: run.deadlock,
      syntaxError: null,
    });
  }
}
