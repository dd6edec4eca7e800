/**
 * Everything one process knows about itself: its spec, the run's control block,
 * its event emitter, its children, and the module's top-level names. One per
 * worker; set once by bootstrap.ts before the user's module runs.
 */
import { Control } from "../control";
import { Emitter, type SourceLocation } from "../events/emitter";
import type { EventBody } from "../events/types";
import type { ProcessSpec, ProcessToKernel } from "../protocol";
import type { Process } from "./processObject";

export class ProcessContext {
  readonly control: Control;
  readonly emitter: Emitter;
  /** The line of the user's latest call, written by the instrumented snippet (compile/instrument.ts). */
  readonly loc: SourceLocation = { line: 0 };
  /** Children this process created and has not yet seen exit (CPython's `_children`). */
  readonly children = new Set<Process>();
  /** CPython's `_process_counter`: counts every Process constructed here. */
  private counter = 0;
  /** True while a child re-runs the module's top level (spawn's bootstrapping phase). */
  bootstrapping = false;
  /** Looks a name up among the module's top-level bindings (set when the module starts). */
  lookup: (name: string) => unknown = () => undefined;
  current!: Process;
  parent: Process | null = null;
  private readonly sleepCell = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    readonly spec: ProcessSpec,
    private readonly postToKernel: (m: ProcessToKernel) => void,
  ) {
    this.control = new Control(spec.control);
    this.emitter = new Emitter(this.control, spec.ring, spec.clockZero, spec.pid, this.loc);
  }

  get pid(): number {
    return this.spec.pid;
  }

  nextChildNumber(): number {
    return ++this.counter;
  }

  post(m: ProcessToKernel): void {
    this.postToKernel(m);
  }

  /** Emits an event tagged with the line of the user's call that led to it. */
  emit(body: EventBody): number {
    return this.emitter.emit(body, this.loc.line);
  }

  /** Blocks this thread for `ms` milliseconds (time.sleep). */
  sleepMs(ms: number): void {
    if (ms > 0) Atomics.wait(this.sleepCell, 0, 0, ms);
    this.control.haltIfEnded(this.pid);
  }
}

let active: ProcessContext | null = null;

export function setContext(ctx: ProcessContext): void {
  active = ctx;
}

/** The running process's context; only valid inside a process worker. */
export function ctx(): ProcessContext {
  if (!active) throw new Error("multiprocessing is only available inside a playground process");
  return active;
}
