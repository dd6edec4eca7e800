/**
 * multiprocessing.sharedctypes: the `Value`, `RawValue`, `Array` and `RawArray`
 * factories and the value classes (the array classes are in sharedArrays.ts), on
 * real shared memory (share/ctypes.ts).
 *
 * As in CPython, `Value` and `Array` are factories (`new Value(...)` works too): they
 * make the raw ctypes object (`RawValue`: `c_int(5)`) and, unless `lock: false`, wrap
 * it with a lock (a new RLock by default) in a `Synchronized` object whose every read
 * and write takes that lock (sharedAccess.ts). Passed as a Process argument, either
 * arrives in the child on the same memory, with the same lock; put into a queue or
 * pipe, either raises CPython's RuntimeError naming its type.
 */
import { AttributeError, TypeError as PyTypeError, ValueError } from "../lib/exceptions";
import { isPlainObject, keywordArgs } from "../lib/options";
import { pyTypeName } from "../lib/pyrepr";
import { ctypeOf } from "../share/ctypes";
import { HANDLE, registerHandleKind, type HandleDescription } from "./handles";
import type { SemLockBase } from "./locks";
import {
  announce,
  describe,
  filled,
  lockOption,
  missingArgs,
  newShared,
  readValue,
  revive,
  SHARED_KIND,
  writeValue,
  type Shared,
} from "./sharedAccess";
import { CArray, SynchronizedArray } from "./sharedArrays";

/** A raw shared value: CPython's ctypes object (`c_int(5)`), with no lock. */
export class CValue {
  constructor(readonly shared: Shared) {}

  get value(): number | Uint8Array {
    return readValue(this.shared, null);
  }

  set value(v: unknown) {
    writeValue(this.shared, v, null);
  }

  /** CPython's raw object has no lock: the AttributeError a learner meets there. */
  get_lock(): never {
    throw new AttributeError(`'${this.__mp_kind__}' object has no attribute 'get_lock'`);
  }

  get __mp_kind__(): string {
    return this.shared.mem.type.name;
  }

  get __mp_label__(): string {
    return this.shared.label;
  }

  [HANDLE](): HandleDescription {
    return describe(this.shared, null);
  }

  __repr__(): string {
    return this.shared.mem.reprValue();
  }

  toString(): string {
    return this.__repr__();
  }
}

/** What `Value()` returns: the raw value and the lock each access takes. */
export class Synchronized {
  constructor(
    private readonly obj: CValue,
    private readonly lock: SemLockBase,
  ) {}

  get value(): number | Uint8Array {
    return readValue(this.obj.shared, this.lock);
  }

  set value(v: unknown) {
    writeValue(this.obj.shared, v, this.lock);
  }

  get_lock(): SemLockBase {
    return this.lock;
  }

  /** The raw ctypes object, on the same memory, without the lock. */
  get_obj(): CValue {
    return this.obj;
  }

  acquire(block?: unknown, timeout?: number | null): boolean {
    return this.lock.acquire(block as boolean, timeout);
  }

  release(): void {
    this.lock.release();
  }

  __enter__(): boolean {
    return this.lock.__enter__();
  }

  __exit__(): void {
    this.lock.__exit__();
  }

  get __mp_kind__(): string {
    return "Synchronized";
  }

  get __mp_label__(): string {
    return this.obj.shared.label;
  }

  [HANDLE](): HandleDescription {
    return describe(this.obj.shared, this.lock);
  }

  __repr__(): string {
    return `<Synchronized wrapper for ${this.obj.__repr__()}>`;
  }

  toString(): string {
    return this.__repr__();
  }
}

/**
 * `(typecode_or_type, *args, lock=True)`: the one value ctypes' constructor takes
 * (default 0), then Python's keyword arguments as the trailing options object.
 */
function valueArgs(fn: string, names: readonly "lock"[], args: readonly unknown[]) {
  const [typecode, value, options] = args;
  if (typecode === undefined) throw missingArgs(fn, ["typecode_or_type"]);
  if (isPlainObject(value)) return { typecode, value: 0, keywords: keywordArgs(fn, names, [value, options]) };
  if (options !== undefined && !isPlainObject(options))
    throw new PyTypeError("__init__ expected at most 1 argument, got 2");
  return { typecode, value: value === undefined ? 0 : value, keywords: keywordArgs(fn, names, [options]) };
}

function newValue(typecode: unknown, value: unknown, prefix: string): Shared {
  return newShared(filled(ctypeOf(typecode), -1, [value]), prefix);
}

/** multiprocessing.Value(typecode_or_type, value = 0, { lock = true }). */
export function Value(typecode_or_type?: unknown, value?: unknown, options?: unknown): Synchronized | CValue {
  const a = valueArgs("BaseContext.Value", ["lock"], [typecode_or_type, value, options]);
  const shared = newValue(a.typecode, a.value, "Value");
  const lock = lockOption(a.keywords.lock);
  announce(shared, lock);
  return lock ? new Synchronized(new CValue(shared), lock) : new CValue(shared);
}
Value.prototype = Synchronized.prototype;

/** multiprocessing.RawValue(typecode_or_type, value = 0): no lock. */
export function RawValue(typecode_or_type?: unknown, value?: unknown, options?: unknown): CValue {
  const a = valueArgs("BaseContext.RawValue", [], [typecode_or_type, value, options]);
  const shared = newValue(a.typecode, a.value, "RawValue");
  announce(shared, null);
  return new CValue(shared);
}
RawValue.prototype = CValue.prototype;

/** `(typecode_or_type, size_or_initializer, *, lock=True)`: a new, filled memory and the keywords. */
function arrayArgs(fn: string, names: readonly "lock"[], args: readonly unknown[]) {
  const [typecode, size, options] = args;
  if (size === undefined)
    throw missingArgs(
      fn,
      typecode === undefined ? ["typecode_or_type", "size_or_initializer"] : ["size_or_initializer"],
    );
  if (options !== undefined && !isPlainObject(options))
    throw new PyTypeError(`${fn}() takes 3 positional arguments but 4 were given`);
  const keywords = keywordArgs(fn, names, [options]);
  const type = ctypeOf(typecode);
  if (typeof size === "boolean" || (typeof size === "number" && Number.isInteger(size))) {
    const n = Number(size);
    if (n < 0) throw new ValueError(`Array length must be >= 0, not ${n}`);
    return { mem: filled(type, n, null), keywords };
  }
  const iterable = size !== null && typeof (size as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function";
  if (!iterable) throw new PyTypeError(`object of type '${pyTypeName(size)}' has no len()`);
  const items = Array.from(size as Iterable<unknown>);
  return { mem: filled(type, items.length, items), keywords };
}

/**
 * multiprocessing.Array(typecode_or_type, size_or_initializer, { lock = true }).
 * `import { Array } from "multiprocessing"` shadows the global Array, so this one
 * also answers `Array.from`, `Array.isArray` and `Array.of` as the global does.
 */
export function SharedArray(
  typecode_or_type?: unknown,
  size_or_initializer?: unknown,
  options?: unknown,
): SynchronizedArray | CArray {
  const { mem, keywords } = arrayArgs("BaseContext.Array", ["lock"], [typecode_or_type, size_or_initializer, options]);
  const shared = newShared(mem, "Array");
  const lock = lockOption(keywords.lock);
  announce(shared, lock);
  return lock ? new SynchronizedArray(new CArray(shared), lock) : new CArray(shared);
}
SharedArray.prototype = SynchronizedArray.prototype;
SharedArray.from = Array.from.bind(Array);
SharedArray.isArray = Array.isArray.bind(Array);
SharedArray.of = Array.of.bind(Array);

/** multiprocessing.RawArray(typecode_or_type, size_or_initializer): no lock. */
export function RawArray(typecode_or_type?: unknown, size_or_initializer?: unknown, options?: unknown): CArray {
  const { mem } = arrayArgs("BaseContext.RawArray", [], [typecode_or_type, size_or_initializer, options]);
  const shared = newShared(mem, "RawArray");
  announce(shared, null);
  return new CArray(shared);
}
RawArray.prototype = CArray.prototype;

registerHandleKind(SHARED_KIND, (state) => {
  const { shared, lock } = revive(state);
  if (shared.mem.length < 0) return lock ? new Synchronized(new CValue(shared), lock) : new CValue(shared);
  return lock ? new SynchronizedArray(new CArray(shared), lock) : new CArray(shared);
});
