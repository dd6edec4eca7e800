/**
 * The byte level of the pickle codec, and its writing half: the wire tags,
 * UTF-8 both ways, a growable byte buffer, and the walk that turns a value into
 * tagged bytes. pickleCodec.ts has the format's rules, the reading walk and the API.
 *
 * Strings are written by hand; a long one with no lone surrogate goes through
 * TextEncoder.encodeInto (many times faster), which is allowed here because the
 * buffer is this module's own, never shared memory (Chrome refuses shared views),
 * and which would otherwise turn a lone surrogate into U+FFFD, where pickle and
 * structuredClone keep strings exact. Bulk bytes (typed arrays, ArrayBuffers) are
 * copied with one `set()`, never a JS loop.
 */
import { PickleError, PicklingError, cantPickleByName } from "../lib/exceptions";
import type { PickleHooks } from "./pickleCodec";

/** pickle.UnpicklingError: the bytes are not a pickle of ours (truncated, overwritten, garbage). */
export class UnpicklingError extends PickleError {}
Object.defineProperty(UnpicklingError, "__module__", { value: "_pickle", enumerable: false });

/** First byte of every pickle: the format's version. Zeroed or stale memory fails here at once. */
export const MAGIC = 0xb1;

// One tag byte before every value. 0 is no tag, so that zeroed memory is rejected.
export const NONE = 1,
  FALSE = 2,
  TRUE = 3,
  INT = 4,
  FLOAT = 5,
  STR = 6,
  BIGPOS = 7,
  BIGNEG = 8;
/** A back-reference: varint index of an object met earlier (pickle's memo; every object takes a slot). */
export const REF = 9;
export const ARRAY = 10,
  OBJECT = 11,
  NULL_OBJECT = 12,
  MAP = 13,
  SET = 14,
  DATE = 15,
  REGEXP = 16;
export const ARRAY_BUFFER = 17,
  VIEW = 18,
  SHARED = 19,
  SHARED_VIEW = 20,
  ERROR = 21,
  INSTANCE = 22;
export const HANDLE = 23,
  GLOBAL = 24;

/** ArrayBufferView kinds, by wire code (the index). Names, so Float16Array counts where the engine has it. */
export const VIEW_NAMES = [
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "Float32Array",
  "Float64Array",
  "BigInt64Array",
  "BigUint64Array",
  "DataView",
  "Float16Array",
] as const;

/** Prototype -> wire code. By prototype chain, so a subclass (Node's Buffer) is written as its base kind. */
const KIND_OF = new Map<object, number>();
VIEW_NAMES.forEach((name, code) => {
  const ctor = (globalThis as Record<string, unknown>)[name];
  if (typeof ctor === "function") KIND_OF.set(ctor.prototype as object, code);
});

const UINT8_KIND = VIEW_NAMES.indexOf("Uint8Array");

/** `SharedArrayBuffer` is undefined on a page that is not cross-origin isolated. */
export const isShared = (b: ArrayBufferLike): b is SharedArrayBuffer => !(b instanceof ArrayBuffer);

/** Float64 <-> bytes through one scratch word: cheaper than a DataView per call. Both ends share the platform's byte order. */
export const F64 = new Float64Array(1);
export const F64_BYTES = new Uint8Array(F64.buffer);

const varintSize = (n: number): number => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);

/** LEB128, unsigned, up to 2^53. Bit operations for uint32, which is every length and small int in practice. */
function putVarint(b: Uint8Array, p: number, n: number): number {
  if (n > 0xffffffff) {
    while (n >= 0x80) {
      b[p++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
  } else {
    while (n >= 0x80) {
      b[p++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
  }
  b[p++] = n;
  return p;
}

/**
 * A growable byte buffer. `dumpsInto` appends to one the caller keeps (so a
 * queue can reuse it and copy `view()` straight into its ring: no allocation per
 * item); `dumps` uses a private one and returns a copy.
 */
export class PickleWriter {
  /** The storage; replaced when it grows, so do not keep a reference across writes. */
  bytes: Uint8Array;
  /** Bytes written so far. */
  length = 0;

  constructor(capacity = 256) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }

  /** The bytes written so far, as a view: valid until the next write or reset. */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }

  /** Makes room for n more bytes. */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  byte(b: number): void {
    if (this.length === this.bytes.length) this.reserve(1);
    this.bytes[this.length++] = b;
  }

  varint(n: number): void {
    this.reserve(8);
    this.length = putVarint(this.bytes, this.length, n);
  }

  f64(x: number): void {
    this.reserve(8);
    F64[0] = x;
    const b = this.bytes,
      p = this.length;
    for (let i = 0; i < 8; i++) b[p + i] = F64_BYTES[i]!;
    this.length = p + 8;
  }

  raw(src: Uint8Array): void {
    this.reserve(src.length);
    this.bytes.set(src, this.length);
    this.length += src.length;
  }

  /**
   * Varint byte length + UTF-8. Surrogate pairs become one 4-byte sequence; a
   * lone surrogate is written as its 3-byte form (WTF-8), so every JS string comes
   * back exactly. The length is guessed from the UTF-16 length (right for ASCII),
   * and the bytes are moved in the rare case that the guess had too few digits.
   */
  str(s: string): void {
    const len = s.length;
    this.reserve(len * 3 + 10);
    const b = this.bytes,
      head = this.length,
      guess = varintSize(len);
    let p = head + guess;
    if (len > 64 && isWellFormed?.call(s) === true) p += ENCODER.encodeInto(s, b.subarray(p)).written;
    else p = utf8(s, b, p);
    const n = p - head - guess,
      size = varintSize(n);
    if (size !== guess) {
      b.copyWithin(head + size, head + guess, p);
      p += size - guess;
    }
    putVarint(b, head, n);
    this.length = p;
  }
}

const ENCODER = new TextEncoder();
/** ES2024; where missing, every string takes the hand-written path. */
const isWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/** UTF-16 code units of a long string, turned into a string 8K at a time. */
const UNITS = new Uint16Array(8192);

/**
 * Reads what `utf8` below writes, from b[i] to b[end - 1] (shared memory too),
 * checking every sequence: bad bytes throw rather than turn into U+FFFD.
 */
export function readUtf8(b: Uint8Array, i: number, end: number): string {
  const parts: string[] = [];
  const bad = (): never => {
    throw new UnpicklingError("pickle data has an invalid UTF-8 string");
  };
  const cont = (j: number): number => {
    const x = b[j]!;
    return j < end && (x & 0xc0) === 0x80 ? x & 0x3f : bad();
  };
  const flush = (k: number): number => {
    parts.push(String.fromCharCode.apply(null, UNITS.subarray(0, k) as unknown as number[]));
    return 0;
  };
  let k = 0;
  while (i < end) {
    if (k > UNITS.length - 2) k = flush(k);
    const c = b[i++]!;
    if (c < 0x80) {
      UNITS[k++] = c;
      continue;
    }
    if (c < 0xc2) bad();
    if (c < 0xe0) {
      UNITS[k++] = ((c & 0x1f) << 6) | cont(i++);
      continue;
    }
    if (c < 0xf0) {
      const cp = ((c & 0x0f) << 12) | (cont(i) << 6) | cont(i + 1);
      i += 2;
      UNITS[k++] = cp >= 0x800 ? cp : bad();
      continue;
    }
    const cp = ((c & 0x07) << 18) | (cont(i) << 12) | (cont(i + 1) << 6) | cont(i + 2);
    i += 3;
    if (c > 0xf4 || cp < 0x10000 || cp > 0x10ffff) bad();
    UNITS[k++] = 0xd800 + ((cp - 0x10000) >> 10);
    UNITS[k++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
  }
  flush(k);
  return parts.length === 1 ? parts[0]! : parts.join("");
}

/** Writes s as UTF-8 (WTF-8 for lone surrogates) at b[p...], which has room for 3 bytes a code unit; returns the end. */
function utf8(s: string, b: Uint8Array, p: number): number {
  const len = s.length;
  let i = 0;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) break;
    b[p++] = c;
  }
  for (; i < len; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) b[p++] = c;
    else if (c < 0x800) {
      b[p++] = 0xc0 | (c >> 6);
      b[p++] = 0x80 | (c & 0x3f);
    } else {
      const d = c >= 0xd800 && c < 0xdc00 && i + 1 < len ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        b[p++] = 0xf0 | (c >> 18);
        b[p++] = 0x80 | ((c >> 12) & 0x3f);
      } else {
        b[p++] = 0xe0 | (c >> 12);
      }
      b[p++] = 0x80 | ((c >> 6) & 0x3f);
      b[p++] = 0x80 | (c & 0x3f);
    }
  }
  return p;
}

const fail = (what: string, name: string): never => {
  throw cantPickleByName(what, name);
};

/** The engine's own classes (WeakMap, Promise, Number...) are the engine's; no snippet can rebuild one. */
const isBuiltin = (ctor: unknown, name: string): boolean =>
  name !== "" && (globalThis as Record<string, unknown>)[name] === ctor;

/** Frozen: handed out by every dumps of an item without shared memory, so nobody may add to it. */
const NO_SHARED: SharedArrayBuffer[] = Object.freeze([]) as unknown as SharedArrayBuffer[];

/** One dumps call: the walk, the memo of objects already written, and the SharedArrayBuffer side table. */
export class Encoder {
  /** Made on the first shared buffer met: most items have none, and an item is the hot path. */
  shared: SharedArrayBuffer[] = NO_SHARED;
  private memo: Map<object, number> | undefined;
  private sharedIndex: Map<SharedArrayBuffer, number> | undefined;

  constructor(
    private readonly w: PickleWriter,
    private readonly hooks: PickleHooks | undefined,
  ) {}

  value(v: unknown): void {
    const w = this.w;
    switch (typeof v) {
      case "number":
        // int32 except -0: tag + zigzag varint (2 bytes up to ±63). Anything else: tag + float64.
        if ((v | 0) === v && (v !== 0 || 1 / v > 0)) {
          w.byte(INT);
          w.varint(((v << 1) ^ (v >> 31)) >>> 0);
        } else {
          w.byte(FLOAT);
          w.f64(v);
        }
        return;
      case "string":
        w.byte(STR);
        w.str(v);
        return;
      case "boolean":
        w.byte(v ? TRUE : FALSE);
        return;
      case "undefined":
        w.byte(NONE);
        return;
      case "object":
        if (v === null) w.byte(NONE);
        else this.object(v);
        return;
      case "bigint":
        return this.bigint(v);
      case "function":
        return this.func(v);
      default:
        throw new PicklingError(`cannot pickle '${typeof v}' object`);
    }
  }

  private object(v: object): void {
    const w = this.w,
      memo = (this.memo ??= new Map());
    const seen = memo.get(v);
    if (seen !== undefined) {
      w.byte(REF);
      w.varint(seen);
      return;
    }
    memo.set(v, memo.size);
    if (Array.isArray(v)) {
      w.byte(ARRAY);
      w.varint(v.length);
      for (let i = 0; i < v.length; i++) this.value(v[i]);
      return;
    }
    const proto = Object.getPrototypeOf(v) as object | null;
    if (proto === Object.prototype) {
      w.byte(OBJECT);
      return this.fields(v);
    }
    const handle = this.hooks?.encodeHandle?.(v);
    if (handle !== undefined) {
      w.byte(HANDLE);
      w.str(handle.kind);
      this.value(handle.state);
      return;
    }
    if (ArrayBuffer.isView(v)) return this.view(v);
    if (v instanceof ArrayBuffer) {
      w.byte(ARRAY_BUFFER);
      w.varint(v.byteLength);
      w.raw(new Uint8Array(v));
      return;
    }
    if (typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer) {
      w.byte(SHARED);
      w.varint(this.sharedRef(v));
      return;
    }
    if (v instanceof Map) {
      w.byte(MAP);
      w.varint(v.size);
      for (const [k, x] of v) {
        this.value(k);
        this.value(x);
      }
      return;
    }
    if (v instanceof Set) {
      w.byte(SET);
      w.varint(v.size);
      for (const x of v) this.value(x);
      return;
    }
    if (v instanceof Date) {
      w.byte(DATE);
      w.f64(v.getTime());
      return;
    }
    if (v instanceof RegExp) {
      w.byte(REGEXP);
      w.str(v.source);
      w.str(v.flags);
      return;
    }
    if (proto === null) {
      w.byte(NULL_OBJECT);
      return this.fields(v);
    }
    const ctor = (proto as { constructor?: unknown }).constructor;
    const name = typeof ctor === "function" ? ctor.name : "";
    if (v instanceof Error) {
      w.byte(ERROR);
      w.str(name || "Error");
      w.str(String(v.name));
      w.str(String(v.message));
      return this.fields(v);
    }
    if (isBuiltin(ctor, name)) throw new PicklingError(`cannot pickle '${name}' object`);
    if (this.hooks?.lookup && this.hooks.lookup(name) !== ctor) fail(`<class '__main__.${name}'>`, name);
    w.byte(INSTANCE);
    w.str(name);
    this.fields(v);
  }

  /** Own enumerable string keys, in order: count, then key (raw string) and value. */
  private fields(v: object): void {
    const w = this.w;
    const keys = Object.keys(v);
    w.varint(keys.length);
    for (const k of keys) {
      w.str(k);
      this.value((v as Record<string, unknown>)[k]);
    }
  }

  /** A view of ordinary memory is copied as just its own bytes; a view of shared memory stays a view of it. */
  private view(v: ArrayBufferView): void {
    const w = this.w;
    // The common case (a queue of byte strings) skips the prototype walk and the extra view.
    if (v instanceof Uint8Array && v.constructor === Uint8Array && !isShared(v.buffer)) {
      w.byte(VIEW);
      w.byte(UINT8_KIND);
      w.varint(v.byteLength);
      w.raw(v);
      return;
    }
    let kind: number | undefined;
    for (
      let p = Object.getPrototypeOf(v) as object | null;
      p !== null && kind === undefined;
      p = Object.getPrototypeOf(p) as object | null
    )
      kind = KIND_OF.get(p);
    if (kind === undefined)
      throw new PicklingError(`cannot pickle '${Object.prototype.toString.call(v).slice(8, -1)}' object`);
    if (isShared(v.buffer)) {
      const count = v instanceof DataView ? v.byteLength : (v as unknown as { length: number }).length;
      w.byte(SHARED_VIEW);
      w.byte(kind);
      w.varint(this.sharedRef(v.buffer));
      w.varint(v.byteOffset);
      w.varint(count);
      return;
    }
    w.byte(VIEW);
    w.byte(kind);
    w.varint(v.byteLength);
    w.raw(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }

  private sharedRef(b: SharedArrayBuffer): number {
    const index = (this.sharedIndex ??= new Map());
    let i = index.get(b);
    if (i === undefined) {
      if (this.shared === NO_SHARED) this.shared = [];
      i = this.shared.push(b) - 1;
      index.set(b, i);
    }
    return i;
  }

  /** Sign in the tag, then the magnitude's bytes, most significant first. */
  private bigint(v: bigint): void {
    const w = this.w;
    let hex = (v < 0n ? -v : v).toString(16);
    if (hex === "0") hex = "";
    if (hex.length & 1) hex = "0" + hex;
    const n = hex.length >> 1;
    w.byte(v < 0n ? BIGNEG : BIGPOS);
    w.varint(n);
    w.reserve(n);
    for (let i = 0; i < n; i++) w.bytes[w.length++] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  }

  /**
   * pickle saves a function or class by name, and fails when that name does not
   * lead back to it. So does this, given `lookup`; without it nothing is reachable.
   */
  private func(v: { readonly name: string }): void {
    if (v.name && this.hooks?.lookup && this.hooks.lookup(v.name) === v) {
      this.w.byte(GLOBAL);
      this.w.str(v.name);
      return;
    }
    const name = v.name || "<lambda>";
    const isClass = /^class\b/.test(Function.prototype.toString.call(v));
    fail(isClass ? `<class '__main__.${name}'>` : `<function ${name}>`, name);
  }
}
