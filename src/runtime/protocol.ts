/**
 * Every message that crosses a thread boundary, as discriminated unions in one place.
 *
 * Two conversations exist:
 * - UI state <-> kernel (comlink; control only: check, run, stop, subscribe to batches);
 * - kernel <-> process worker (plain postMessage; only to start a process and for a
 *   process to ask for a new worker or a signal). Blocking calls never send messages:
 *   they wait on shared memory with Atomics.
 */
import type { Pid, RunEvent } from "./events/types";
import type { PackedOps } from "./events/opPack";
import type { PooledPipe } from "./sync/pipePool";

/** A syntax error found before anything runs. */
export interface SyntaxErrorInfo {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** CPython-style report: File line, source line, caret, `SyntaxError: ...`. */
  report: string;
}

/** The transpiled module every process of a run evaluates. */
export interface CompiledModule {
  filename: string;
  source: string;
  js: string;
  /** Names declared at the module's top level (functions, classes, const/let/var). */
  topLevel: string[];
}

/** How a child begins once its module top level has run again. */
export type Entry =
  | { kind: "main" }
  | { kind: "target"; target: string | null; args: unknown[] }
  | { kind: "subclass"; className: string; fields: Record<string, unknown>; args: unknown[]; target: string | null };

/** The parts of a ProcessSpec the kernel adds to what a parent asks for. */
export type KernelFilled = "module" | "control" | "ring" | "pipePool" | "poolHeld" | "clockZero" | "runId" | "cpuCount";

export interface ProcessSpec {
  runId: number;
  pid: Pid;
  ppid: Pid | null;
  parentName: string | null;
  name: string;
  daemon: boolean;
  /** CPython's `_identity`: [] for main, [1] for Process-1, [1, 2] for Process-1:2. */
  identity: number[];
  module: CompiledModule;
  control: SharedArrayBuffer;
  ring: SharedArrayBuffer;
  /** The run's pipes made ahead, so a Connection can travel in a queue (sync/pipePool.ts). */
  pipePool: PooledPipe[];
  /**
   * Int32 per pooled pipe end: the ends this process received inside queue items or
   * messages and has not closed, which the kernel closes for it if it is killed.
   */
  poolHeld: SharedArrayBuffer | null;
  /** Epoch ms (timeOrigin + now) at which the run began: the shared clock's zero. */
  clockZero: number;
  /** What `os.cpu_count()` reports (the host's logical processors). */
  cpuCount: number;
  entry: Entry;
}

/** What a process asks of its parent-of-all (the kernel). Fire and forget. */
export type ProcessToKernel =
  | { type: "ready" }
  | { type: "spawn"; spec: Omit<ProcessSpec, KernelFilled> }
  | { type: "signal"; target: Pid; signal: 9 | 15 }
  | { type: "exited"; pid: Pid; code: number };

export type KernelToProcess = { type: "run"; spec: ProcessSpec };

/** A batch of ordered events for the UI, with output already coalesced. */
export interface KernelBatch {
  runId: number;
  /** Every event but the packed operations, in seq order. */
  events: RunEvent[];
  /** Queue and pipe operations, packed (see events/opPack.ts); merged back in seq order by forEachRow / forEachEvent. */
  ops?: PackedOps | null;
}

export interface RunOutcome {
  runId: number;
  /** The main process's exit code; null when the run never started (syntax error). */
  exitCode: number | null;
  stopped: boolean;
  /** The run was ended because it was deadlocked: the report, as the CLI prints it. */
  deadlock: string | null;
  syntaxError: SyntaxErrorInfo | null;
}

/** The kernel as the UI state sees it (through comlink in the browser). */
export interface KernelApi {
  /** Transpiles and reports the first syntax error, or null. Never runs anything. */
  check(source: string): Promise<SyntaxErrorInfo | null>;
  /**
   * Runs a snippet; batches arrive through `onBatch` until the returned promise
   * settles. The promise settles only after the last batch has been handed over
   * (across threads `onBatch` is a comlink proxy on a port of its own, so the outcome
   * would otherwise race the last batch).
   */
  run(source: string, onBatch: (batch: KernelBatch) => void | Promise<void>): Promise<RunOutcome>;
  /** Ends every process of the current run. */
  stop(): Promise<void>;
  /**
   * The last run as Chrome Trace Event JSON (runtime/trace.ts, as `--trace` writes it),
   * or null when there is none (no run yet, or a syntax error).
   */
  exportTrace(): Promise<string | null>;
}
