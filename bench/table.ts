/** The report: rows with targets and verdicts, and a plain-text table of them. */
import type { CpythonResults } from "./cpython";
import type { Stats } from "./stats";
import { PRINT_TOTAL_LINES, type BrowserResults } from "./workloads";

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
}

const HEADERS: Row = { workload: "workload", playground: "playground (median, min..max)", cpython: "CPython figure(s)", ratio: "ratio", target: "target", verdict: "verdict" };
const COLS = Object.keys(HEADERS) as (keyof Row)[];

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return "n/a";
  const digits = Math.abs(n) < 10 ? 2 : Math.abs(n) < 100 ? 1 : 0;
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const range = (s: Stats) => `${fmt(s.median)} (${fmt(s.min)}..${fmt(s.max)})`;
const ratio = (a: number, b: number) => `×${fmt(a / b)}`;
const verdictWord = (met: boolean) => (met ? "met" : "MISSED");

export function buildReport(b: BrowserResults, c: CpythonResults): { rows: Row[]; verdicts: Verdict[] } {
  const a1 = b.spawnJoin.median;
  const sj = c.spawnJoin;
  const p1 = b.printShown.median;
  const pl = c.printLines;
  const verdicts: Verdict[] = [
    { id: "A1.spawn", met: a1 <= sj.spawn.median, playground: a1, limit: sj.spawn.median, description: "start+join ≤ CPython spawn" },
    { id: "A1.forkserver", met: a1 <= sj.forkserver.median, playground: a1, limit: sj.forkserver.median, description: "aim: start+join ≤ CPython forkserver" },
    { id: "P1.fork", met: p1 <= 2 * pl.fork.median, playground: p1, limit: 2 * pl.fork.median, description: "100k lines shown ≤ 2× CPython fork writing to a pipe" },
    { id: "P1.spawn", met: p1 <= 2 * pl.spawn.median, playground: p1, limit: 2 * pl.spawn.median, description: "100k lines shown ≤ 2× CPython spawn writing to a pipe" },
  ];
  const v = (id: string) => verdicts.find((x) => x.id === id)?.met ?? false;
  const linesPerSec = (ms: number) => `${fmt(PRINT_TOTAL_LINES / (ms / 1000))} lines/s`;

  const rows: Row[] = [
    {
      workload: "A1 start+join empty Process\n   N=20 sequential, ms/proc",
      playground: `${range(b.spawnJoin)}\nin start(): ${fmt(b.spawnJoinInStart.median)}\nslowest one: ${fmt(b.spawnJoinSlowest.median)}`,
      cpython: `fork       ${range(sj.fork)}\nspawn      ${range(sj.spawn)}\nforkserver ${range(sj.forkserver)}`,
      ratio: `\n${ratio(a1, sj.spawn.median)} vs spawn\n${ratio(a1, sj.forkserver.median)} vs forkserver`,
      target: `\n≤ spawn (${fmt(sj.spawn.median)} ms)\naim ≤ forkserver (${fmt(sj.forkserver.median)} ms)`,
      verdict: `\n${verdictWord(v("A1.spawn"))}\naim ${verdictWord(v("A1.forkserver"))}`,
    },
    {
      workload: "P1 100,000 lines, 2 procs:\n   click Run → all shown, ms",
      playground: `${range(b.printShown)}\n= ${linesPerSec(p1)}`,
      cpython: `fork  ${range(pl.fork)}\nspawn ${range(pl.spawn)}\n(start→join, stdout = pipe,\n default block buffering)`,
      ratio: `${ratio(p1, pl.fork.median)} vs fork\n${ratio(p1, pl.spawn.median)} vs spawn`,
      target: `≤ 2× fork  (${fmt(2 * pl.fork.median)} ms)\n≤ 2× spawn (${fmt(2 * pl.spawn.median)} ms)`,
      verdict: `${verdictWord(v("P1.fork"))}\n${verdictWord(v("P1.spawn"))}`,
    },
    {
      workload: "P1 in-program start→join, ms",
      playground: `${range(b.printInProgram)}\n= ${linesPerSec(b.printInProgram.median)}`,
      cpython: `fork  ${linesPerSec(pl.fork.median)}\nspawn ${linesPerSec(pl.spawn.median)}`,
      ratio: `${ratio(b.printInProgram.median, pl.fork.median)} vs fork\n${ratio(b.printInProgram.median, pl.spawn.median)} vs spawn`,
      target: "(for comparison)",
      verdict: "info",
    },
    {
      workload: "P1 vs CPython writing each line\n   on its own (PYTHONUNBUFFERED=1)",
      playground: `${range(b.printShown)} (shown)`,
      cpython: `fork  ${range(pl["fork-unbuffered"])}`,
      ratio: `${ratio(p1, pl["fork-unbuffered"].median)} vs fork`,
      target: "(for comparison)",
      verdict: "info",
    },
    {
      workload: "P1 where the time goes\n   (wall clock from the click), ms",
      playground: [
        `click → program start ${fmt(b.printBreakdown.clickToStart.median)}`,
        `click → first line    ${fmt(b.printBreakdown.firstLine.median)}`,
        `start → join          ${fmt(b.printInProgram.median)}`,
        `join → all shown      ${fmt(b.printBreakdown.endToShown.median)}`,
        `lines on screen at join: ${b.printBreakdown.shownAtJoin.median.toLocaleString("en-US")}`,
        `UI long tasks: ${fmt(b.printBreakdown.longTasksMs.median)} (longest ${fmt(b.printBreakdown.longestTaskMs.median)})`,
      ].join("\n"),
      cpython: "",
      ratio: "",
      target: "(diagnosis)",
      verdict: "info",
    },
    {
      workload: "P1 click Run → status finished, ms",
      playground: range(b.printFinished),
      cpython: `launch→pipe EOF − start-up (${fmt(c.startupMs.median)} ms):\nfork  ${range(c.printLinesPipe.fork)}\nspawn ${range(c.printLinesPipe.spawn)}`,
      ratio: `${ratio(b.printFinished.median, c.printLinesPipe.fork.median)} vs fork\n${ratio(b.printFinished.median, c.printLinesPipe.spawn.median)} vs spawn`,
      target: "(for comparison)",
      verdict: "info",
    },
  ];
  return { rows, verdicts };
}

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
    for (let i = 0; i < height; i++) out.push("| " + cells.map((c, j) => (c[i] ?? "").padEnd(widths[j] ?? 0)).join(" | ") + " |");
    return out.join("\n");
  };
  return [rule, render(HEADERS), rule, ...rows.flatMap((r) => [render(r), rule])].join("\n");
}
