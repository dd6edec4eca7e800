/** The sys, time and os modules of spec section 5. */
import { SystemExit, ValueError, TypeError as PyTypeError } from "../lib/exceptions";
import { ctx } from "../process/context";
import { syncPoint } from "../process/syncPoint";
import { NONE, Op } from "../events/opColumns";
import { stderr, stdout } from "./io";
import { pyTypeName } from "../lib/pyrepr";

export function createSys() {
  return {
    __esModule: true,
    argv: ["main.ts"],
    stdout,
    stderr,
    /** Raises SystemExit: the process ends with `code` (see bootstrap.ts). */
    exit(code: unknown = null): never {
      throw new SystemExit(code);
    },
    platform: "emscripten",
    version: "3.12 (Multiprocessing Playground)",
  };
}

const epochSeconds = () => (performance.timeOrigin + performance.now()) / 1000;

export function createTime() {
  return {
    __esModule: true,
    sleep(secs: number): void {
      if (typeof secs !== "number" || Number.isNaN(secs))
        throw new PyTypeError(`'${pyTypeName(secs)}' object cannot be interpreted as an integer`);
      if (secs < 0) throw new ValueError("sleep length must be non-negative");
      const c = ctx();
      syncPoint(Op.sleep, NONE, c);
      c.emit({ kind: "proc.block", on: { op: "sleep", secs } });
      c.sleepMs(secs * 1000);
      c.emitter.emit({ kind: "proc.unblock", outcome: "ok" });
    },
    time: epochSeconds,
    monotonic: epochSeconds,
    perf_counter: epochSeconds,
    time_ns: () => BigInt(Math.round(epochSeconds() * 1e9)),
  };
}

export function createOs() {
  return {
    __esModule: true,
    getpid: () => ctx().pid,
    getppid: () => ctx().spec.ppid ?? ctx().pid - 1,
    cpu_count: () => ctx().spec.cpuCount,
    sep: "/",
    linesep: "\n",
  };
}
