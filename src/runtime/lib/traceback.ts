/**
 * CPython-format tracebacks, built from the engine's stack of the user's code.
 *
 * The user's TypeScript is transpiled with its line numbers kept and evaluated
 * with `//# sourceURL=main.ts`, so the user's frames are exactly the stack
 * frames whose file is `main.ts`; every other frame (the runtime, the engine,
 * `Array.map`) is hidden, as the spec asks. V8 stacks are the target; the
 * `func@file:line:col` form of Firefox and Safari is read on a best-effort
 * basis (their names are less precise: a constructor shows as its class).
 *
 * The engine cuts stacks at `Error.stackTraceLimit` frames (10 by default in
 * V8), so whoever runs snippets should raise it, or deep tracebacks lose
 * their outer frames, `<module>` included.
 */
import { exceptionLine } from "./exceptions";

/** One frame of the user's code, as Python names it. */
export interface Frame {
  /** 1-based line in the user's source. */
  line: number;
  /** '<module>', '<lambda>', '__init__' for a constructor, else the bare function or method name. */
  func: string;
}

interface RawFrame {
  func: string;
  file: string;
  line: number;
}

const V8_FRAME = /^\s+at (?:(.+?) \((.*)\)|(.*))$/;
const GECKO_FRAME = /^(.*?)@(.*):(\d+):(\d+)$/;
const LOCATION = /^(.*):(\d+):(\d+)$/;
/** V8 prefixes every frame line with this; its absence means a Firefox/Safari stack. */
const V8_MARK = /^\s+at /m;

function parseV8(text: string): RawFrame | undefined {
  const m = V8_FRAME.exec(text);
  if (!m) return undefined;
  let func = m[1] ?? "";
  let location = m[2] ?? m[3] ?? "";
  if (m[3] !== undefined && location.startsWith("async ")) {
    func = "async";
    location = location.slice(6);
  }
  // Engine builtins have no line: `at eval (<anonymous>)`, `at Array.map (<anonymous>)`.
  const loc = LOCATION.exec(location);
  return loc ? { func, file: loc[1] ?? "", line: Number(loc[2]) } : { func, file: location, line: 0 };
}

function parseGecko(text: string): RawFrame | undefined {
  const m = GECKO_FRAME.exec(text.trim());
  if (!m) return undefined;
  return { func: m[1] ?? "", file: m[2] ?? "", line: Number(m[3]) };
}

/**
 * The Python name of a frame from the engine's: `new Worker` is `__init__`,
 * `Worker.run` is `run`, the module body function `__mp_module__` is
 * `<module>`, anything anonymous is `<lambda>` (for `eval`, see evalFrameName).
 */
function pythonName(raw: string): string {
  let name = raw.trim().replace(/ \[as [^\]]*\]$/, "");
  if (name.startsWith("async ")) name = name.slice(6);
  if (name === "async") name = "";
  if (name.startsWith("new ")) return "__init__";
  if (/^[gs]et /.test(name)) name = name.slice(4);
  // Safari names the top level of a script "global code" or "eval code".
  if (name === "__mp_module__" || /^(global|eval|module) code$/.test(name)) return "<module>";
  // Firefox names an anonymous function inside f "f/<" (or "f/<.x<").
  if (name.endsWith("<")) return "<lambda>";
  const last = name.split(/[./]/).pop() ?? "";
  return last === "" || last === "<anonymous>" ? "<lambda>" : last;
}

/**
 * The frames of `filename` in `stack`, oldest call first (Python's order),
 * with lines shifted back by `lineOffset` (the lines of a wrapper header put
 * before the user's code); frames that fall inside that header are dropped.
 */
export function userFrames(stack: string, filename = "main.ts", lineOffset = 0): Frame[] {
  const parse = V8_MARK.test(stack) ? parseV8 : parseGecko;
  const raw = stack
    .split("\n")
    .map(parse)
    .filter((f): f is RawFrame => f !== undefined);
  const frames: Frame[] = [];
  raw.forEach((f, i) => {
    const line = f.line - lineOffset;
    if (f.file !== filename || line < 1) return;
    frames.push({
      line,
      func: f.func.replace(/^async /, "") === "eval" ? evalFrameName(raw[i + 1]) : pythonName(f.func),
    });
  });
  return frames.reverse();
}

/**
 * V8 names both the top level of eval'd code and every anonymous function
 * inside it `eval`. The top level is the one the builtin `eval` called (or
 * the oldest frame, when the stack was cut right there): that is `<module>`;
 * the others are lambdas.
 */
function evalFrameName(caller: RawFrame | undefined): string {
  return !caller || (caller.func === "eval" && caller.file === "<anonymous>") ? "<module>" : "<lambda>";
}

/** The line of the innermost user frame: the user's line that led to the call taking this stack. */
export function sourceLineOfCaller(stack: string, filename = "main.ts", lineOffset = 0): number | undefined {
  return userFrames(stack, filename, lineOffset).at(-1)?.line;
}

/** CPython's traceback._RECURSIVE_CUTOFF: identical frames shown before they are counted instead. */
const RECURSIVE_CUTOFF = 3;

function repeatedLine(count: number): string {
  const more = count - RECURSIVE_CUTOFF;
  return `  [Previous line repeated ${more} more time${more > 1 ? "s" : ""}]\n`;
}

/** CPython's StackSummary.format, without its `^^^` markers (we know where an expression starts, not ends). */
function formatFrames(frames: readonly Frame[], lines: readonly string[], filename: string): string {
  let out = "";
  let last: Frame | undefined;
  let count = 0;
  for (const frame of frames) {
    if (!last || last.line !== frame.line || last.func !== frame.func) {
      if (count > RECURSIVE_CUTOFF) out += repeatedLine(count);
      last = frame;
      count = 0;
    }
    if (++count > RECURSIVE_CUTOFF) continue;
    out += `  File "${filename}", line ${frame.line}, in ${frame.func}\n`;
    const code = lines[frame.line - 1]?.trim();
    if (code) out += `    ${code}\n`;
  }
  if (count > RECURSIVE_CUTOFF) out += repeatedLine(count);
  return out;
}

/** The stack of a thrown value, without a multi-line message that could pass for frames. */
function stackOf(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const stack: unknown = (e as { stack?: unknown }).stack;
  if (typeof stack !== "string") return undefined;
  const message: unknown = (e as { message?: unknown }).message;
  if (typeof message === "string" && message.includes("\n")) {
    const at = stack.indexOf(message);
    if (at >= 0) return stack.slice(at + message.length);
  }
  return stack;
}

export interface TracebackOptions {
  /** The user's file as it appears in the stack and in the report; default "main.ts". */
  filename?: string;
  /** Lines of wrapper before the user's line 1 in the evaluated code; default 0. */
  lineOffset?: number;
  /** Printed first, e.g. "Process Process-1:\n" for an exception in a child's target. */
  header?: string;
}

/**
 * What CPython prints for an uncaught exception: the header when given,
 * `Traceback (most recent call last):`, a `File` line per user frame (each
 * followed by its stripped source line, unless blank), then exceptionLine(e).
 * With no user frame at all (a thrown non-Error, or an error raised before
 * the user's code ran) only the exception line follows the header.
 */
export function formatTraceback(e: unknown, source: string, opts: TracebackOptions = {}): string {
  const { filename = "main.ts", lineOffset = 0, header = "" } = opts;
  const stack = stackOf(e);
  const frames = stack === undefined ? [] : userFrames(stack, filename, lineOffset);
  let out = header;
  if (frames.length > 0) {
    // JavaScript's line terminators, since those are what the engine counted.
    const lines = source.split(/\r\n|[\n\r\u2028\u2029]/);
    out += "Traceback (most recent call last):\n" + formatFrames(frames, lines, filename);
  }
  return out + exceptionLine(e) + "\n";
}
