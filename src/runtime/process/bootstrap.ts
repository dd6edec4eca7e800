/**
 * The life of one process inside its worker: evaluate the module (again, in a
 * child, with `__name__ === "__mp_main__"`), find and run the target, turn the
 * outcome into an exit code and CPython's report, run the exit handlers (terminate
 * daemonic children, join the rest), record the exit.
 */
import { ProcState } from "../control";
import { ModuleNotFoundError, SystemExit, exceptionLine } from "../lib/exceptions";
import { pyStr } from "../lib/pyrepr";
import { formatTraceback } from "../lib/traceback";
import { wrapModule } from "../compile/wrap";
import type { ProcessSpec, ProcessToKernel } from "../protocol";
import { ProcessContext, setContext } from "./context";
import { ADOPT, Process } from "./processObject";
import { loads } from "./pickle";
import { createModules, snippetGlobals } from "../modules";
import { closeConnectionsAtExit } from "../sync/connection";

export function runProcess(spec: ProcessSpec, post: (m: ProcessToKernel) => void): number {
  const c = new ProcessContext(spec, post);
  setContext(c);
  (Error as { stackTraceLimit?: number }).stackTraceLimit = 64;
  c.control.setState(spec.pid, ProcState.Running);
  c.current = Process.adopt(new Process(ADOPT), {
    name: spec.name,
    pid: spec.pid,
    parentPid: spec.ppid,
    daemon: spec.daemon,
    identity: spec.identity,
  });
  if (spec.ppid !== null) {
    c.parent = Process.adopt(new Process(ADOPT), {
      name: spec.parentName ?? "",
      pid: spec.ppid,
      parentPid: null,
      daemon: false,
      identity: spec.identity.slice(0, -1),
    });
  }
  c.emitter.emit({ kind: "proc.start", name: spec.name, ppid: spec.ppid });

  const isMain = spec.entry.kind === "main";
  let code = 0;
  let phase: "module" | "run" = "module";
  try {
    c.bootstrapping = !isMain;
    evaluateModule(c, isMain ? "__main__" : "__mp_main__");
    c.bootstrapping = false;
    phase = "run";
    if (spec.entry.kind !== "main") runEntry(c, spec);
  } catch (e) {
    code = exitCodeFor(c, e, !isMain && phase === "run");
  }
  code = runExitHandlers(c, code);
  closeConnectionsAtExit();
  c.emitter.emit({ kind: "proc.exit", code });
  c.control.markExited(spec.pid, code);
  post({ type: "exited", pid: spec.pid, code });
  return code;
}

function evaluateModule(c: ProcessContext, name: string): void {
  const withGlobals = (0, eval)(wrapModule(c.spec.module)) as (globals: unknown) => (...a: unknown[]) => void;
  const factory = withGlobals(snippetGlobals(c.loc));
  const module = { exports: {} as Record<string, unknown> };
  const modules = createModules();
  const require = (id: string) => {
    const m = modules[id];
    if (!m) throw new ModuleNotFoundError(`No module named '${id}'`);
    return m;
  };
  factory(require, module.exports, module, (fn: (n: string) => unknown) => (c.lookup = safeLookup(fn)), name);
}

/** A name still in its temporal dead zone is simply not there yet. */
function safeLookup(fn: (n: string) => unknown): (n: string) => unknown {
  return (n) => {
    try {
      return fn(n);
    } catch {
      return undefined;
    }
  };
}

function runEntry(c: ProcessContext, spec: ProcessSpec): void {
  const entry = spec.entry;
  if (entry.kind === "main") return;
  const target = entry.target === null ? null : (c.lookup(entry.target) as (...a: unknown[]) => unknown);
  const args = loads(entry.args, c.lookup) as unknown[];
  const adoptInit = {
    name: spec.name,
    pid: spec.pid,
    parentPid: spec.ppid,
    daemon: spec.daemon,
    identity: spec.identity,
    target,
    args,
  };
  if (entry.kind === "subclass") {
    const Cls = c.lookup(entry.className) as typeof Process;
    const self = Process.adopt(Reflect.construct(Process, [ADOPT], Cls) as Process, adoptInit);
    Object.assign(self, loads(entry.fields, c.lookup));
    c.current = self;
  } else {
    c.current = Process.adopt(new Process(ADOPT), adoptInit);
  }
  c.current.run();
}

/** CPython's `_bootstrap` (children) and the interpreter's top level (main). */
function exitCodeFor(c: ProcessContext, e: unknown, inTarget: boolean): number {
  if (e instanceof SystemExit) {
    const v = e.code;
    if (v === null || v === undefined) return 0;
    if (typeof v === "number" && Number.isInteger(v)) return v;
    c.emitter.out(2, `${pyStr(v)}\n`);
    return 1;
  }
  const header = inTarget ? `Process ${c.current.name}:\n` : "";
  let report: string;
  try {
    report = formatTraceback(e, c.spec.module.source, { filename: c.spec.module.filename, header });
  } catch {
    report = `${header}${exceptionLine(e)}\n`;
  }
  c.emitter.out(2, report);
  return 1;
}

/** CPython's `util._exit_function`: terminate daemonic children, then join every child. */
function runExitHandlers(c: ProcessContext, code: number): number {
  try {
    for (const p of [...c.children]) if (p.daemon && p.is_alive()) p.terminate();
    for (const p of [...c.children]) p.join();
  } catch (e) {
    return exitCodeFor(c, e, false) || code;
  }
  return code;
}
