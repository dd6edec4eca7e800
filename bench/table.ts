/** The report's shape (rows with targets and verdicts), its number formats, and a plain-text table of it. */
import type { Stats } from "./stats";

export interface Row {
  workload: string;
  playground: string;
  cpython: string;
  ratio: string;
  target: string;
  verdict: string;
}

export interface Verdict {
  id: string;
  met: boolean;
  playground: number;
  limit: number;
  description: string;
  /** Unit of `playground` and `limit`; ms when absent. */
  unit?: string;
  /** The figure must be at least `limit` (a throughput); otherwise at most (a time). */
  atLeast?: boolean;
}

/** Playground speed relative to CPython's (>1: faster), whichever way the unit runs. */
export function speedRatio(playground: number, cpython: number, higherIsBetter: boolean): number {
  return higherIsBetter ? playground / cpython : cpython / playground;
}

const HEADERS: Row = {
  workload: "workload",
  playground: "playground (median, min..max)",
  cpython: "CPython figure(s)",
  ratio: "ratio",
  target: "target",
  verdict: "verdict",
};
const COLS = Object.keys(HEADERS) as (keyof Row)[];

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return "n/a";
  const digits = Math.abs(n) < 10 ? 2 : Math.abs(n) < 100 ? 1 : 0;
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A count as a workload's label says it: 100000 is "100k", 1000000 is "1M". */
export function fmtCount(n: number): string {
  if (n >= 1e6 && n % 1e6 === 0) return `${n / 1e6}M`;
  if (n >= 1e3 && n % 1e3 === 0) return `${n / 1e3}k`;
  return n.toLocaleString("en-US");
}

export const range = (s: Stats) => `${fmt(s.median)} (${fmt(s.min)}..${fmt(s.max)})`;
export const ratio = (a: number, b: number) => `×${fmt(a / b)}`;
export const verdictWord = (met: boolean) => (met ? "met" : "MISSED");

/** A boxed plain-text table; cells may span several lines. */
export function formatTable(rows: Row[]): string {
  const all = [HEADERS, ...rows];
  const width = (c: keyof Row) => Math.max(...all.flatMap((r) => r[c].split("\n").map((l) => l.length)));
  const widths = COLS.map(width);
  const rule = "+" + widths.map((w) => "-".repeat(w + 2)).join("+") + "+";
  const render = (r: Row) => {
    const cells = COLS.map((c) => r[c].split("\n"));
    const height = Math.max(...cells.map((c) => c.length));
    const out: string[] = [];
    for (let i = 0; i < height; i++)
      out.push("| " + cells.map((c, j) => (c[i] ?? "").padEnd(widths[j] ?? 0)).join(" | ") + " |");
    return out.join("\n");
  };
  return [rule, render(HEADERS), rule, ...rows.flatMap((r) => [render(r), rule])].join("\n");
}
