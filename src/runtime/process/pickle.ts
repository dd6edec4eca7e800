/**
 * What crosses to another process, copied as pickle would copy it.
 *
 * structuredClone already copies what pickle copies for plain data (cycles, Map,
 * Set, Date, typed arrays, bigint). Two things it gets wrong for Python learners:
 * a function (pickle refuses: PicklingError, where structuredClone's DataCloneError
 * would say nothing useful) and an instance of a user's top-level class (pickle
 * recreates the class; structuredClone flattens it to a plain object). `dumps`
 * walks the value once, failing on functions and tagging class instances so that
 * `loads` in the other process can rebuild them from the module's own class.
 */
import { PicklingError, cantPickleByName } from "../lib/exceptions";
import { HANDLE_TAG, handleOf, reviveHandle } from "../sync/handles";

const CLASS_TAG = "__mp_class__";

type Lookup = (name: string) => unknown;

export function dumps(value: unknown, lookup: Lookup): unknown {
  const memo = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (typeof v === "function") {
      const name = v.name || "<lambda>";
      throw cantPickleByName(`<function ${name}>`, name);
    }
    if (typeof v === "symbol") throw new PicklingError(`Can't pickle ${String(v)}`);
    if (v === null || typeof v !== "object") return v;
    const seen = memo.get(v);
    if (seen !== undefined) return seen;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      memo.set(v, out);
      for (const x of v) out.push(walk(x));
      return out;
    }
    if (v instanceof Map) {
      const out = new Map<unknown, unknown>();
      memo.set(v, out);
      for (const [k, x] of v) out.set(walk(k), walk(x));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set<unknown>();
      memo.set(v, out);
      for (const x of v) out.add(walk(x));
      return out;
    }
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer || v instanceof Date || v instanceof RegExp) return v;
    const handle = handleOf(v);
    if (handle) return { [HANDLE_TAG]: handle.kind, state: handle.state };
    const proto = Object.getPrototypeOf(v) as object | null;
    const out: Record<string, unknown> = {};
    memo.set(v, out);
    if (proto !== null && proto !== Object.prototype) {
      const ctor = (proto as { constructor?: { name?: string } }).constructor;
      const name = ctor?.name ?? "object";
      if (v instanceof Error) return v;
      if (lookup(name) !== ctor) {
        throw cantPickleByName(`<class '__main__.${name}'>`, name);
      }
      out[CLASS_TAG] = name;
    }
    for (const k of Object.keys(v)) out[k] = walk((v as Record<string, unknown>)[k]);
    return out;
  };
  return walk(value);
}

export function loads(value: unknown, lookup: Lookup): unknown {
  const memo = new Set<object>();
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== "object" || memo.has(v)) return v;
    memo.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
      return v;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) v.set(k, walk(x));
      return v;
    }
    if (v instanceof Set || ArrayBuffer.isView(v) || v instanceof ArrayBuffer || v instanceof Date) return v;
    const rec = v as Record<string, unknown>;
    const handleKind = rec[HANDLE_TAG];
    if (typeof handleKind === "string") return reviveHandle(handleKind, rec.state);
    for (const k of Object.keys(rec)) rec[k] = walk(rec[k]);
    const cls = rec[CLASS_TAG];
    if (typeof cls === "string") {
      delete rec[CLASS_TAG];
      const ctor = lookup(cls);
      if (typeof ctor === "function") Object.setPrototypeOf(rec, (ctor as { prototype: object }).prototype);
    }
    return v;
  };
  return walk(value);
}
