/**
 * The exception classes against CPython 3.11: names, base classes, str(),
 * repr(), args and the traceback's last line all come from python3 live.
 */
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, test } from "vitest";
import * as X from "./exceptions";
import { pyRepr, pyReprTuple } from "./pyrepr";

type Cls = new (...args: unknown[]) => Error;

/** [our class, the Python expression naming its twin]. */
const CLASSES: Array<[Cls, string]> = [
  [X.BaseException, "BaseException"],
  [X.Exception, "Exception"],
  [X.ValueError, "ValueError"],
  [X.TypeError, "TypeError"],
  [X.LookupError, "LookupError"],
  [X.IndexError, "IndexError"],
  [X.KeyError, "KeyError"],
  [X.RuntimeError, "RuntimeError"],
  [X.NotImplementedError, "NotImplementedError"],
  [X.AssertionError, "AssertionError"],
  [X.EOFError, "EOFError"],
  [X.OSError, "OSError"],
  [X.ConnectionError, "ConnectionError"],
  [X.PermissionError, "PermissionError"],
  [X.BrokenPipeError, "BrokenPipeError"],
  [X.TimeoutError, "TimeoutError"],
  [X.ImportError, "ImportError"],
  [X.ModuleNotFoundError, "ModuleNotFoundError"],
  [X.SystemExit, "SystemExit"],
  [X.KeyboardInterrupt, "KeyboardInterrupt"],
  [X.PickleError, "pickle.PickleError"],
  [X.PicklingError, "pickle.PicklingError"],
  [X.Empty, "queue.Empty"],
  [X.Full, "queue.Full"],
  [X.ProcessError, "mp.ProcessError"],
  [X.AuthenticationError, "mp.AuthenticationError"],
  [X.BufferTooShort, "mp.BufferTooShort"],
  [X.MpTimeoutError, "mp.TimeoutError"],
  [X.BrokenBarrierError, "threading.BrokenBarrierError"],
];

const ARG_SETS: unknown[][] = [
  [],
  ["bad value"],
  ["a", 1],
  [3],
  ["multi\nline"],
  [null],
  [5, "Input/output error", "f.txt"],
  [5, "x", "f", null, "g"],
  [5, "x", null, null, "g"],
  [1, 2, 3, 4, 5, 6],
];

interface PyFacts {
  name: string;
  mro: string[];
  results: Array<{ str: string; repr: string; line: string; args: string }>;
}

const SCRIPT = `
import json, sys, pickle, queue, threading, traceback, multiprocessing as mp
out = []
for expr, arg_sets in json.load(sys.stdin):
    cls = eval(expr)
    mro = [c.__name__ for c in cls.__mro__[: cls.__mro__.index(BaseException) + 1]]
    results = []
    for args in arg_sets:
        e = cls(*args)
        line = "".join(traceback.format_exception_only(cls, e))
        results.append({"str": str(e), "repr": repr(e), "line": line[:-1], "args": repr(e.args)})
    out.append({"name": cls.__name__, "mro": mro, "results": results})
print(json.dumps(out))
`;

let facts: PyFacts[] = [];
beforeAll(() => {
  const input = JSON.stringify(CLASSES.map(([, py]) => [py, ARG_SETS]));
  facts = JSON.parse(execFileSync("python3", ["-c", SCRIPT], { input }).toString("utf8")) as PyFacts[];
});

/** Our class chain, most derived first, up to BaseException. */
function chain(cls: Cls): string[] {
  const names: string[] = [];
  for (let c: unknown = cls; typeof c === "function" && c !== Error; c = Object.getPrototypeOf(c)) names.push(c.name);
  return names;
}

describe.each(CLASSES.map(([cls, py], i) => ({ cls, py, i })))("$py", ({ cls, i }) => {
  test("name and base classes are Python's", () => {
    const py = facts[i]!;
    const e = new cls();
    expect(cls.name).toBe(py.name);
    expect(e.constructor.name).toBe(py.name);
    expect(e.name).toBe(py.name);
    expect(chain(cls)).toEqual(py.mro);
    expect(e).toBeInstanceOf(Error);
    for (const [other] of CLASSES)
      expect(e instanceof other).toBe(
        py.mro.includes(other.name) && chain(cls).includes(other.name) && isAncestor(other, cls),
      );
  });

  test.each(ARG_SETS.map((args, j) => ({ args, j })))(
    "args $args: str, repr, args and traceback line",
    ({ args, j }) => {
      // Deliberate: SystemExit(null) has an empty message (CPython: 'None'); tested below.
      if (cls === X.SystemExit && args.length === 1 && args[0] === null) return;
      const py = facts[i]!.results[j]!;
      const e = new cls(...args) as Error & { args: unknown[] };
      expect(e.message).toBe(py.str);
      expect(pyRepr(e)).toBe(py.repr);
      expect(pyReprTuple(e.args)).toBe(py.args);
      expect(X.exceptionLine(e)).toBe(py.line);
    },
  );
});

function isAncestor(base: Cls, cls: Cls): boolean {
  return cls === base || cls.prototype instanceof base;
}

describe("SystemExit", () => {
  test("code is Python's: null without argument, the argument, or all args", () => {
    expect(new X.SystemExit().code).toBeNull();
    expect(new X.SystemExit(undefined).code).toBeNull();
    expect(new X.SystemExit(2).code).toBe(2);
    expect(new X.SystemExit("bye").code).toBe("bye");
    expect(new X.SystemExit(1, 2).code).toEqual([1, 2]);
  });

  test("message is str(code), or '' for a null code (CPython says 'None' for SystemExit(None))", () => {
    expect(new X.SystemExit(null).message).toBe("");
    expect(new X.SystemExit(undefined).message).toBe("");
    expect(new X.SystemExit(0).message).toBe("0");
    expect(X.exceptionLine(new X.SystemExit(null))).toBe("SystemExit");
    expect(X.exceptionLine(new X.SystemExit("bye"))).toBe("SystemExit: bye");
  });
});

describe("TypeError also catches the engine's TypeError", () => {
  let native: unknown;
  beforeAll(() => {
    try {
      (null as unknown as { x: () => void }).x();
    } catch (e) {
      native = e;
    }
  });

  test("instanceof", () => {
    class MyTypeError extends X.TypeError {}
    expect(native).toBeInstanceOf(globalThis.TypeError);
    expect(native instanceof X.TypeError).toBe(true);
    expect(new X.TypeError("t") instanceof X.TypeError).toBe(true);
    expect(new MyTypeError("t") instanceof X.TypeError).toBe(true);
    expect(new MyTypeError("t") instanceof MyTypeError).toBe(true);
    expect(native instanceof MyTypeError).toBe(false);
    expect(new X.ValueError() instanceof X.TypeError).toBe(false);
    expect(new RangeError() instanceof X.TypeError).toBe(false);
    expect(("str" as unknown) instanceof X.TypeError).toBe(false);
    expect(native instanceof X.Exception).toBe(false);
  });

  test("its class name and traceback line", () => {
    expect(X.pyClassName(native)).toBe("TypeError");
    expect(X.exceptionLine(native)).toBe("TypeError: Cannot read properties of null (reading 'x')");
  });
});

describe("pyClassName and exceptionLine", () => {
  test("engine errors keep their JavaScript names", () => {
    expect(X.pyClassName(new RangeError("r"))).toBe("RangeError");
    expect(X.pyClassName(new ReferenceError("r"))).toBe("ReferenceError");
    expect(X.pyClassName(new SyntaxError("r"))).toBe("SyntaxError");
    expect(X.pyClassName(new Error("r"))).toBe("Error");
    expect(X.exceptionLine(new Error("boom"))).toBe("Error: boom");
    expect(X.exceptionLine(new Error())).toBe("Error");
  });

  test("a snippet's own classes are named by their class, with no module", () => {
    class MyError extends X.Exception {}
    class Plain extends Error {}
    class Renamed extends Error {
      override name = "Custom";
    }
    expect(new MyError("m").name).toBe("MyError");
    expect(X.exceptionLine(new MyError("m"))).toBe("MyError: m");
    expect(X.exceptionLine(new Plain("p"))).toBe("Plain: p");
    expect(X.exceptionLine(new Renamed("r"))).toBe("Custom: r");
    class MyEmpty extends X.Empty {}
    expect(X.exceptionLine(new MyEmpty())).toBe("MyEmpty");
  });

  test("pyClassName is the bare class name, exceptionLine qualifies it as CPython does", () => {
    expect(X.pyClassName(new X.Empty())).toBe("Empty");
    expect(X.exceptionLine(new X.Empty())).toBe("_queue.Empty");
    expect(X.pyClassName(new X.MpTimeoutError())).toBe("TimeoutError");
    expect(X.exceptionLine(new X.MpTimeoutError())).toBe("multiprocessing.context.TimeoutError");
  });

  test("a thrown non-Error value is shown as an Exception with its str", () => {
    expect(X.pyClassName("oops")).toBe("Exception");
    expect(X.exceptionLine("oops")).toBe("Exception: oops");
    expect(X.exceptionLine({ a: 1 })).toBe("Exception: {'a': 1}");
    expect(X.exceptionLine(42)).toBe("Exception: 42");
    expect(X.exceptionLine(null)).toBe("Exception: None");
    expect(X.exceptionLine("")).toBe("Exception");
  });
});

test("the multiprocessing TimeoutError is distinct from the builtin one", () => {
  const e = new X.MpTimeoutError();
  expect(e).toBeInstanceOf(X.ProcessError);
  expect(e).not.toBeInstanceOf(X.TimeoutError);
  expect(new X.TimeoutError()).not.toBeInstanceOf(X.MpTimeoutError);
});

test("a single undefined argument counts as none", () => {
  const e = new X.ValueError(undefined);
  expect(e.args).toEqual([]);
  expect(e.message).toBe("");
  expect(pyRepr(e)).toBe("ValueError()");
});

test("the name is not enumerable, so errors print and compare cleanly", () => {
  expect(Object.keys(new X.ValueError("v"))).toEqual(["args"]);
});

test("builtinExceptions are the snippet globals", () => {
  expect(Object.keys(X.builtinExceptions).sort()).toEqual(
    [
      "AssertionError",
      "BaseException",
      "BrokenPipeError",
      "EOFError",
      "Exception",
      "IndexError",
      "KeyError",
      "KeyboardInterrupt",
      "ModuleNotFoundError",
      "NotImplementedError",
      "OSError",
      "PicklingError",
      "RuntimeError",
      "SystemExit",
      "TimeoutError",
      "TypeError",
      "ValueError",
    ].sort(),
  );
  expect(X.builtinExceptions.TimeoutError).toBe(X.TimeoutError);
  for (const [key, cls] of Object.entries(X.builtinExceptions)) expect(cls.name).toBe(key);
});
