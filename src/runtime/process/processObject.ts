/**
 * `multiprocessing.Process`, with CPython's names, states, assertions and repr.
 *
 * Internal state lives in one private field so that a subclass's own data fields
 * are exactly the user's: those are what a child receives, as pickle would send them.
 */
import { AssertionError, OSError, RuntimeError, ValueError, cantPickleByName } from "../lib/exceptions";
import { pyRepr } from "../lib/pyrepr";
import { keywordArgs, timeoutSeconds } from "../lib/options";
import { MAX_LIVE_PROCESSES, ProcState } from "../control";
import type { Entry } from "../protocol";
import { ctx } from "./context";
import { syncPoint } from "./syncPoint";
import { NONE, Op } from "../events/opColumns";
import { dumps } from "./pickle";

export interface ProcessOptions {
  group?: null;
  target?: ((...args: any[]) => unknown) | null;
  name?: string | null;
  args?: unknown[];
  kwargs?: Record<string, unknown>;
  daemon?: boolean | null;
}

const PROCESS_KEYS = ["group", "target", "name", "args", "kwargs", "daemon"] as const;

interface Internal {
  target: ((...args: any[]) => unknown) | null;
  args: unknown[];
  name: string;
  daemon: boolean;
  identity: number[];
  parentPid: number | null;
  pid: number | null;
  started: boolean;
  closed: boolean;
  /** The process object describing the running process itself (current_process()). */
  isSelf: boolean;
}

/** Passed to the constructor to build a process object without counting it (bootstrap). */
export const ADOPT = Symbol("adopt");

const BOOTSTRAP_ERROR = `
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        `;

/** CPython's `_exitcode_to_name`: repr shows `exitcode=-SIGTERM`. */
const SIGNAL_NAMES: Record<number, string> = { [-15]: "-SIGTERM", [-9]: "-SIGKILL" };

export class Process {
  #s: Internal;

  constructor(options: ProcessOptions | typeof ADOPT = {}) {
    if (options === ADOPT) {
      this.#s = {
        target: null,
        args: [],
        name: "",
        daemon: false,
        identity: [],
        parentPid: null,
        pid: null,
        started: false,
        closed: false,
        isSelf: false,
      };
      return;
    }
    const given = keywordArgs("BaseProcess.__init__", PROCESS_KEYS, [options ?? {}]) as ProcessOptions;
    const { group = null, target = null, name = null, args = [], daemon = null } = given;
    if (group !== null && group !== undefined) throw new AssertionError("group argument must be None for now");
    if (target !== null && typeof target !== "function")
      throw new TypeError(`'${typeof target}' object is not callable`);
    const c = ctx();
    const identity = [...c.spec.identity, c.nextChildNumber()];
    this.#s = {
      target,
      args: Array.from(args),
      daemon: Boolean(daemon ?? c.current.daemon),
      name: name ?? `${new.target.name}-${identity.join(":")}`,
      identity,
      parentPid: c.pid,
      pid: null,
      started: false,
      closed: false,
      isSelf: false,
    };
  }

  /** @internal Fills in the process object that describes a process from inside it. */
  static adopt<P extends Process>(
    p: P,
    init: {
      name: string;
      pid: number;
      parentPid: number | null;
      daemon: boolean;
      identity: number[];
      target?: ((...a: any[]) => unknown) | null;
      args?: unknown[];
    },
  ): P {
    Object.assign(p.#s, {
      target: init.target ?? null,
      args: init.args ?? [],
      name: init.name,
      daemon: init.daemon,
      identity: init.identity,
      parentPid: init.parentPid,
      pid: init.pid,
      started: true,
      isSelf: true,
    });
    return p;
  }

  run(): void {
    const s = this.#s;
    if (s.target) s.target(...s.args);
  }

  start(): void {
    const s = this.#s;
    this.checkClosed();
    const c = ctx();
    syncPoint(Op.start, NONE, c);
    if (s.started) throw new AssertionError("cannot start a process twice");
    if (s.parentPid !== c.pid) throw new AssertionError("can only start a process object created by current process");
    if (c.current.daemon) throw new AssertionError("daemonic processes are not allowed to have children");
    if (c.bootstrapping) throw new RuntimeError(BOOTSTRAP_ERROR);
    const entry = this.entry();
    const pid = c.control.allocPid();
    if (pid === null)
      throw new OSError(
        "[Errno 11] Resource temporarily unavailable: this run has already created the most processes one run may create",
      );
    if (!c.control.reserveLive()) {
      throw new OSError(
        `[Errno 11] Resource temporarily unavailable: the playground runs at most ${MAX_LIVE_PROCESSES} processes at once (join some before starting more)`,
      );
    }
    s.pid = pid;
    s.started = true;
    c.control.setState(pid, ProcState.Starting);
    c.children.add(this);
    c.emit({ kind: "proc.create", child: pid, name: s.name, daemon: s.daemon, target: this.targetLabel() });
    c.post({
      type: "spawn",
      spec: {
        pid,
        ppid: c.pid,
        parentName: c.current.name,
        name: s.name,
        daemon: s.daemon,
        identity: s.identity,
        entry,
      },
    });
  }

  /** How the child will find what to run: its target by name, or this very class. */
  private entry(): Entry {
    const s = this.#s;
    const c = ctx();
    const targetName = s.target ? s.target.name || "<lambda>" : null;
    if (s.target && c.lookup(targetName ?? "") !== s.target) {
      throw pickling(`<function ${targetName}>`, targetName ?? "");
    }
    const args = dumps(s.args, c.lookup) as unknown[];
    const ctor = this.constructor as typeof Process;
    if (ctor === Process) return { kind: "target", target: targetName, args };
    if (c.lookup(ctor.name) !== ctor) throw pickling(`<class '__main__.${ctor.name}'>`, ctor.name);
    const fields = dumps({ ...this }, c.lookup) as Record<string, unknown>;
    return { kind: "subclass", className: ctor.name, fields, args, target: targetName };
  }

  private targetLabel(): string {
    const s = this.#s;
    if (s.target) return s.target.name || "<lambda>";
    return this.constructor === Process ? "" : `${this.constructor.name}.run`;
  }

  /** `join(timeout)` or, as Python's keyword, `join({ timeout })`. */
  join(timeoutOrOptions?: number | null | { timeout?: number | null }): void {
    const timeout = timeoutSeconds(keywordArgs("join", ["timeout"], [timeoutOrOptions]).timeout, "zero");
    const s = this.#s;
    this.checkClosed();
    const c = ctx();
    syncPoint(Op.join, NONE, c);
    if (s.parentPid !== c.pid) throw new AssertionError("can only join a child process");
    if (!s.started || s.pid === null) throw new AssertionError("can only join a started process");
    const pid = s.pid;
    if (c.control.state(pid) !== ProcState.Exited) {
      c.emit({ kind: "proc.block", on: { op: "join", target: pid, targetName: s.name, timeout } });
      const done = c.control.waitExit(pid, timeout === null ? Infinity : timeout * 1000);
      c.control.haltIfEnded(c.pid);
      c.emitter.emit({ kind: "proc.unblock", outcome: done ? "ok" : "timeout" });
    }
    if (c.control.state(pid) === ProcState.Exited) c.children.delete(this);
  }

  is_alive(): boolean {
    const s = this.#s;
    this.checkClosed();
    if (s.isSelf) return true;
    const c = ctx();
    if (s.parentPid !== c.pid) throw new AssertionError("can only test a child process");
    if (!s.started || s.pid === null) return false;
    if (c.control.state(s.pid) !== ProcState.Exited) return true;
    c.children.delete(this);
    return false;
  }

  terminate(): void {
    this.signal(15);
  }

  kill(): void {
    this.signal(9);
  }

  private signal(sig: 9 | 15): void {
    const s = this.#s;
    this.checkClosed();
    if (s.pid === null || s.isSelf) return;
    const c = ctx();
    if (c.control.state(s.pid) === ProcState.Exited) return;
    c.emit({ kind: "proc.signal", target: s.pid, signal: sig });
    c.post({ type: "signal", target: s.pid, signal: sig });
  }

  close(): void {
    const s = this.#s;
    if (s.closed) return;
    if (s.pid !== null && !s.isSelf && ctx().control.state(s.pid) !== ProcState.Exited) {
      throw new ValueError(
        "Cannot close a process while it is still running. You should first call join() or terminate().",
      );
    }
    ctx().children.delete(this);
    s.closed = true;
  }

  private checkClosed(): void {
    if (this.#s.closed) throw new ValueError("process object is closed");
  }

  get name(): string {
    return this.#s.name;
  }
  set name(value: string) {
    if (typeof value !== "string") throw new AssertionError("name must be a string");
    this.#s.name = value;
  }

  get daemon(): boolean {
    return this.#s.daemon;
  }
  set daemon(value: boolean) {
    if (this.#s.started) throw new AssertionError("process has already started");
    this.#s.daemon = Boolean(value);
  }

  get pid(): number | null {
    this.checkClosed();
    return this.#s.pid;
  }
  get ident(): number | null {
    return this.pid;
  }

  get exitcode(): number | null {
    this.checkClosed();
    const s = this.#s;
    if (s.pid === null || s.isSelf) return null;
    return ctx().control.exitCode(s.pid);
  }

  get authkey(): Uint8Array {
    return new Uint8Array(32);
  }

  /** @internal */
  get _identity(): number[] {
    return this.#s.identity;
  }

  __repr__(): string {
    const s = this.#s;
    let status: string;
    let exitcode: number | null = null;
    if (s.isSelf) status = "started";
    else if (s.closed) status = "closed";
    else if (s.parentPid !== ctx().pid) status = "unknown";
    else if (!s.started) status = "initial";
    else {
      exitcode = s.pid === null ? null : ctx().control.exitCode(s.pid);
      status = exitcode === null ? "started" : "stopped";
    }
    const info = [s.isSelf && s.parentPid === null ? "_MainProcess" : this.constructor.name, `name=${pyRepr(s.name)}`];
    if (s.pid !== null && !s.isSelf) info.push(`pid=${s.pid}`);
    info.push(`parent=${s.parentPid === null ? "None" : s.parentPid}`);
    info.push(status);
    if (exitcode !== null) info.push(`exitcode=${SIGNAL_NAMES[exitcode] ?? exitcode}`);
    if (s.daemon) info.push("daemon");
    return `<${info.join(" ")}>`;
  }

  toString(): string {
    return this.__repr__();
  }
}

const pickling = cantPickleByName;
