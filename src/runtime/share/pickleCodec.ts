/**
 * Values to bytes and back, "copied as pickle would copy them", for Queue and
 * Pipe items that travel through shared memory rather than postMessage.
 *
 * Why bytes: a queue's items live in a SharedArrayBuffer ring that every process
 * maps, so an item must be flat bytes that any worker can decode, whenever it
 * gets it. Why a side table: a SharedArrayBuffer (inside a lock's or a queue's
 * handle state) is memory, not data, and its bytes would be a copy, not the shared
 * thing. So `dumps` returns those buffers beside the bytes, the bytes refer to them
 * by index, and the queue delivers them through its own side channel.
 *
 * What is copied (structuredClone's set, with pickle's words for failures):
 * - undefined and null are both pickle's None and both come back as **null**.
 * - numbers: int32 as tag + zigzag varint (the common queue item: 3 bytes in all),
 *   everything else (-0, NaN, 2**40, 0.5) as float64. bigint: sign + magnitude.
 * - strings: UTF-8 (by hand; natively when long and well formed), exact even for
 *   lone surrogates, and readable straight from shared memory.
 * - arrays (holes come back null), plain and null-prototype objects (own enumerable
 *   string keys, in order), Map, Set, Date (invalid too), RegExp (source + flags).
 * - ArrayBuffer and every ArrayBufferView: kind + the view's own bytes, so a
 *   subarray arrives as a fresh array of just those bytes (two views of one buffer
 *   arrive as two buffers). A view of a SharedArrayBuffer stays a view of it.
 * - Errors: class name, name, message and own enumerable fields (a Python
 *   exception's `args`); the stack stays behind. Decoded as an instance of
 *   `lookup(className)` when that is a class (as pickle finds ValueError), else of
 *   the engine's class of that name, else of Error; same `name` and `message`.
 * - instances of a user's class: class name + own enumerable fields, rebuilt with
 *   Object.create(lookup(name).prototype) and no constructor call, as pickle does.
 * - a top-level function or class, given `lookup`: by name, as pickle saves them.
 * - handles (queues, locks, connections...): whatever `encodeHandle` describes.
 * Shared references and cycles survive (pickle's memo: every object is numbered
 * in the order met, and a second meeting writes its number).
 *
 * Failures are PicklingError in CPython's words; malformed bytes raise
 * UnpicklingError, never a hang: every count is checked against the bytes left.
 */
import * as F from "./pickleWriter";
import { Encoder, PickleWriter, readUtf8, UnpicklingError } from "./pickleWriter";

// Copied into this module's own constants: an imported binding can cost a getter call per read under some loaders (tsx, vite-node).
const { ARRAY, ARRAY_BUFFER, BIGNEG, BIGPOS, DATE, ERROR, F64, F64_BYTES, FALSE, FLOAT, GLOBAL, HANDLE, INSTANCE } = F;
const {
  INT,
  MAGIC,
  MAP,
  NONE,
  NULL_OBJECT,
  OBJECT,
  REF,
  REGEXP,
  SET,
  SHARED,
  SHARED_VIEW,
  STR,
  TRUE,
  VIEW,
  VIEW_NAMES,
} = F;

export { PickleWriter, UnpicklingError } from "./pickleWriter";

export interface PickleHooks {
  /** Called for objects that are synchronisation handles (queues, locks, connections...): returns a plain, structured description, or undefined if `v` is not a handle. It may throw (CPython's RuntimeError for a Lock put in a queue). */
  encodeHandle?(v: object): { kind: string; state: unknown } | undefined;
  decodeHandle?(kind: string, state: unknown): unknown;
  /** Looks a name up among the user's module top-level bindings (to rebuild class instances, and to check a class is reachable). */
  lookup?(name: string): unknown;
}

export interface Pickled {
  bytes: Uint8Array;
  /** The SharedArrayBuffers the bytes refer to by index; empty for plain data. */
  shared: SharedArrayBuffer[];
}

/** Reused by dumps (copied out at the end); a nested dumps, from a hook, gets its own. */
let scratch = new PickleWriter(4096);
let scratchBusy = false;
/** A writer grown past this is dropped after use rather than kept alive between calls. */
const KEEP_LIMIT = 1 << 20;

export function dumps(value: unknown, hooks?: PickleHooks): Pickled {
  if (scratchBusy) {
    const w = new PickleWriter();
    const shared = dumpsInto(value, w, hooks);
    return { bytes: w.bytes.slice(0, w.length), shared };
  }
  scratchBusy = true;
  const w = scratch;
  try {
    w.reset();
    const shared = dumpsInto(value, w, hooks);
    return { bytes: w.bytes.slice(0, w.length), shared };
  } finally {
    scratchBusy = false;
    if (w.bytes.length > KEEP_LIMIT) scratch = new PickleWriter(4096);
  }
}

/**
 * Appends the pickle of `value` to `writer` (after whatever the caller put there,
 * a length prefix say) and returns the SharedArrayBuffers it refers to. For a
 * queue that keeps one writer and copies `writer.view()` into its ring: no
 * allocation and one copy fewer than dumps. If it throws, `writer.length` is
 * past a partial pickle: reset it.
 */
export function dumpsInto(value: unknown, writer: PickleWriter, hooks?: PickleHooks): SharedArrayBuffer[] {
  writer.byte(MAGIC);
  const e = new Encoder(writer, hooks);
  e.value(value);
  return e.shared;
}

/**
 * The value `bytes` holds (all of it: trailing bytes are an error). `bytes` may be
 * a view of shared memory; everything returned is a copy, apart from `shared`'s
 * buffers. A handle is decoded after its state, so a reference from inside that
 * state back to the handle itself reads undefined (states are plain data: none do).
 */
/**
 * `owned`: the bytes are a private copy nobody else reads or reuses (a queue's get
 * makes one), so a Uint8Array in them may be handed out as a view instead of copied
 * again. Its `.buffer` then holds the pickle around it. `start`: where the pickle
 * begins in `bytes` (a pipe message has a kind byte before it).
 */
export function loads(
  bytes: Uint8Array,
  shared: readonly SharedArrayBuffer[] = NO_SHARED,
  hooks?: PickleHooks,
  owned = false,
  start = 0,
): unknown {
  if (bytes.length <= start) throw new UnpicklingError("pickle data was truncated");
  if (bytes[start] !== MAGIC) throw badKey(bytes[start]!);
  const r = new Reader(bytes, shared, hooks, owned, start + 1);
  const v = r.value();
  if (r.pos !== bytes.length)
    throw new UnpicklingError(`pickle data has ${bytes.length - r.pos} unexpected bytes after its end`);
  return v;
}

/** CPython's words for a byte that starts nothing: `invalid load key, '\x00'.` */
function badKey(b: number): UnpicklingError {
  const c = b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0")}`;
  return new UnpicklingError(`invalid load key, '${c}'.`);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const VIEW_CTORS = VIEW_NAMES.map(
  (n) =>
    (globalThis as Record<string, unknown>)[n] as
      (new (b: ArrayBufferLike, offset?: number, length?: number) => ArrayBufferView) | undefined,
);
const NATIVE_ERRORS: Record<string, ErrorConstructor | undefined> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};
const DECODER = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Sets a field as an own data property: no setter of the class runs, and `__proto__` is a key like any other. */
function define(o: object, k: string, value: unknown): void {
  Object.defineProperty(o, k, { value, writable: true, enumerable: true, configurable: true });
}

const NO_SHARED: readonly SharedArrayBuffer[] = [];

class Reader {
  private readonly memo: unknown[] = [];

  constructor(
    private readonly buf: Uint8Array,
    private readonly shared: readonly SharedArrayBuffer[],
    private readonly hooks: PickleHooks | undefined,
    private readonly owned: boolean,
    /** Where the next byte is read (just past MAGIC). */
    public pos: number,
  ) {}

  private truncated(): never {
    throw new UnpicklingError("pickle data was truncated");
  }

  private overlong(): never {
    throw new UnpicklingError("pickle data has an overlong number");
  }

  private byte(): number {
    const b = this.buf[this.pos++];
    return b === undefined ? this.truncated() : b;
  }

  private varint(): number {
    let b = this.byte();
    if (b < 0x80) return b;
    let n = b & 0x7f,
      scale = 0x80;
    do {
      if (scale > 2 ** 49) this.overlong();
      b = this.byte();
      n += (b & 0x7f) * scale;
      scale *= 0x80;
    } while (b >= 0x80);
    return n;
  }

  /** A count of items that take at least one byte each: more than the bytes left is corruption, caught before allocating. */
  private count(): number {
    const n = this.varint();
    return n > this.buf.length - this.pos ? this.truncated() : n;
  }

  /** The next n bytes, as a fresh copy (the input may be reused or shared memory). */
  private take(n: number): Uint8Array {
    if (n > this.buf.length - this.pos) this.truncated();
    const out = new Uint8Array(n);
    out.set(this.buf.subarray(this.pos, this.pos + n));
    this.pos += n;
    return out;
  }

  /** The next n bytes as a view of the (owned) input. */
  private view(n: number): Uint8Array {
    if (n > this.buf.length - this.pos) this.truncated();
    this.pos += n;
    return this.buf.subarray(this.pos - n, this.pos);
  }

  private f64(): number {
    const b = this.buf,
      p = this.pos;
    if (p + 8 > b.length) this.truncated();
    for (let i = 0; i < 8; i++) F64_BYTES[i] = b[p + i]!;
    this.pos = p + 8;
    return F64[0]!;
  }

  private str(): string {
    const n = this.count(),
      b = this.buf,
      start = this.pos,
      end = start + n;
    this.pos = end;
    if (n <= 32) {
      let s = "";
      for (let i = start; i < end; i++) {
        const c = b[i]!;
        if (c >= 0x80) return readUtf8(b, start, end);
        s += String.fromCharCode(c);
      }
      return s;
    }
    // Native decoding is many times faster; it needs ordinary memory, and `fatal` sends
    // what it refuses (WTF-8's lone surrogates, or corruption) to the checked loop below.
    const view = b.subarray(start, end);
    const bytes = b.buffer instanceof ArrayBuffer ? view : new Uint8Array(view);
    try {
      return DECODER.decode(bytes);
    } catch {
      return readUtf8(b, start, end);
    }
  }

  private fields<T extends object>(o: T, plain: boolean): T {
    this.memo.push(o);
    for (let n = this.count(); n > 0; n--) {
      const k = this.str(),
        v = this.value();
      if (plain && k !== "__proto__") (o as Record<string, unknown>)[k] = v;
      else define(o, k, v);
    }
    return o;
  }

  private lookupClass(name: string): { prototype: object } {
    const cls = this.hooks?.lookup?.(name);
    if (typeof cls === "function" && typeof cls.prototype === "object" && cls.prototype !== null)
      return cls as { prototype: object };
    // CPython's AttributeError words, for a class the receiving module does not define.
    throw new UnpicklingError(`Can't get attribute '${name}' on <module '__main__'>`);
  }

  value(): unknown {
    const tag = this.byte();
    switch (tag) {
      case INT: {
        const z = this.varint();
        return z > 0xffffffff ? this.overlong() : (z >>> 1) ^ -(z & 1);
      }
      case NONE:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case FLOAT:
        return this.f64();
      case STR:
        return this.str();
      case REF: {
        const i = this.varint();
        if (i >= this.memo.length) throw new UnpicklingError(`pickle data refers to object ${i}, not yet seen`);
        return this.memo[i];
      }
      case ARRAY: {
        const n = this.count(),
          a: unknown[] = new Array<unknown>(n);
        this.memo.push(a);
        for (let i = 0; i < n; i++) a[i] = this.value();
        return a;
      }
      case OBJECT:
        return this.fields({}, true);
      case NULL_OBJECT:
        return this.fields(Object.create(null) as object, true);
      case MAP: {
        const m = new Map<unknown, unknown>();
        this.memo.push(m);
        for (let n = this.count(); n > 0; n--) {
          const k = this.value();
          m.set(k, this.value());
        }
        return m;
      }
      case SET: {
        const s = new Set<unknown>();
        this.memo.push(s);
        for (let n = this.count(); n > 0; n--) s.add(this.value());
        return s;
      }
      case DATE:
        return this.push(new Date(this.f64()));
      case REGEXP: {
        const source = this.str();
        return this.push(new RegExp(source, this.str()));
      }
      case ARRAY_BUFFER:
        return this.push(this.take(this.varint()).buffer);
      case VIEW: {
        const Ctor = this.viewCtor(),
          n = this.varint();
        if (Ctor === Uint8Array) return this.push(this.owned ? this.view(n) : this.take(n));
        return this.push(new Ctor(this.take(n).buffer));
      }
      case SHARED:
        return this.push(this.sharedAt(this.varint()));
      case SHARED_VIEW: {
        const Ctor = this.viewCtor(),
          sab = this.sharedAt(this.varint()),
          offset = this.varint();
        return this.push(new Ctor(sab, offset, this.varint()));
      }
      case BIGPOS:
      case BIGNEG: {
        let hex = "0x0";
        for (let n = this.count(); n > 0; n--) hex += HEX[this.byte()]!;
        return tag === BIGNEG ? -BigInt(hex) : BigInt(hex);
      }
      case ERROR:
        return this.error();
      case INSTANCE:
        return this.fields(Object.create(this.lookupClass(this.str()).prototype) as object, false);
      case HANDLE: {
        const slot = this.memo.push(undefined) - 1;
        const kind = this.str(),
          state = this.value();
        const decode = this.hooks?.decodeHandle;
        if (!decode)
          throw new UnpicklingError(`pickle data holds a '${kind}' handle, and no decodeHandle hook was given`);
        return (this.memo[slot] = decode(kind, state));
      }
      case GLOBAL: {
        const name = this.str(),
          v = this.hooks?.lookup?.(name);
        return v !== undefined ? v : this.lookupClass(name);
      }
      default:
        throw badKey(tag);
    }
  }

  private push<T>(v: T): T {
    this.memo.push(v);
    return v;
  }

  private viewCtor(): new (b: ArrayBufferLike, offset?: number, length?: number) => ArrayBufferView {
    const code = this.byte(),
      Ctor = VIEW_CTORS[code];
    if (!Ctor) throw new UnpicklingError(`pickle data holds an array of unknown kind ${code}`);
    return Ctor;
  }

  private sharedAt(i: number): SharedArrayBuffer {
    const sab = this.shared[i];
    if (!sab) throw new UnpicklingError(`pickle data refers to shared buffer ${i}; ${this.shared.length} given`);
    return sab;
  }

  /** A real Error (Reflect.construct: internal slot, no user constructor call) with the class's prototype. */
  private error(): Error {
    const cls = this.str(),
      name = this.str(),
      message = this.str();
    const found = this.hooks?.lookup?.(cls);
    const target =
      typeof found === "function" && found.prototype instanceof Error
        ? (found as ErrorConstructor)
        : (NATIVE_ERRORS[cls] ?? Error);
    const e = Reflect.construct(Error, [message], target) as Error;
    Object.defineProperty(e, "stack", {
      value: `${name}: ${message}`,
      writable: true,
      configurable: true,
      enumerable: false,
    });
    if (e.name !== name)
      Object.defineProperty(e, "name", { value: name, writable: true, configurable: true, enumerable: false });
    return this.fields(e, false);
  }
}
