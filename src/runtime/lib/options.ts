/**
 * Python's keyword arguments, the contract's section 2: a call's optional parameters
 * are given either positionally, in Python's order (`q.get(true, 0.5)`), or as one
 * trailing options object (`q.get({ block: true, timeout: 0.5 })`). The options
 * object stands only where the first optional parameter does, after every required
 * one, so `q.put({ block: false })` puts that object. This is the one place that
 * tells the two forms apart; each API then checks its values with Python's messages.
 */
import { builtinExceptions } from "./exceptions";
import { pyTypeName } from "./pyrepr";

const { TypeError: PyTypeError, ValueError } = builtinExceptions;

/** A literal `{ ... }`: not an array, a class instance, a Map, or null. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The optional parameters of `fn(...)`, by name. `given` is what the caller passed
 * from the first optional parameter on. A plain object there is the options object;
 * a key Python would not accept raises Python's `TypeError`.
 */
export function keywordArgs<K extends string>(
  fn: string,
  names: readonly K[],
  given: readonly unknown[],
): Partial<Record<K, unknown>> {
  const out: Partial<Record<K, unknown>> = {};
  const first = given[0];
  if (isPlainObject(first)) {
    if (given.slice(1).some((v) => v !== undefined))
      throw new PyTypeError(`${fn}() takes its keyword arguments as one options object, given last`);
    for (const key of Object.keys(first)) {
      if (!(names as readonly string[]).includes(key))
        throw new PyTypeError(`${fn}() got an unexpected keyword argument '${key}'`);
      const value = first[key];
      if (value !== undefined) out[key as K] = value;
    }
    return out;
  }
  const count = given.reduce<number>((n, v, i) => (v === undefined ? n : i + 1), 0);
  if (count > names.length) {
    const most = names.length;
    throw new PyTypeError(`${fn}() takes at most ${most} argument${most === 1 ? "" : "s"} (${count} given)`);
  }
  names.forEach((name, i) => {
    if (given[i] !== undefined) out[name] = given[i];
  });
  return out;
}

/**
 * For variadic calls (`print(...values, { sep, end })`): the trailing options object,
 * removed from `values`, if the last value is a plain object whose keys are all
 * keyword names; otherwise the last value is one more value to print.
 */
export function popTrailingOptions<K extends string>(
  values: unknown[],
  names: readonly K[],
): Partial<Record<K, unknown>> {
  const last = values[values.length - 1];
  if (!isPlainObject(last)) return {};
  const keys = Object.keys(last);
  if (keys.length === 0 || !keys.every((k) => (names as readonly string[]).includes(k))) return {};
  values.pop();
  return last as Partial<Record<K, unknown>>;
}

/** A `timeout` in seconds, or null to wait forever. `negative` says what Python does with one below zero. */
export function timeoutSeconds(value: unknown, negative: "raise" | "zero"): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number" || Number.isNaN(value))
    throw new PyTypeError(`'<' not supported between instances of '${pyTypeName(value)}' and 'float'`);
  if (value >= 0) return value;
  if (negative === "raise") throw new ValueError("'timeout' must be a non-negative number");
  return 0;
}

/** An integer argument, as Python's `__index__` accepts it. */
export function intArg(value: unknown): number {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value !== "number" || !Number.isInteger(value))
    throw new PyTypeError(`'${pyTypeName(value)}' object cannot be interpreted as an integer`);
  return value;
}

/**
 * `(block = true, timeout = null)`, positional or as options, as a wait in
 * milliseconds: 0 for a non-blocking call, null to wait forever.
 */
export function blockingWaitMs(fn: string, given: readonly unknown[], negative: "raise" | "zero"): number | null {
  const { block = true, timeout } = keywordArgs(fn, BLOCK_NAMES, given);
  if (!block) return 0;
  const secs = timeoutSeconds(timeout, negative);
  return secs === null ? null : secs * 1000;
}

const BLOCK_NAMES = ["block", "timeout"] as const;

/** `(timeout = null)`, positional or as options, as a wait in milliseconds (null: forever; below zero: 0). */
export function timeoutWaitMs(fn: string, given: readonly unknown[]): number | null {
  const secs = timeoutSeconds(keywordArgs(fn, TIMEOUT_NAMES, given).timeout, "zero");
  return secs === null ? null : secs * 1000;
}

const TIMEOUT_NAMES = ["timeout"] as const;

/** Python's `block` and `timeout` keywords, as a blocking call's trailing options. */
export interface BlockOptions {
  block?: boolean;
  timeout?: number | null;
}
