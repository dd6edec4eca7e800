/**
 * sys.stdout / sys.stderr and print(): every write becomes one output event in the
 * process's ring, so writes from all processes land in one ordered stream.
 */
import { TypeError as PyTypeError } from "../lib/exceptions";
import { pyFormatPrint, pyStr } from "../lib/pyrepr";
import { ctx } from "../process/context";

export class TextStream {
  constructor(
    readonly name: "<stdout>" | "<stderr>",
    private readonly stream: 1 | 2,
  ) {}

  /** Returns the number of code points written, as Python counts characters. */
  write(s: string): number {
    if (typeof s !== "string") throw new PyTypeError(`write() argument must be str, not ${pyTypeName(s)}`);
    if (s.length > 0) ctx().emitter.out(this.stream, s);
    return codePoints(s);
  }

  flush(): void {}

  isatty(): boolean {
    return false;
  }

  fileno(): number {
    return this.stream;
  }

  __repr__(): string {
    return `<_io.TextIOWrapper name='${this.name}' mode='w' encoding='utf-8'>`;
  }
}

export const stdout = new TextStream("<stdout>", 1);
export const stderr = new TextStream("<stderr>", 2);

const PRINT_KEYS = new Set(["sep", "end", "file", "flush"]);

interface PrintOptions {
  sep?: string | null;
  end?: string | null;
  file?: { write(s: string): unknown } | null;
  flush?: boolean;
}

/** A trailing plain object whose keys are all print's keyword names is the options. */
function isPrintOptions(v: unknown): v is PrintOptions {
  if (v === null || typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => PRINT_KEYS.has(k));
}

export function print(...values: unknown[]): void {
  let opts: PrintOptions = {};
  if (values.length > 0 && isPrintOptions(values[values.length - 1])) opts = values.pop() as PrintOptions;
  const sep = opts.sep ?? " ";
  const end = opts.end ?? "\n";
  if (typeof sep !== "string") throw new PyTypeError(`sep must be None or a string, not ${pyTypeName(sep)}`);
  if (typeof end !== "string") throw new PyTypeError(`end must be None or a string, not ${pyTypeName(end)}`);
  const file = opts.file ?? stdout;
  file.write(pyFormatPrint(values, sep) + end);
}

/** console.log writes to stdout too, formatted as print would. */
export const consoleShim = {
  log: (...v: unknown[]) => stdout.write(v.map((x) => pyStr(x)).join(" ") + "\n"),
  info: (...v: unknown[]) => stdout.write(v.map((x) => pyStr(x)).join(" ") + "\n"),
  error: (...v: unknown[]) => stderr.write(v.map((x) => pyStr(x)).join(" ") + "\n"),
  warn: (...v: unknown[]) => stderr.write(v.map((x) => pyStr(x)).join(" ") + "\n"),
};

export function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "string") return "str";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "bigint") return "int";
  if (Array.isArray(v)) return "list";
  if (typeof v === "function") return "function";
  return "dict";
}

/** Python's len(): code points, so a surrogate pair counts once. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
