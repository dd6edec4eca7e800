/**
 * Python's `str()` and `repr()` for JavaScript values.
 *
 * Snippets print JavaScript values, but learners compare the output with what
 * CPython 3.11 prints for the same program, so every value is shown as its
 * Python counterpart would be: `null` is `None`, an array is a list, a plain
 * object or Map is a dict, a Uint8Array is `bytes`. Numbers are the one
 * deliberate exception: they print as JavaScript prints them (`2`, not `2.0`),
 * because a snippet cannot tell an int from a float.
 *
 * Pure and dependency-free: it runs in workers, in Node and in the UI.
 */

/** Objects currently being printed, so self-references show `[...]` as CPython's Py_ReprEnter does. */
type Active = Set<object>;

const addresses = new WeakMap<object, string>();
let addressCount = 0;

/**
 * A stable, Python-looking `id()` for an object (`0x7f3a5c1b2e40`): real
 * addresses do not exist here, but the same object must print the same
 * address every time so learners can tell objects apart.
 */
export function fakeAddress(obj: object): string {
  let address = addresses.get(obj);
  if (address === undefined) {
    address = "0x" + (0x7f3a5c1b2e40 + addressCount++ * 0x50).toString(16);
    addresses.set(obj, address);
  }
  return address;
}

/**
 * Code points CPython's `str.isprintable()` rejects: categories Other
 * (Cc, Cf, Cn, Co, Cs) and Separator (Zl, Zp, Zs). The engine's Unicode
 * tables may be a version newer than Python 3.11's (Unicode 14), so a code
 * point assigned since then prints literally here where CPython escapes it.
 */
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Cs}\p{Zl}\p{Zp}\p{Zs}]$/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

/** Python's quote choice, shared by str and bytes: `'` unless the text has `'` and no `"`. */
function quoteFor(hasSingle: boolean, hasDouble: boolean): string {
  return hasSingle && !hasDouble ? '"' : "'";
}

/** `repr(str)`, escaping exactly as CPython's unicode_repr does. */
export function reprString(s: string): string {
  const quote = quoteFor(s.includes("'"), s.includes('"'));
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (cp < 0x20 || cp === 0x7f) out += "\\x" + hex(cp, 2);
    else if (cp < 0x7f || !NON_PRINTABLE.test(ch)) out += ch;
    else if (cp <= 0xff) out += "\\x" + hex(cp, 2);
    else if (cp <= 0xffff) out += "\\u" + hex(cp, 4);
    else out += "\\U" + hex(cp, 8);
  }
  return out + quote;
}

/** `repr(bytes)`, escaping exactly as CPython's bytes_repr does. */
export function reprBytes(bytes: Uint8Array): string {
  const quote = quoteFor(bytes.includes(0x27), bytes.includes(0x22));
  const q = quote.charCodeAt(0);
  let out = "b" + quote;
  // Runs of printable bytes go out in one call: a queue previews every bytes item it carries.
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c >= 0x20 && c < 0x7f && c !== q && c !== 0x5c) continue;
    if (run < i) out += asciiRun(bytes, run, i);
    run = i + 1;
    if (c === q || c === 0x5c) out += "\\" + String.fromCharCode(c);
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else out += "\\x" + hex(c, 2);
  }
  if (run < bytes.length) out += asciiRun(bytes, run, bytes.length);
  return out + quote;
}

const ASCII_CHUNK = 4096;
/** Printable ASCII reads the same in windows-1252 (the WHATWG "latin1"), and decoding natively is ~3x faster than fromCharCode. */
const LATIN1 = new TextDecoder("latin1");

function asciiRun(bytes: Uint8Array, from: number, to: number): string {
  if (to - from >= 16 && bytes.buffer instanceof ArrayBuffer) return LATIN1.decode(bytes.subarray(from, to));
  let s = "";
  for (let i = from; i < to; i += ASCII_CHUNK)
    s += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(to, i + ASCII_CHUNK)) as unknown as number[]);
  return s;
}

/** A tuple's repr, `(1,)` for one item: Python messages built from argument tuples need it. */
export function pyReprTuple(items: readonly unknown[]): string {
  return reprTuple(items, new Set());
}

function reprTuple(items: readonly unknown[], active: Active): string {
  const inner = items.map((x) => repr(x, active)).join(", ");
  return items.length === 1 ? `(${inner},)` : `(${inner})`;
}

function reprNumber(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  return String(n);
}

function isErrorLike(v: object): v is Error {
  return v instanceof Error || Object.prototype.toString.call(v) === "[object Error]";
}

/**
 * The Python class name of an error: an explicitly set `name` (our exception
 * classes set their own; engine errors have it on their class's prototype),
 * else the constructor's name, so `class MyErr extends Error {}` is `MyErr`
 * rather than the inherited `Error`.
 */
export function errorClassName(e: Error): string {
  const proto: unknown = Object.getPrototypeOf(e);
  const ownName =
    Object.hasOwn(e, "name") || (proto !== null && typeof proto === "object" && Object.hasOwn(proto, "name"));
  if (ownName && typeof e.name === "string" && e.name) return e.name;
  const ctorName = constructorName(e);
  return ctorName || (typeof e.name === "string" && e.name) || "Error";
}

function constructorName(v: object): string {
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === null || typeof proto !== "object") return "";
  const ctor: unknown = (proto as { constructor?: unknown }).constructor;
  return typeof ctor === "function" && typeof ctor.name === "string" ? ctor.name : "";
}

/** Python's `__module__` of a class, when the class declares its own (runtime classes do). */
export function classModule(cls: unknown): string {
  if (typeof cls === "function" && Object.hasOwn(cls, "__module__")) {
    return String((cls as { __module__?: unknown }).__module__);
  }
  return "__main__";
}

/** `str(e)`: the message (our exception classes already store Python's str there). */
function errorStr(e: Error): string {
  return typeof e.message === "string" ? e.message : String(e.message ?? "");
}

/** `ValueError('msg')`; our exception classes keep Python's `args`, engine errors only a message. */
function reprError(e: Error, active: Active): string {
  const name = errorClassName(e);
  const args: unknown = (e as { args?: unknown }).args;
  if (Array.isArray(args)) return `${name}(${args.map((a) => repr(a, active)).join(", ")})`;
  const msg = errorStr(e);
  return msg ? `${name}(${reprString(msg)})` : `${name}()`;
}

function reprFunction(f: { readonly name: string }): string {
  const src = Function.prototype.toString.call(f);
  const name = f.name;
  if (/^class\b/.test(src)) {
    const mod = classModule(f);
    return `<class '${mod === "builtins" ? "" : mod + "."}${name}'>`;
  }
  if (/\{\s*\[native code\]\s*\}$/.test(src) && !name.startsWith("bound ")) {
    return Object.hasOwn(f, "prototype") ? `<class '${name}'>` : `<built-in function ${name}>`;
  }
  const shown = name.replace(/^bound /, "") || "<lambda>";
  return `<function ${shown} at ${fakeAddress(f)}>`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * `datetime.datetime(2024, 1, 2, 3, 4, 5)` from the UTC fields: a Date is an
 * instant, and UTC keeps output identical on every machine. Like CPython,
 * seconds and microseconds are left out when zero.
 */
function reprDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "Invalid Date";
  const parts = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
  const s = d.getUTCSeconds();
  const us = d.getUTCMilliseconds() * 1000;
  if (s || us) parts.push(s);
  if (us) parts.push(us);
  return `datetime.datetime(${parts.join(", ")})`;
}

/** `str(datetime)`: `2024-01-02 03:04:05.123000`, UTC fields as in reprDate. */
function strDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "Invalid Date";
  const date = `${String(d.getUTCFullYear()).padStart(4, "0")}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  const ms = d.getUTCMilliseconds();
  return `${date} ${time}${ms ? "." + String(ms * 1000).padStart(6, "0") : ""}`;
}

/** Python's `array` typecodes for typed arrays that are not bytes. */
const TYPECODES: ReadonlyArray<[abstract new (...args: never[]) => object, string]> = [
  [Int8Array, "b"],
  [Uint8ClampedArray, "B"],
  [Int16Array, "h"],
  [Uint16Array, "H"],
  [Int32Array, "i"],
  [Uint32Array, "I"],
  [Float32Array, "f"],
  [Float64Array, "d"],
  [BigInt64Array, "q"],
  [BigUint64Array, "Q"],
];

/** A Uint8Array view of anything that holds raw bytes, or undefined. */
function asBytes(v: object): Uint8Array | undefined {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer || (typeof SharedArrayBuffer === "function" && v instanceof SharedArrayBuffer)) {
    return new Uint8Array(v);
  }
  if (v instanceof DataView) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return undefined;
}

function reprTypedArray(v: ArrayLike<unknown>, active: Active): string {
  const code = TYPECODES.find(([ctor]) => v instanceof ctor)?.[1] ?? "d";
  if (v.length === 0) return `array('${code}')`;
  return `array('${code}', ${repr(Array.from(v), active)})`;
}

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === null || proto === Object.prototype) return true;
  // A plain object from another realm: its prototype is that realm's Object.prototype.
  return typeof proto === "object" && Object.getPrototypeOf(proto) === null && constructorName(v) === "Object";
}

/** Calls a user-defined `__repr__`/`__str__`; Python requires a str back, we coerce. */
function callDunder(v: object, key: "__repr__" | "__str__"): string | undefined {
  const fn: unknown = (v as Record<string, unknown>)[key];
  if (typeof fn !== "function") return undefined;
  const out: unknown = fn.call(v);
  return typeof out === "string" ? out : String(out);
}

/** Prints a container, or its recursion marker when it is already being printed. */
function container(v: object, active: Active, marker: string, body: () => string): string {
  if (active.has(v)) return marker;
  active.add(v);
  try {
    return body();
  } finally {
    active.delete(v);
  }
}

function reprDict(entries: Iterable<[unknown, unknown]>, active: Active): string {
  const items: string[] = [];
  for (const [k, val] of entries) items.push(`${repr(k, active)}: ${repr(val, active)}`);
  return `{${items.join(", ")}}`;
}

function repr(v: unknown, active: Active): string {
  switch (typeof v) {
    case "string":
      return reprString(v);
    case "number":
      return reprNumber(v);
    case "bigint":
      return v.toString();
    case "boolean":
      return v ? "True" : "False";
    case "undefined":
      return "None";
    case "symbol":
      return v.toString();
    case "function":
      return reprFunction(v);
  }
  if (v === null) return "None";
  const obj = v as object;
  const custom = callDunder(obj, "__repr__");
  if (custom !== undefined) return custom;
  if (isErrorLike(obj)) return reprError(obj, active);
  if (Array.isArray(obj)) {
    return container(obj, active, "[...]", () => `[${Array.from(obj, (x) => repr(x, active)).join(", ")}]`);
  }
  if (obj instanceof Map) return container(obj, active, "{...}", () => reprDict(obj.entries(), active));
  if (obj instanceof Set) {
    return container(obj, active, "set(...)", () =>
      obj.size === 0 ? "set()" : `{${Array.from(obj, (x) => repr(x, active)).join(", ")}}`,
    );
  }
  const bytes = asBytes(obj);
  if (bytes) return reprBytes(bytes);
  if (ArrayBuffer.isView(obj)) return reprTypedArray(obj as unknown as ArrayLike<unknown>, active);
  if (obj instanceof Date) return reprDate(obj);
  if (obj instanceof RegExp) return `re.compile(${reprString(obj.source)})`;
  if (isPlainObject(obj)) {
    return container(obj, active, "{...}", () =>
      reprDict(
        Object.keys(obj).map((k): [unknown, unknown] => [k, (obj as Record<string, unknown>)[k]]),
        active,
      ),
    );
  }
  const ctor: unknown = (Object.getPrototypeOf(obj) as { constructor?: unknown }).constructor;
  const name = constructorName(obj) || (obj as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] || "object";
  return `<${classModule(ctor)}.${name} object at ${fakeAddress(obj)}>`;
}

/** Never added to: only containers track what they are inside, and primitives are no containers. */
const NOTHING_ACTIVE: Active = new Set();

/** Python's `repr(v)` for a JavaScript value. */
export function pyRepr(v: unknown): string {
  // A queue previews every item it carries: a number or a string needs no cycle guard.
  return repr(v, typeof v === "object" && v !== null ? new Set() : NOTHING_ACTIVE);
}

/**
 * Python's `str(v)`: strings bare, `__str__` when defined (else `__repr__`, as
 * `object.__str__` does), an error's message, a datetime's isoformat; every
 * other value, containers included, is its repr.
 */
export function pyStr(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "object" && v !== null) {
    const custom = callDunder(v, "__str__");
    if (custom !== undefined) return custom;
    if (isErrorLike(v)) return errorStr(v);
    if (v instanceof Date) return strDate(v);
  }
  return pyRepr(v);
}

/** What `print(*values, sep=sep)` writes before `end`: the str of each value joined by sep. */
export function pyFormatPrint(values: unknown[], sep: string): string {
  return values.map(pyStr).join(sep);
}

/** The name of a value's Python type, as error messages spell it. */
export function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "string") return "str";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "bigint") return "int";
  if (Array.isArray(v)) return "list";
  if (v instanceof Uint8Array) return "bytes";
  if (typeof v === "function") return "function";
  return "dict";
}
