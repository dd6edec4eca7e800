/**
 * sys.stdout / sys.stderr and print(): every write becomes one output event in the
 * process's ring, so writes from all processes land in one ordered stream.
 */
import { TypeError as PyTypeError } from "../lib/exceptions";
import { pyFormatPrint, pyStr, pyTypeName } from "../lib/pyrepr";
import { popTrailingOptions } from "../lib/options";
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

const PRINT_KEYS = ["sep", "end", "file", "flush"] as const;

export function print(...values: unknown[]): void {
  const opts = popTrailingOptions(values, PRINT_KEYS);
  const sep = opts.sep ?? " ";
  const end = opts.end ?? "\n";
  if (typeof sep !== "string") throw new PyTypeError(`sep must be None or a string, not ${pyTypeName(sep)}`);
  if (typeof end !== "string") throw new PyTypeError(`end must be None or a string, not ${pyTypeName(end)}`);
  const file = (opts.file ?? stdout) as { write(s: string): unknown };
  if (typeof file.write !== "function") throw new PyTypeError(`'${pyTypeName(file)}' object has no attribute 'write'`);
  file.write(pyFormatPrint(values, sep) + end);
}

/** console.log writes to stdout too, formatted as print would. */
export const consoleShim = {
  log: (...v: unknown[]) => stdout.write(v.map((x) => pyStr(x)).join(" ") + "\n"),
  info: (...v: unknown[]) => stdout.write(v.map((x) => pyStr(x)).join(" ") + "\n"),
  error: (...v: unknown[]) => stderr.write(v.map((x) => pyStr(x)).join(" ") + "\n"),
  warn: (...v: unknown[]) => stderr.write(v.map((x) => pyStr(x)).join(" ") + "\n"),
};

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
