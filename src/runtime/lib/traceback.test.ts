/**
 * Tracebacks from real V8 stacks: snippets are evaluated the way the runtime
 * does it (indirect eval, `//# sourceURL=main.ts`), with "runtime" helpers
 * living in this file so their frames must be hidden. The expected output is
 * what python3 prints for the equivalent Python program, whose helpers live
 * outside main.ts too. Most programs are written so that every line shown in
 * the traceback reads the same in both languages, and the comparison is then
 * byte for byte (minus Python 3.11's `^^^` markers, which we do not print).
 */
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, test } from "vitest";
import { Empty, KeyError, ValueError } from "./exceptions";
import { formatTraceback, sourceLineOfCaller, userFrames } from "./traceback";

/** Runtime helpers, hidden from tracebacks (their frames are in this file, not main.ts). */
const helpers = {
  boom(msg: string): never {
    throw new ValueError(msg);
  },
  check(n: number): void {
    if (n === 0) throw new ValueError("deep");
  },
  make(cls: new () => unknown): unknown {
    return new cls();
  },
  call(fn: () => unknown): unknown {
    return fn();
  },
  where(): number | undefined {
    return sourceLineOfCaller(new Error().stack ?? "", "main.ts", 1);
  },
  KeyError,
  Empty,
};
const HELPER_NAMES = Object.keys(helpers);

/** The runtime's wrapper: a header line, then the user's code with its line numbers kept (offset 1). */
function wrap(src: string): string {
  return `(function __mp_module__(${HELPER_NAMES.join(", ")}) {\n${src}\n})\n//# sourceURL=main.ts`;
}

function evaluate(src: string): unknown {
  const moduleFn = (0, eval)(wrap(src)) as (...args: unknown[]) => unknown;
  return moduleFn(...Object.values(helpers));
}

/** Runs a snippet and returns what it threw. */
function thrown(src: string): unknown {
  try {
    evaluate(src);
  } catch (e) {
    return e;
  }
  throw new Error("the snippet did not throw");
}

const PY_DRIVER = `
import json, sys, linecache, traceback, queue
def boom(msg): raise ValueError(msg)
def check(n):
    if n == 0: raise ValueError("deep")
def make(cls): return cls()
def call(fn): return fn()
def report(src):
    linecache.cache["main.ts"] = (len(src), None, src.splitlines(True), "main.ts")
    try:
        exec(compile(src, "main.ts", "exec"), {"__name__": "__main__", "boom": boom, "check": check, "make": make, "call": call, "queue": queue})
    except BaseException as e:
        frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == "main.ts"]
        out = ""
        if frames:
            out = "Traceback (most recent call last):\\n" + "".join(traceback.StackSummary.from_list(frames).format())
        return out + "".join(traceback.format_exception_only(type(e), e))
print(json.dumps([report(src) for src in json.load(sys.stdin)]))
`;

/** CPython's reports for Python programs (one python3 run), helper frames hidden as ours are, no ^^^ lines. */
function pythonTracebacks(programs: string[]): string[] {
  const out = execFileSync("python3", ["-c", PY_DRIVER], { input: JSON.stringify(programs) }).toString("utf8");
  return (JSON.parse(out) as string[]).map((tb) => tb.replace(/^ *[~^]+ *\n/gm, ""));
}

/** The report without its source lines, for programs whose lines differ between the languages. */
const skeleton = (tb: string) => tb.replace(/^ {4}.*\n/gm, "");

beforeAll(() => {
  // V8 keeps 10 frames by default; the runtime raises the limit too.
  Error.stackTraceLimit = 100;
});

/** [title, TypeScript snippet, Python program with the same lines in its traceback]. */
const SAME_LINES: Array<[string, string, string]> = [
  ["an error at module level", `boom("top")`, `boom("top")`],
  ["a call into a function", `function f() {\n    boom("bad value")\n}\nf()`, `def f():\n    boom("bad value")\n\nf()`],
  [
    "a function called from the runtime",
    `function f() {\n    boom("via call")\n}\n\ncall(f)`,
    `def f():\n    boom("via call")\n\n\ncall(f)`,
  ],
  [
    "a constructor is __init__",
    `class Worker {\n    constructor() {\n        helper()\n    }\n}\nfunction helper() {\n    boom("in init")\n}\nmake(Worker)`,
    `class Worker:\n    def __init__(self):\n        helper()\n\n\ndef helper():\n    boom("in init")\n\nmake(Worker)`,
  ],
  [
    "a method is named without its class",
    `class Worker {\n    run() {\n        boom("in run")\n    }\n}\nmake(Worker).run()`,
    `class Worker:\n    def run(self):\n        boom("in run")\n\n\nmake(Worker).run()`,
  ],
  [
    "recursion collapses repeated frames",
    `function r(n) {\n    check(n)\n    r(n - 1)\n}\nr(6)`,
    `def r(n):\n    check(n)\n    r(n - 1)\n\nr(6)`,
  ],
  [
    "one repeat is 'time', not 'times'",
    `function r(n) {\n    check(n)\n    r(n - 1)\n}\nr(4)`,
    `def r(n):\n    check(n)\n    r(n - 1)\n\nr(4)`,
  ],
  [
    "indented and blank lines around the frames",
    `\n\nfunction f() {\n\n        boom("indented")   \n} if (1)\n   f()   `,
    `\n\ndef f():\n\n        boom("indented")   \nif 1:\n   f()   `,
  ],
];

/** [title, TypeScript snippet, Python program with the same frames]. */
const SAME_FRAMES: Array<[string, string, string]> = [
  ["an arrow function is <lambda>", `call(() => boom("lam"))`, `call(lambda: boom("lam"))`],
  ["a callback of Array.map is <lambda>", `[1].map((x) => boom("m"))`, `list(map(lambda x: boom("m"), [1]))`],
  [
    "an error thrown by the snippet itself",
    `function f() {\n    throw new KeyError("k")\n}\nf()`,
    `def f():\n    raise KeyError("k")\n\nf()`,
  ],
  ["queue.Empty is _queue.Empty", `throw new Empty()`, `raise queue.Empty()`],
];

let expectedSameLines: string[] = [];
let expectedSameFrames: string[] = [];
beforeAll(() => {
  const all = pythonTracebacks([...SAME_LINES, ...SAME_FRAMES].map(([, , py]) => py));
  expectedSameLines = all.slice(0, SAME_LINES.length);
  expectedSameFrames = all.slice(SAME_LINES.length);
});

describe("matches CPython byte for byte", () => {
  test.each(SAME_LINES.map((c, i) => ({ title: c[0], ts: c[1], i })))("$title", ({ ts, i }) => {
    expect(formatTraceback(thrown(ts), ts, { lineOffset: 1 })).toBe(expectedSameLines[i]);
  });
});

describe("matches CPython's frames where the languages' lines differ", () => {
  test.each(SAME_FRAMES.map((c, i) => ({ title: c[0], ts: c[1], i })))("$title", ({ ts, i }) => {
    const ours = formatTraceback(thrown(ts), ts, { lineOffset: 1 });
    expect(skeleton(ours)).toBe(skeleton(expectedSameFrames[i] ?? ""));
  });

  test("the source lines shown are the TypeScript ones", () => {
    const ts = `call(() => boom("lam"))`;
    expect(formatTraceback(thrown(ts), ts, { lineOffset: 1 })).toBe(
      'Traceback (most recent call last):\n  File "main.ts", line 1, in <module>\n    call(() => boom("lam"))\n' +
        '  File "main.ts", line 1, in <lambda>\n    call(() => boom("lam"))\nValueError: lam\n',
    );
  });
});

describe("formatTraceback", () => {
  test("the header comes first", () => {
    const ts = `boom("x")`;
    expect(formatTraceback(thrown(ts), ts, { lineOffset: 1, header: "Process Process-1:\n" })).toBe(
      'Process Process-1:\nTraceback (most recent call last):\n  File "main.ts", line 1, in <module>\n    boom("x")\nValueError: x\n',
    );
  });

  test("without user frames only the exception line is printed", () => {
    expect(formatTraceback("oops", "", {})).toBe("Exception: oops\n");
    expect(formatTraceback(new ValueError("v"), "")).toMatch(/^ValueError: v\n$/);
    expect(formatTraceback(new Empty(), "", { header: "Process Process-2:\n" })).toBe(
      "Process Process-2:\n_queue.Empty\n",
    );
  });

  test("an engine error keeps its JavaScript name", () => {
    const ts = `const o = null\no.x`;
    expect(formatTraceback(thrown(ts), ts, { lineOffset: 1 })).toBe(
      'Traceback (most recent call last):\n  File "main.ts", line 2, in <module>\n    o.x\n' +
        "TypeError: Cannot read properties of null (reading 'x')\n",
    );
  });

  test("a source line that is missing or blank is left out, as linecache does", () => {
    const e = Object.assign(new ValueError("v"), {
      stack: "ValueError: v\n    at f (main.ts:9:1)\n    at __mp_module__ (main.ts:2:1)",
    });
    expect(formatTraceback(e, "a\n   \nc")).toBe(
      'Traceback (most recent call last):\n  File "main.ts", line 2, in <module>\n  File "main.ts", line 9, in f\nValueError: v\n',
    );
  });

  test("JavaScript's line terminators count as the engine counts them", () => {
    const e = Object.assign(new ValueError("v"), { stack: "ValueError: v\n    at __mp_module__ (main.ts:4:1)" });
    expect(formatTraceback(e, "a\r\nb\u2028c\rd\ne")).toContain("line 4, in <module>\n    d\n");
  });

  test("a message that looks like frames is not read as frames", () => {
    const ts = `boom("x\\n    at fake (main.ts:1:1)")`;
    expect(formatTraceback(thrown(ts), ts, { lineOffset: 1 })).toBe(
      'Traceback (most recent call last):\n  File "main.ts", line 1, in <module>\n    boom("x\\n    at fake (main.ts:1:1)")\nValueError: x\n    at fake (main.ts:1:1)\n',
    );
  });

  test("another filename", () => {
    const e = Object.assign(new ValueError("v"), {
      stack: "ValueError: v\n    at f (main.ts:1:1)\n    at g (other.ts:2:1)",
    });
    expect(formatTraceback(e, "x\ny", { filename: "other.ts" })).toBe(
      'Traceback (most recent call last):\n  File "other.ts", line 2, in g\n    y\nValueError: v\n',
    );
  });
});

describe("userFrames from real stacks", () => {
  const stackOf = (src: string) => (thrown(src) as Error).stack ?? "";

  test("nested calls, oldest first, lines of the user's source", () => {
    const src = `function f() {\n  g()\n}\nfunction g() {\n  boom("x")\n}\nf()`;
    expect(userFrames(stackOf(src), "main.ts", 1)).toEqual([
      { line: 7, func: "<module>" },
      { line: 2, func: "f" },
      { line: 5, func: "g" },
    ]);
  });

  test("object methods, getters and anonymous functions", () => {
    const src = `const o = {\n  m() { return this.v },\n  get v() { boom("g") },\n}\ncall(function () { o.m() })`;
    expect(userFrames(stackOf(src), "main.ts", 1)).toEqual([
      { line: 5, func: "<module>" },
      { line: 5, func: "<lambda>" },
      { line: 2, func: "m" },
      { line: 3, func: "v" },
    ]);
  });

  test("without the offset, lines are those of the evaluated code; frames in the header are dropped", () => {
    const src = `boom("x")`;
    expect(userFrames(stackOf(src))).toEqual([{ line: 2, func: "<module>" }]);
    expect(userFrames(stackOf(src), "main.ts", 2)).toEqual([]);
  });

  test("plain eval'd code (no module function) is <module>, its anonymous functions are lambdas", () => {
    let stack = "";
    try {
      (0, eval)(`[1].map(() => null.x)\n//# sourceURL=main.ts`);
    } catch (e) {
      stack = (e as Error).stack ?? "";
    }
    expect(userFrames(stack)).toEqual([
      { line: 1, func: "<module>" },
      { line: 1, func: "<lambda>" },
    ]);
  });

  test("async functions after an await", async () => {
    const src = `async function a() {\n  await null\n  boom("later")\n}\nasync function main() {\n  await a()\n}\nreturn main()`;
    const e = await (evaluate(src) as Promise<unknown>).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(userFrames((e as Error).stack ?? "", "main.ts", 1)).toEqual([
      { line: 6, func: "main" },
      { line: 3, func: "a" },
    ]);
  });

  test("sourceLineOfCaller is the innermost user line", () => {
    expect(evaluate(`function f() {\n  return where()\n}\nreturn f()`)).toBe(2);
    expect(sourceLineOfCaller(new Error().stack ?? "")).toBeUndefined();
  });
});

describe("userFrames from browser stacks", () => {
  test("Chrome: runtime frames from URLs are hidden, V8 names become Python's", () => {
    const stack = [
      "ValueError: bad",
      "    at Queue.get (http://localhost:5173/src/runtime/modules/queue.ts:40:11)",
      "    at Worker.run (main.ts:12:5)",
      "    at Foo.bar [as baz] (main.ts:11:4)",
      "    at async f (main.ts:10:1)",
      "    at get value (main.ts:9:2)",
      "    at main.ts:7:9",
      "    at Array.map (<anonymous>)",
      "    at Object.run (main.ts:6:3)",
      "    at Object.<anonymous> (main.ts:5:3)",
      "    at new Worker (main.ts:4:3)",
      "    at eval (main.ts:3:1)",
      "    at Process.start (http://localhost:5173/src/runtime/process/processObject.ts:10:3)",
      "    at file:///app/main.ts:1:1",
      "    at http://localhost:5173/src/main.ts:1:1",
      "    at __mp_module__ (main.ts:20:3)",
      "    at bootstrap (node:internal/process/task_queues:95:5)",
    ].join("\n");
    expect(userFrames(stack)).toEqual([
      { line: 20, func: "<module>" },
      { line: 3, func: "<lambda>" },
      { line: 4, func: "__init__" },
      { line: 5, func: "<lambda>" },
      { line: 6, func: "run" },
      { line: 7, func: "<lambda>" },
      { line: 9, func: "value" },
      { line: 10, func: "f" },
      { line: 11, func: "bar" },
      { line: 12, func: "run" },
    ]);
    expect(sourceLineOfCaller(stack)).toBe(12);
  });

  test("Chrome: the top level of eval'd code is <module>", () => {
    const stack =
      "Error\n    at g (main.ts:2:3)\n    at eval (main.ts:3:1)\n    at eval (<anonymous>)\n    at run (http://x/src/runtime/a.ts:1:1)";
    expect(userFrames(stack)).toEqual([
      { line: 3, func: "<module>" },
      { line: 2, func: "g" },
    ]);
  });

  test("Safari: the top level is 'global code' or 'eval code'", () => {
    const stack =
      "f@main.ts:2:3\nmap@[native code]\neval code@main.ts:5:1\neval@[native code]\nrun@http://x/src/runtime/a.ts:1:1";
    expect(userFrames(stack)).toEqual([
      { line: 5, func: "<module>" },
      { line: 2, func: "f" },
    ]);
  });

  test("Firefox and Safari: func@file:line:col", () => {
    const stack = [
      "consumer@main.ts:5:15",
      "run@http://localhost:5173/src/runtime/process/processObject.ts:120:5",
      "__mp_module__/<@main.ts:7:9",
      "@main.ts:8:1",
      "__mp_module__@main.ts:20:3",
      "",
    ].join("\n");
    expect(userFrames(stack)).toEqual([
      { line: 20, func: "<module>" },
      { line: 8, func: "<lambda>" },
      { line: 7, func: "<lambda>" },
      { line: 5, func: "consumer" },
    ]);
  });
});
