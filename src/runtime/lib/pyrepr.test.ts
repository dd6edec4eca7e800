/**
 * pyrepr against the oracle: each case pairs a JavaScript value with the
 * Python source of its counterpart, and python3 (CPython 3.11) supplies the
 * expected repr() and str(), so the expectations are never hand-copied.
 */
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, test } from "vitest";
import { fakeAddress, pyFormatPrint, pyRepr, pyReprTuple, pyStr, reprBytes, reprString } from "./pyrepr";
import { Empty, KeyError, MpTimeoutError, SystemExit, ValueError } from "./exceptions";

/** Runs python3 with JSON in and out. */
function python(script: string, input: unknown): unknown {
  const out = execFileSync("python3", ["-c", script], { input: JSON.stringify(input), maxBuffer: 1 << 28 });
  return JSON.parse(out.toString("utf8"));
}

/** Evaluates each case (an expression, or statements that set `v` after "exec:") and returns [repr, str]. */
const EVAL_CASES = `
import json, sys, datetime, queue, multiprocessing
from array import array
out = []
for src in json.load(sys.stdin):
    g = {"__name__": "__main__", "array": array, "datetime": datetime, "queue": queue, "mp": multiprocessing}
    if src.startswith("exec:"):
        exec(src[5:], g)
        v = g["v"]
    else:
        v = eval(src, g)
    out.append([repr(v), str(v)])
print(json.dumps(out))
`;

/** Addresses differ between processes; everything else must match byte for byte. */
const ADDR = /0x[0-9a-f]+/g;
const normalize = (s: string) => s.replace(ADDR, "0xADDR");

function selfList(): unknown[] {
  const a: unknown[] = [1];
  a.push(a);
  return a;
}
function selfDict(): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  d.x = d;
  return d;
}
function deepSelf(): unknown[] {
  const inner: unknown[] = [];
  const outer = [inner, { k: inner }];
  inner.push(outer);
  return outer;
}
const shared = [1];
function f() {}
class Foo {}
const utc = (...p: [number, number, number, number, number, number, number]) => new Date(Date.UTC(...p));

/** [JavaScript value, Python source]. */
const CASES: Array<[unknown, string]> = [
  ["", "''"],
  ["abc", "'abc'"],
  ["it's", `"it's"`],
  ['say "hi"', `'say "hi"'`],
  [`both ' and "`, `'both \\' and "'`],
  ["back\\slash", "'back\\\\slash'"],
  ["\n\t\r\x00\x1f\x7f\x80\x9f\xa0\xad\xff", "'\\n\\t\\r\\x00\\x1f\\x7f\\x80\\x9f\\xa0\\xad\\xff'"],
  ["café 日本語 😀 Ω", "'café 日本語 😀 Ω'"],
  ["\u200b\u2028\u2029\u3000\ue000\ufeff\uffff", "'\\u200b\\u2028\\u2029\\u3000\\ue000\\ufeff\\uffff'"],
  ["\ud800 lone \udfff", "'\\ud800 lone \\udfff'"],
  ["\u{e0001}\u{10ffff}\u{f0000}", "'\\U000e0001\\U0010ffff\\U000f0000'"],
  [null, "None"],
  [undefined, "None"],
  [true, "True"],
  [false, "False"],
  [0, "0"],
  [-3, "-3"],
  [2.5, "2.5"],
  [0.1, "0.1"],
  [1e21, "1e21"],
  [123456789, "123456789"],
  [NaN, "float('nan')"],
  [Infinity, "float('inf')"],
  [-Infinity, "float('-inf')"],
  [10n ** 30n, "10**30"],
  [-7n, "-7"],
  [[], "[]"],
  [[1, "a", null, [true, []]], "[1, 'a', None, [True, []]]"],
  [["one", "two", 3], "['one', 'two', 3]"],
  [{}, "{}"],
  [{ a: 1, b: "x", c: [1, { d: null }] }, "{'a': 1, 'b': 'x', 'c': [1, {'d': None}]}"],
  [Object.assign(Object.create(null), { k: "v" }), "{'k': 'v'}"],
  [
    new Map<unknown, unknown>([
      [1, "a"],
      ["1", 2],
      [null, []],
    ]),
    "{1: 'a', '1': 2, None: []}",
  ],
  [new Map(), "{}"],
  [new Set([1, 2, 3]), "{1, 2, 3}"],
  [new Set(), "set()"],
  [new Map([["s", new Set([1])]]), "{'s': {1}}"],
  [new Uint8Array([]), "b''"],
  [new Uint8Array([97, 98, 99]), "b'abc'"],
  [new TextEncoder().encode("it's"), `b"it's"`],
  [new TextEncoder().encode(`'"`), `b'\\'"'`],
  [
    new Uint8Array([0, 9, 10, 13, 92, 31, 32, 126, 127, 128, 255]),
    "bytes([0, 9, 10, 13, 92, 31, 32, 126, 127, 128, 255])",
  ],
  [new Uint8Array([104, 105]).buffer, "b'hi'"],
  [new DataView(new Uint8Array([1, 2, 3]).buffer, 1), "b'\\x02\\x03'"],
  [[new Uint8Array([120])], "[b'x']"],
  [new Int32Array([1, -2]), "array('i', [1, -2])"],
  [new Int32Array(0), "array('i')"],
  [new Float64Array([1.5, -0.25]), "array('d', [1.5, -0.25])"],
  [new Float32Array([0.1]), "array('f', [0.1])"],
  [new Int8Array([-1]), "array('b', [-1])"],
  [new Uint16Array([65535]), "array('H', [65535])"],
  [new BigInt64Array([5n]), "array('q', [5])"],
  [utc(2024, 0, 2, 3, 4, 5, 0), "datetime.datetime(2024, 1, 2, 3, 4, 5)"],
  [utc(2024, 0, 2, 3, 4, 5, 123), "datetime.datetime(2024, 1, 2, 3, 4, 5, 123000)"],
  [utc(2024, 11, 31, 0, 0, 0, 0), "datetime.datetime(2024, 12, 31)"],
  [utc(2024, 0, 2, 3, 4, 0, 7), "datetime.datetime(2024, 1, 2, 3, 4, 0, 7000)"],
  [[utc(2024, 0, 2, 3, 4, 5, 0)], "[datetime.datetime(2024, 1, 2, 3, 4, 5)]"],
  [selfList(), "exec:v = [1]\nv.append(v)"],
  [selfDict(), "exec:v = {}\nv['x'] = v"],
  [deepSelf(), "exec:inner = []\nv = [inner, {'k': inner}]\ninner.append(v)"],
  [[shared, shared], "[[1], [1]]"],
  [new ValueError("bad"), "ValueError('bad')"],
  [new ValueError(), "ValueError()"],
  [new ValueError("a", 1), "ValueError('a', 1)"],
  [new ValueError(3), "ValueError(3)"],
  [new KeyError("k"), "KeyError('k')"],
  [new Empty(), "queue.Empty()"],
  [new MpTimeoutError(), "mp.TimeoutError()"],
  [new SystemExit(3), "SystemExit(3)"],
  [[new ValueError("in list")], "[ValueError('in list')]"],
  [{ __repr__: () => "R()" }, "exec:class X:\n  def __repr__(self): return 'R()'\nv = X()"],
  [
    { __repr__: () => "R", __str__: () => "S" },
    "exec:class X:\n  def __repr__(self): return 'R'\n  def __str__(self): return 'S'\nv = X()",
  ],
  [
    [{ __repr__: () => "R", __str__: () => "S" }],
    "exec:class X:\n  def __repr__(self): return 'R'\n  def __str__(self): return 'S'\nv = [X()]",
  ],
  [f, "exec:def f(): pass\nv = f"],
  [() => 0, "lambda: 0"],
  [[f], "exec:def f(): pass\nv = [f]"],
  [Foo, "exec:class Foo: pass\nv = Foo"],
  [new Foo(), "exec:class Foo: pass\nv = Foo()"],
  [{ o: new Foo() }, "exec:class Foo: pass\nv = {'o': Foo()}"],
  [ValueError, "ValueError"],
  [Empty, "queue.Empty"],
  [MpTimeoutError, "mp.TimeoutError"],
];

describe("pyRepr and pyStr match CPython", () => {
  let expected: Array<[string, string]> = [];
  beforeAll(() => {
    expected = python(
      EVAL_CASES,
      CASES.map(([, py]) => py),
    ) as Array<[string, string]>;
  });

  test.each(CASES.map(([js, py], i) => ({ js, py, i })))("$py", ({ js, i }) => {
    const [repr, str] = expected[i] ?? ["?", "?"];
    expect(normalize(pyRepr(js))).toBe(normalize(repr));
    expect(normalize(pyStr(js))).toBe(normalize(str));
  });
});

test("pyFormatPrint is print()'s line: str of each value, joined by sep", () => {
  const values = ["a", 1, null, ["b"], true, new Uint8Array([0])];
  const py = "['a', 1, None, ['b'], True, b'\\x00']";
  const script = `import json, sys\nvals = eval(${JSON.stringify(py)})\nprint(json.dumps([' '.join(map(str, vals)), ', '.join(map(str, vals))]))`;
  const [space, comma] = python(script, null) as [string, string];
  expect(pyFormatPrint(values, " ")).toBe(space);
  expect(pyFormatPrint(values, ", ")).toBe(comma);
  expect(pyFormatPrint([], " ")).toBe("");
});

test("every code point's repr matches CPython, except code points assigned after Python 3.11's Unicode 14", () => {
  const expected = python(
    "import json, sys\nprint(json.dumps([repr(chr(c)) for c in range(0x110000)]))",
    null,
  ) as string[];
  const newer: number[] = [];
  for (let cp = 0; cp < 0x110000; cp++) {
    const ch = String.fromCodePoint(cp);
    const ours = reprString(ch);
    if (ours === expected[cp]) continue;
    // The engine's Unicode is newer: a character unassigned in 14.0 is printable now.
    expect(ours, `U+${cp.toString(16)}`).toBe(`'${ch}'`);
    expect(expected[cp], `U+${cp.toString(16)}`).toMatch(/^'\\[uU]/);
    newer.push(cp);
  }
  expect(newer.length).toBeLessThan(20000);
});

test("every byte's repr matches CPython's bytes repr", () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  const [one, each] = python(
    "import json\nprint(json.dumps([repr(bytes(range(256))), [repr(bytes([i])) for i in range(256)]]))",
    null,
  ) as [string, string[]];
  expect(reprBytes(all)).toBe(one);
  for (let i = 0; i < 256; i++) expect(reprBytes(Uint8Array.of(i))).toBe(each[i]);
});

describe("choices where JavaScript and Python differ", () => {
  test("numbers print as JavaScript prints them", () => {
    expect(pyStr(2.0)).toBe("2");
    expect(pyRepr([1.0, 1e-7])).toBe("[1, 1e-7]");
  });

  test("addresses are stable per object and distinct between objects", () => {
    const g = () => 1;
    expect(pyRepr(g)).toBe(pyRepr(g));
    expect(pyRepr(g)).not.toBe(pyRepr(() => 1));
    expect(fakeAddress(g)).toMatch(/^0x7f[0-9a-f]{10}$/);
    expect(pyRepr(g)).toBe(`<function g at ${fakeAddress(g)}>`);
  });

  test("engine errors and snippet Error subclasses repr by class name", () => {
    class MyErr extends Error {}
    class MyValueError extends ValueError {}
    expect(pyRepr(new Error("x"))).toBe("Error('x')");
    expect(pyRepr(new RangeError(""))).toBe("RangeError()");
    expect(pyRepr(new MyErr("m"))).toBe("MyErr('m')");
    expect(pyRepr(new MyValueError("m"))).toBe("MyValueError('m')");
    expect(pyStr(new Error("x"))).toBe("x");
  });

  test("an error's __repr__ is used by repr; str stays the message, as BaseException.__str__", () => {
    const e = Object.assign(new ValueError("msg"), { __repr__: () => "custom" });
    expect(pyRepr(e)).toBe("custom");
    expect(pyStr(e)).toBe("msg");
  });

  test("a Set holding itself and other oddities", () => {
    const s = new Set<unknown>();
    s.add(s);
    expect(pyRepr(s)).toBe("{set(...)}");
    expect(pyRepr(new Array<unknown>(2))).toBe("[None, None]");
    expect(pyRepr(Symbol("s"))).toBe("Symbol(s)");
    expect(pyRepr(/a+b/g)).toBe("re.compile('a+b')");
    expect(pyRepr(new Date(NaN))).toBe("Invalid Date");
    expect(pyStr(utc(1999, 4, 6, 7, 8, 9, 10))).toBe("1999-05-06 07:08:09.010000");
    expect(pyRepr(Math.max)).toBe("<built-in function max>");
    expect(pyRepr(Map)).toBe("<class 'Map'>");
    expect(pyRepr(f.bind(null))).toMatch(/^<function f at 0x[0-9a-f]+>$/);
    expect(pyReprTuple([1])).toBe("(1,)");
    expect(pyReprTuple(["a", null])).toBe("('a', None)");
  });

  test("a class that declares its own __module__ prints with it", () => {
    class Lock {
      static readonly __module__ = "multiprocessing.synchronize";
    }
    expect(pyRepr(Lock)).toBe("<class 'multiprocessing.synchronize.Lock'>");
    expect(normalize(pyRepr(new Lock()))).toBe("<multiprocessing.synchronize.Lock object at 0xADDR>");
    class Sub extends Lock {}
    expect(pyRepr(Sub)).toBe("<class '__main__.Sub'>");
  });
});
