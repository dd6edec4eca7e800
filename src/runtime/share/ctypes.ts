/**
 * The C types behind multiprocessing.sharedctypes: each typecode's ctypes name and C
 * size, and the memory of a shared value or array, one SharedArrayBuffer laid out as
 * C lays it out (`'i'` four bytes an item, `'q'` eight...).
 *
 * A value becomes what its C type stores as ctypes makes it: integers wrap modulo
 * 2^bits (`'b'` 127 + 1 is -128: a typed array's store does exactly that), `'f'`
 * rounds to single precision, `'c'` is one byte, and anything else raises ctypes'
 * TypeError before memory is touched. 64-bit integers read back as numbers, exact
 * within ±2^53.
 *
 * Loads and stores are plain typed-array accesses, as CPython's are plain memory
 * accesses: `v.value += 1` is a load then a store, never an atomic add, so two
 * processes lose updates as they do in CPython. Integer items up to 32 bits are
 * tear-free in JavaScript's memory model; 8-byte items are single aligned accesses
 * on the 64-bit hosts browsers run on (CPython's memcpy of a c_double is no more).
 */
import { NotImplementedError, TypeError as PyTypeError } from "../lib/exceptions";
import { intArg } from "../lib/options";
import { pyRepr, pyTypeName, reprBytes } from "../lib/pyrepr";

/** How a C type's items are stored and converted. */
export const enum Store {
  /** An integer of up to 32 bits, as a number. */
  Int,
  /** A 64-bit integer, as a bigint in memory and a number outside it. */
  Big,
  /** A float or double. */
  Float,
  /** c_char: one byte, which Python shows as a one-byte `bytes`. */
  Char,
}

type NumberView =
  Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;
type BigView = BigInt64Array | BigUint64Array;

export interface CType {
  readonly code: string;
  /** The ctypes name, as reprs show it: `c_int`. */
  readonly name: string;
  readonly store: Store;
  /** The C size of one item, in bytes. */
  readonly size: number;
  readonly view: new (buffer: ArrayBufferLike) => NumberView | BigView;
}

const t = (code: string, name: string, store: Store, view: CType["view"] & { BYTES_PER_ELEMENT: number }): CType => ({
  code,
  name,
  store,
  size: view.BYTES_PER_ELEMENT,
  view,
});

/** CPython's `typecode_to_type` (multiprocessing/sharedctypes.py); `'q'` is c_long on 64-bit Linux, as there. */
const TYPES: ReadonlyMap<string, CType> = new Map(
  [
    t("c", "c_char", Store.Char, Uint8Array),
    t("b", "c_byte", Store.Int, Int8Array),
    t("B", "c_ubyte", Store.Int, Uint8Array),
    t("h", "c_short", Store.Int, Int16Array),
    t("H", "c_ushort", Store.Int, Uint16Array),
    t("i", "c_int", Store.Int, Int32Array),
    t("I", "c_uint", Store.Int, Uint32Array),
    t("l", "c_long", Store.Big, BigInt64Array),
    t("L", "c_ulong", Store.Big, BigUint64Array),
    t("q", "c_long", Store.Big, BigInt64Array),
    t("Q", "c_ulong", Store.Big, BigUint64Array),
    t("f", "c_float", Store.Float, Float32Array),
    t("d", "c_double", Store.Float, Float64Array),
  ].map((type) => [type.code, type]),
);

/** The C type of a typecode, with CPython's error for one it does not know. */
export function ctypeOf(typecode: unknown): CType {
  const type = typeof typecode === "string" ? TYPES.get(typecode) : undefined;
  if (type) return type;
  if (typecode === "u")
    throw new NotImplementedError("typecode 'u' (c_wchar) is not available in the playground: use 'i' or 'c'");
  throw new PyTypeError("this type has no size");
}

const CHAR_EXPECTED = "one character bytes, bytearray or integer expected";

/** One byte out of a `bytes`-like value of length 1 or an integer 0..255 (ctypes' c_char). */
function charCode(v: unknown): number {
  if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 255) return v;
  if (v instanceof Uint8Array && v.length === 1) return v[0] as number;
  throw new PyTypeError(CHAR_EXPECTED);
}

/** The raw bytes a `bytes` argument gives (a Uint8Array), with ctypes' error for anything else. */
export function bytesArg(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  throw new PyTypeError(`bytes expected instead of ${pyTypeName(v)} instance`);
}

/**
 * The memory of one shared value (`length` -1) or array. Reads give numbers (a
 * c_char's byte code too: `toPython` makes the `bytes`); `convert` checks and
 * converts a Python value first, so a bad value raises before the store.
 */
export class CMemory {
  readonly type: CType;
  /** Items in memory: 1 for a single value. */
  readonly items: number;
  private readonly nums: NumberView | null;
  private readonly bigs: BigView | null;
  /** One private item of the same type: what a store would make of a value, without storing it. */
  private readonly scratch: NumberView | BigView;

  static create(type: CType, length: number): CMemory {
    return new CMemory(new SharedArrayBuffer(Math.max(length, 1) * type.size), type.code, length);
  }

  constructor(
    readonly sab: SharedArrayBuffer,
    typecode: string,
    /** -1 for a single value, else the array's length. */
    readonly length: number,
  ) {
    this.type = ctypeOf(typecode);
    const view = new this.type.view(sab);
    const big = this.type.store === Store.Big;
    this.nums = big ? null : (view as NumberView);
    this.bigs = big ? (view as BigView) : null;
    this.items = Math.max(length, 1);
    this.scratch = new this.type.view(new ArrayBuffer(this.type.size));
  }

  load(i: number): number {
    const nums = this.nums;
    return nums !== null ? (nums[i] as number) : Number((this.bigs as BigView)[i]);
  }

  /** Stores a value `convert` made. */
  store(i: number, x: number | bigint): void {
    const nums = this.nums;
    if (nums !== null) nums[i] = x as number;
    else (this.bigs as BigView)[i] = x as bigint;
  }

  /** A Python value as this type stores it, or ctypes' TypeError. */
  convert(v: unknown): number | bigint {
    switch (this.type.store) {
      case Store.Int:
        return typeof v === "bigint" ? Number(BigInt.asIntN(32, v)) : intArg(v);
      case Store.Big:
        return typeof v === "bigint" ? v : BigInt(intArg(v));
      case Store.Float:
        if (typeof v === "number") return v;
        if (typeof v === "boolean") return v ? 1 : 0;
        if (typeof v === "bigint") return Number(v);
        throw new PyTypeError(`must be real number, not ${pyTypeName(v)}`);
      case Store.Char:
        return charCode(v);
    }
  }

  /** The number a store of `x` leaves in memory (wrapped, rounded): what a write records. */
  stored(x: number | bigint): number {
    const s = this.scratch;
    if (this.bigs !== null) {
      (s as BigView)[0] = x as bigint;
      return Number((s as BigView)[0]);
    }
    (s as NumberView)[0] = x as number;
    return (s as NumberView)[0] as number;
  }

  /** What Python gets for a loaded item: a number, or a one-byte `bytes` for c_char. */
  toPython(n: number): number | Uint8Array {
    return this.type.store === Store.Char ? Uint8Array.of(n) : n;
  }

  /** Copies items [from, to) out as bytes (c_char arrays). */
  bytes(from: number, to: number): Uint8Array {
    return new Uint8Array(this.sab, from, Math.max(to - from, 0)).slice();
  }

  /** The ctypes repr of a single value: `c_int(5)`, `c_char(b'a')`. */
  reprValue(): string {
    const n = this.load(0);
    return `${this.type.name}(${this.type.store === Store.Char ? reprBytes(Uint8Array.of(n)) : pyRepr(n)})`;
  }

  /** The ctypes class name of an array: `c_int_Array_3`. */
  arrayTypeName(): string {
    return `${this.type.name}_Array_${this.length}`;
  }
}
