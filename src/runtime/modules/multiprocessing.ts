/** The `multiprocessing` module: section 3 of the contract, plus its exceptions. */
import {
  AuthenticationError,
  BrokenBarrierError,
  BufferTooShort,
  MpTimeoutError,
  NotImplementedError,
  ProcessError,
  ValueError,
  RuntimeError,
} from "../lib/exceptions";
import { ctx } from "../process/context";
import { Process } from "../process/processObject";
import { JoinableQueue, Queue, SimpleQueue } from "../sync/queues";
import { Pipe } from "../sync/connection";
import { BoundedSemaphore, Lock, RLock, Semaphore } from "../sync/locks";
import { Event } from "../sync/event";
import { Condition } from "../sync/condition";
import { Barrier } from "../sync/barrier";
import { RawArray, RawValue, SharedArray, Value } from "../sync/sharedctypes";

/** Names the playground does not provide yet: importable, so the editor and imports work, and a clear error when used. */
function notYet(name: string) {
  return class {
    constructor() {
      throw new NotImplementedError(`multiprocessing.${name} is not available in this version of the playground yet`);
    }
  };
}

export function createMultiprocessing() {
  return {
    __esModule: true,
    Process,
    current_process: (): Process => ctx().current,
    parent_process: (): Process | null => ctx().parent,
    active_children(): Process[] {
      const c = ctx();
      for (const p of [...c.children]) p.is_alive();
      return [...c.children];
    },
    cpu_count: (): number => ctx().spec.cpuCount,
    get_start_method: (_allowNone = false): string => "spawn",
    set_start_method(method: string, _options?: { force?: boolean }): void {
      if (method === "spawn") return;
      if (method === "fork" || method === "forkserver") {
        throw new ValueError(
          `cannot use start method '${method}' here: a browser cannot fork a process, so the playground starts every process with 'spawn'`,
        );
      }
      throw new ValueError(`cannot find context for '${method}'`);
    },
    get_all_start_methods: (): string[] => ["spawn"],
    freeze_support: (): void => {},
    TimeoutError: MpTimeoutError,
    ProcessError,
    BufferTooShort,
    AuthenticationError,
    BrokenBarrierError,
    Queue,
    SimpleQueue,
    JoinableQueue,
    Pipe,
    Lock,
    RLock,
    Semaphore,
    BoundedSemaphore,
    Event,
    Condition,
    Barrier,
    Value,
    Array: SharedArray,
    RawValue,
    RawArray,
    Pool: notYet("Pool"),
    RuntimeError,
  };
}
