/**
 * The classes of multiprocessing's shared arrays: what `Array()` and `RawArray()`
 * (sharedctypes.ts) return.
 *
 * Python's `a[i]` is `a[i]`: negative indices count from the end, and one out of
 * range raises `IndexError: invalid index`. Python's slices map to methods, as
 * JavaScript has no slice syntax: `a[start:stop:step]` is `a.slice(start, stop, step)`
 * (a new list, or `bytes` for `'c'`; negative and missing bounds as in Python), and
 * `a[start:start + len(xs)] = xs` is `a.set(xs, start)` (`a[:] = xs` is `a.set(xs)`),
 * each one access under the lock, as CPython's are. `len(a)` is `a.length`; `[...a]`
 * and `for...of` read item by item, as `list(a)` does.
 *
 * How `a[i]` reaches the shared memory: the prototype chain of every shared array
 * ends in a Proxy, so only a lookup that nothing before it answers (an index) costs a
 * trap, while `length`, methods and fields stay ordinary lookups. `a[k] += 1` over a
 * bare Int32Array, measured in Node on a loaded 2-core box (so only ratios count):
 * behind this chain 1,650 ns, behind a Proxy around the whole object 2,090 ns (and
 * its `length` 300 ns instead of 27), through per-index accessor properties 1,510 ns
 * (and a closure per item), a method call 120 ns. Item access is Python-shaped at
 * the price of the trap; the whole synchronized `a[k] += 1` (two sync points, two
 * locked accesses, two records) cost 4.2-5.9 µs in-thread beside CPython's 2.5 µs.
 */
import { AttributeError, IndexError, TypeError as PyTypeError, ValueError } from "../lib/exceptions";
import { fakeAddress, pyTypeName } from "../lib/pyrepr";
import { NONE, Op } from "../events/opColumns";
import { syncPoint } from "../process/syncPoint";
import { Store } from "../share/ctypes";
import { HANDLE, type HandleDescription } from "./handles";
import type { SemLockBase } from "./locks";
import { describe, readItem, readItems, refuse, writeItem, writeItems, type Shared } from "./sharedAccess";

const NativeArray = globalThis.Array;

/** A property key that is an index (`"3"`, `"-1"`, `"1.5"`): it cannot name a method. */
function isIndexKey(key: string | symbol): key is string {
  if (typeof key !== "string") return false;
  const c = key.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c === 45 && key.length > 1);
}

const INDEXED: object = new Proxy(Object.create(Object.prototype) as object, {
  get(target, key, receiver) {
    if (isIndexKey(key)) return (receiver as SharedArrayBase).__getitem__(Number(key));
    return Reflect.get(target, key, receiver) as unknown;
  },
  set(target, key, value, receiver) {
    if (!isIndexKey(key)) return Reflect.set(target, key, value, receiver);
    (receiver as SharedArrayBase).__setitem__(Number(key), value);
    return true;
  },
});

/** Python's `slice(start, stop, step).indices(n)`, as the list of indices it covers. */
function sliceIndices(n: number, start?: number | null, stop?: number | null, step?: number | null): number[] {
  for (const v of [start, stop, step])
    if (v !== null && v !== undefined && !Number.isInteger(v))
      throw new PyTypeError("slice indices must be integers or None or have an __index__ method");
  const by = step ?? 1;
  if (by === 0) throw new ValueError("slice step cannot be zero");
  const [lower, upper] = by > 0 ? [0, n] : [-1, n - 1];
  const clamp = (v: number) => (v < 0 ? Math.max(v + n, lower) : Math.min(v, upper));
  const from = start == null ? (by > 0 ? lower : upper) : clamp(start);
  const to = stop == null ? (by > 0 ? upper : lower) : clamp(stop);
  const out: number[] = [];
  for (let i = from; by > 0 ? i < to : i > to; i += by) out.push(i);
  return out;
}

abstract class SharedArrayBase {
  [i: number]: unknown;

  constructor(
    readonly shared: Shared,
    protected readonly guard: SemLockBase | null,
  ) {}

  /** `len(a)`. */
  get length(): number {
    return this.shared.mem.length;
  }

  /** `a[i]`, as the index trap calls it. */
  __getitem__(i: number): number | Uint8Array {
    const s = this.shared;
    syncPoint(Op.read, s.id);
    const j = this.index(i, Op.read);
    return s.mem.toPython(readItem(s, j, j, this.guard));
  }

  /** `a[i] = v`. */
  __setitem__(i: number, v: unknown): void {
    const s = this.shared;
    syncPoint(Op.write, s.id);
    const j = this.index(i, Op.write);
    let x: number | bigint;
    try {
      x = s.mem.convert(v);
    } catch (e) {
      refuse(s, Op.write, j, e as Error);
    }
    writeItem(s, j, j, x, this.guard);
  }

  private index(i: number, op: number): number {
    const n = this.shared.mem.length;
    if (!Number.isInteger(i)) refuse(this.shared, op, NONE, new PyTypeError("indices must be integers"));
    const j = i < 0 ? i + n : i;
    if (j < 0 || j >= n) refuse(this.shared, op, NONE, new IndexError("invalid index"));
    return j;
  }

  /** `a[start:stop:step]`: a list, or `bytes` for `'c'`. */
  slice(start?: number | null, stop?: number | null, step?: number | null): number[] | Uint8Array {
    const got = readItems(this.shared, sliceIndices(this.length, start, stop, step), this.guard);
    return this.isChars() ? Uint8Array.from(got) : got;
  }

  /** `a[start:start + len(values)] = values`; `start` < 0 counts from the end. */
  set(values: Iterable<unknown>, start = 0): void {
    const items = NativeArray.from(values);
    const at = sliceIndices(this.length, start)[0] ?? this.length;
    if (Math.min(at + items.length, this.length) - at !== items.length)
      throw new ValueError("Can only assign sequence of same size");
    writeItems(this.shared, at, items, this.guard);
  }

  *[Symbol.iterator](): IterableIterator<number | Uint8Array> {
    for (let i = 0; i < this.length; i++) yield this.__getitem__(i);
  }

  /** A `'c'` array's bytes up to the first NUL. */
  get value(): Uint8Array {
    const raw = this.chars("value");
    const end = raw.indexOf(0);
    return end < 0 ? raw : raw.slice(0, end);
  }

  set value(v: unknown) {
    const bytes = this.charsArg(v, "value");
    this.set(bytes.length < this.length ? [...bytes, 0] : bytes);
  }

  /** A `'c'` array's bytes, all of them. */
  get raw(): Uint8Array {
    return this.chars("raw");
  }

  set raw(v: unknown) {
    this.set(this.charsArg(v, "raw"));
  }

  private isChars(): boolean {
    return this.shared.mem.type.store === Store.Char;
  }

  private charsOnly(attribute: "value" | "raw"): void {
    if (!this.isChars()) throw new AttributeError(`'${this.__mp_kind__}' object has no attribute '${attribute}'`);
  }

  /** All of a `'c'` array's bytes, in one access. */
  private chars(attribute: "value" | "raw"): Uint8Array {
    this.charsOnly(attribute);
    return Uint8Array.from(readItems(this.shared, sliceIndices(this.length), this.guard));
  }

  private charsArg(v: unknown, attribute: "value" | "raw"): Uint8Array {
    this.charsOnly(attribute);
    if (!(v instanceof Uint8Array))
      throw new PyTypeError(
        attribute === "raw"
          ? `a bytes-like object is required, not '${pyTypeName(v)}'`
          : `bytes expected instead of ${pyTypeName(v)} instance`,
      );
    if (v.length > this.length) throw new ValueError("byte string too long");
    return v;
  }

  abstract get __mp_kind__(): string;

  get __mp_label__(): string {
    return this.shared.label;
  }

  [HANDLE](): HandleDescription {
    return describe(this.shared, this.guard);
  }

  abstract __repr__(): string;

  toString(): string {
    return this.__repr__();
  }
}
Object.setPrototypeOf(SharedArrayBase.prototype, INDEXED);

/** A raw shared array: CPython's ctypes array (`c_int_Array_3`), with no lock. */
export class CArray extends SharedArrayBase {
  constructor(shared: Shared) {
    super(shared, null);
  }

  get __mp_kind__(): string {
    return this.shared.mem.arrayTypeName();
  }

  /** CPython's raw array has no lock: the AttributeError a learner meets there. */
  get_lock(): never {
    throw new AttributeError(`'${this.__mp_kind__}' object has no attribute 'get_lock'`);
  }

  __repr__(): string {
    return `<multiprocessing.sharedctypes.${this.__mp_kind__} object at ${fakeAddress(this)}>`;
  }
}

/** What `Array()` returns (CPython's SynchronizedArray, or SynchronizedString for `'c'`). */
export class SynchronizedArray extends SharedArrayBase {
  constructor(
    private readonly obj: CArray,
    private readonly lock: SemLockBase,
  ) {
    super(obj.shared, lock);
  }

  get __mp_kind__(): string {
    return this.shared.mem.type.store === Store.Char ? "SynchronizedString" : "SynchronizedArray";
  }

  get_lock(): SemLockBase {
    return this.lock;
  }

  /** The raw ctypes array, on the same memory, without the lock. */
  get_obj(): CArray {
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

  __repr__(): string {
    return `<${this.__mp_kind__} wrapper for ${this.obj.__repr__()}>`;
  }
}
