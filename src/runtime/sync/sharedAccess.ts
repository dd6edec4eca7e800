/**
 * What every shared value and array does on each access: the choke point, the lock
 * a Synchronized wrapper takes, the load or store, and the record of it.
 *
 * Each read and write is an operation (`read`/`write`) whose VALUE column is the
 * number read or written (a c_char's byte code; a write records what the store
 * left: 127 + 1 as -128) and whose ITEM is the array index (NONE for a Value). A
 * write takes its seq just before its store, a read just after its load, and a
 * wrapper's access does both while it holds its lock, so in seq order a read sees
 * the last write before it. An unlocked `v.value += 1` from two processes shows
 * as CPython's race does: both read 41, both write 42. (A raw value has no lock, so
 * there a read may land between a write's seq and its store, a few ns apart.)
 */
import { AttributeError, TypeError as PyTypeError } from "../lib/exceptions";
import { pyRepr } from "../lib/pyrepr";
import { NONE, Op, Outcome } from "../events/opColumns";
import { ctx } from "../process/context";
import { syncPoint } from "../process/syncPoint";
import { CMemory, type CType } from "../share/ctypes";
import { HANDLE, type HandleDescription, reviveHandle } from "./handles";
import { previewItem } from "./itemCodec";
import { RLock, SemLockBase } from "./locks";

/** A shared value or array as its events know it. */
export interface Shared {
  readonly mem: CMemory;
  readonly id: number;
  readonly label: string;
}

/** Initial values an Array's `obj.create` lists; a longer array lists none. */
const CREATE_VALUES_MAX = 32;

/** A new shared object for `mem` (already filled): its number now, its `obj.create` once its lock exists. */
export function newShared(mem: CMemory, prefix: string): Shared {
  const id = ctx().control.nextObjectId();
  return { mem, id, label: `${prefix}-${id}` };
}

export function announce(s: Shared, lock: SemLockBase | null): void {
  const { mem } = s;
  const single = mem.length < 0;
  const values =
    single || mem.length > CREATE_VALUES_MAX ? [] : Array.from({ length: mem.length }, (_, i) => mem.load(i));
  ctx().emit({
    kind: "obj.create",
    objId: s.id,
    objKind: single ? "Value" : "Array",
    label: s.label,
    typecode: mem.type.code,
    ...(single ? { value: mem.load(0) } : { length: mem.length, ...(values.length > 0 ? { value: values } : {}) }),
    ...(lock ? { lockId: lock.__mp_id__ } : {}),
  });
}

/** Python's `lock` keyword of Value and Array: null for `false` (the raw object). */
export function lockOption(lock: unknown): SemLockBase | null {
  if (lock === false) return null;
  if (lock === true || lock === undefined || lock === null || lock === 1) return new RLock();
  if (lock instanceof SemLockBase) return lock;
  if (typeof (lock as { acquire?: unknown } | null)?.acquire === "function")
    throw new PyTypeError("lock must be a Lock, RLock, Semaphore or BoundedSemaphore from multiprocessing");
  throw new AttributeError(`${pyRepr(lock)} has no method 'acquire'`);
}

/** Python's "missing N required positional arguments: 'a' and 'b'". */
export function missingArgs(fn: string, names: readonly string[]): PyTypeError {
  const quoted = names.map((n) => `'${n}'`);
  const list = quoted.length === 2 ? quoted.join(" and ") : quoted[0];
  const s = names.length === 1 ? "" : "s";
  return new PyTypeError(`${fn}() missing ${names.length} required positional argument${s}: ${list}`);
}

/** Records an access that raised before it touched memory (a bad index or value) and raises. */
export function refuse(s: Shared, op: number, item: number, error: Error): never {
  ctx().emitter.op(s.id, op, Outcome.error, item);
  throw error;
}

/** One item's load; `item` is the index the record names (NONE for a Value). */
export function readItem(s: Shared, i: number, item: number, lock: SemLockBase | null): number {
  const c = ctx();
  const held = lock !== null && lock.holdForAccess(c.pid);
  try {
    const n = s.mem.load(i);
    c.emitter.op(s.id, Op.read, Outcome.ok, item, NONE, undefined, n);
    return n;
  } finally {
    if (held) (lock as SemLockBase).letGoAfterAccess();
  }
}

/** One item's store of `x`, a value `mem.convert` made. */
export function writeItem(s: Shared, i: number, item: number, x: number | bigint, lock: SemLockBase | null): void {
  const c = ctx();
  const value = s.mem.stored(x);
  const held = lock !== null && lock.holdForAccess(c.pid);
  try {
    c.emitter.reserve();
    s.mem.store(i, x);
    c.emitter.op(s.id, Op.write, Outcome.ok, item, NONE, undefined, value);
  } finally {
    if (held) (lock as SemLockBase).letGoAfterAccess();
  }
}

/** The value of a single-value object's `.value` (its sync point first). */
export function readValue(s: Shared, lock: SemLockBase | null): number | Uint8Array {
  syncPoint(Op.read, s.id);
  return s.mem.toPython(readItem(s, 0, NONE, lock));
}

export function writeValue(s: Shared, v: unknown, lock: SemLockBase | null): void {
  syncPoint(Op.write, s.id);
  let x: number | bigint;
  try {
    x = s.mem.convert(v);
  } catch (e) {
    refuse(s, Op.write, NONE, e as Error);
  }
  writeItem(s, 0, NONE, x, lock);
}

/** Items `indices` in one access (a slice), as one `read` with a preview of what it read. */
export function readItems(s: Shared, indices: readonly number[], lock: SemLockBase | null): number[] {
  const c = ctx();
  syncPoint(Op.read, s.id, c);
  const held = lock !== null && lock.holdForAccess(c.pid);
  try {
    const out = indices.map((i) => s.mem.load(i));
    c.emitter.op(s.id, Op.read, Outcome.ok, NONE, NONE, previewItem(out));
    return out;
  } finally {
    if (held) (lock as SemLockBase).letGoAfterAccess();
  }
}

/** Stores `values` at `start` onward in one access (a slice assignment), converted first. */
export function writeItems(s: Shared, start: number, values: readonly unknown[], lock: SemLockBase | null): void {
  const c = ctx();
  syncPoint(Op.write, s.id, c);
  let xs: (number | bigint)[];
  try {
    xs = values.map((v) => s.mem.convert(v));
  } catch (e) {
    refuse(s, Op.write, NONE, e as Error);
  }
  const held = lock !== null && lock.holdForAccess(c.pid);
  try {
    c.emitter.reserve();
    xs.forEach((x, k) => s.mem.store(start + k, x));
    c.emitter.op(s.id, Op.write, Outcome.ok, NONE, NONE, previewItem(xs.map((x) => s.mem.stored(x))));
  } finally {
    if (held) (lock as SemLockBase).letGoAfterAccess();
  }
}

/** How a shared object travels to a child process: its memory, and its lock's own handle. */
export interface SharedHandle {
  sab: SharedArrayBuffer;
  typecode: string;
  length: number;
  id: number;
  label: string;
  lock: HandleDescription | null;
}

export const SHARED_KIND = "sharedctypes";

export function describe(s: Shared, lock: SemLockBase | null): HandleDescription {
  const state: SharedHandle = {
    sab: s.mem.sab,
    typecode: s.mem.type.code,
    length: s.mem.length,
    id: s.id,
    label: s.label,
    lock: lock ? lock[HANDLE]() : null,
  };
  return { kind: SHARED_KIND, state };
}

export function revive(state: unknown): { shared: Shared; lock: SemLockBase | null } {
  const h = state as SharedHandle;
  const shared = { mem: new CMemory(h.sab, h.typecode, h.length), id: h.id, label: h.label };
  const lock = h.lock ? (reviveHandle(h.lock.kind, h.lock.state) as SemLockBase) : null;
  return { shared, lock };
}

/** A new memory holding an initializer's items, converted as ctypes converts them: a bad one raises before the object exists. */
export function filled(type: CType, length: number, items: readonly unknown[] | null): CMemory {
  const mem = CMemory.create(type, length);
  if (items) items.forEach((v, i) => mem.store(i, mem.convert(v)));
  return mem;
}
