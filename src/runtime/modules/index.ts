/**
 * What a snippet can import (by bare name) and the globals it sees, per process.
 */
import { Empty, Full, builtinExceptions } from "../lib/exceptions";
import { consoleShim, print } from "./io";
import { createMultiprocessing } from "./multiprocessing";
import { createOs, createSys, createTime } from "./sysTimeOs";
import { type GLOBAL_NAMES, LOC } from "../compile/wrap";
import type { SourceLocation } from "../events/emitter";
import { ctx } from "../process/context";

export function createModules(): Record<string, unknown> {
  return {
    multiprocessing: createMultiprocessing(),
    queue: { __esModule: true, Empty, Full },
    sys: createSys(),
    time: createTime(),
    os: createOs(),
  };
}

interface ContextManager<T> {
  __enter__(): T;
  __exit__(type: unknown, value: unknown, tb: unknown): unknown;
}

/** Python's `with`: __exit__ runs however the body ends; a truthy result swallows the exception. */
export function with_<T, R>(cm: ContextManager<T>, body: (value: T) => R): R | undefined {
  if (!cm || typeof cm.__enter__ !== "function" || typeof cm.__exit__ !== "function") {
    throw new TypeError(`'${cm?.constructor?.name ?? typeof cm}' object does not support the context manager protocol`);
  }
  const loc = ctx().loc;
  // __exit__ belongs to the `with` line, as in Python, not to the body's last line.
  const line = loc.line;
  const value = cm.__enter__();
  let result: R;
  try {
    result = body(value);
  } catch (e) {
    const type = e instanceof Error ? e.constructor : null;
    loc.line = line;
    if (cm.__exit__(type, e, null)) return undefined;
    throw e;
  }
  loc.line = line;
  cm.__exit__(null, null, null);
  return result;
}

/** The globals of a snippet; `loc` is the process's location register (compile/instrument.ts). */
export function snippetGlobals(loc: SourceLocation): Record<(typeof GLOBAL_NAMES)[number], unknown> {
  return { [LOC]: loc, print, with_, console: consoleShim, ...builtinExceptions } as Record<
    (typeof GLOBAL_NAMES)[number],
    unknown
  >;
}
