/**
 * The line every bench program prints last, `BENCH <name> <value> [key=value ...]`, and
 * the error a program dies of when it uses what this version of the runtime lacks.
 */

export interface Bench {
  name: string;
  value: number;
  /** Extra `key=value` fields after the value. */
  fields: Record<string, number>;
}

const BENCH_RE = /^BENCH\s+(\S+)\s+(-?[\d.]+(?:e[+-]?\d+)?)((?:\s+\w+=-?[\d.]+)*)\s*$/i;

/** The BENCH line's contents, or null if `line` is not one. */
export function parseBenchLine(line: string): Bench | null {
  const m = BENCH_RE.exec(line);
  if (!m) return null;
  const fields: Record<string, number> = {};
  for (const kv of (m[3] ?? "").trim().split(/\s+/)) {
    const [k, v] = kv.split("=");
    if (k && v !== undefined) fields[k] = Number(v);
  }
  return { name: m[1] as string, value: Number(m[2]), fields };
}

/** The last BENCH line among `lines`, or null. */
export function lastBench(lines: readonly string[]): Bench | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const b = parseBenchLine(lines[i] ?? "");
    if (b) return b;
  }
  return null;
}

/**
 * Whether a failed run's output says a name of `multiprocessing` is missing from this
 * runtime (src/runtime/modules/multiprocessing.ts raises, e.g.
 * `NotImplementedError: multiprocessing.Value is not available in this version of the playground yet`).
 */
export function saysNotAvailable(output: string): boolean {
  return /NotImplementedError: multiprocessing\.\w+ is not available/.test(output);
}
