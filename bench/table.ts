/** The report: rows with targets and verdicts, and a plain-text table of them. */
import type { ChannelBench, CpythonResults } from "./cpython";
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
  /** Unit of `playground` and `limit`; ms when absent. */
  unit?: string;
  /** The figure must be at least `limit` (a throughput); otherwise at most (a time). */
  atLeast?: boolean;
}

/** A2/A3 rows: label, unit, and whether bigger figures are better (throughputs) or worse (times). */
const CHANNELS: { id: ChannelBench; label: string; unit: string; higherIsBetter: boolean }[] = [
  { id: "queue_ints", label: "A2 Queue 100k small ints\n   child→parent, msg/s", unit: "msg/s", higherIsBetter: true },
  { id: "queue_bytes", label: "A2 Queue 100k 1 KB bytes\n   child→parent, msg/s", unit: "msg/s", higherIsBetter: true },
  { id: "pipe", label: "A3 Pipe 100k small ints\n   one way, msg/s", unit: "msg/s", higherIsBetter: true },
  {
    id: "pingpong",
    label: "A3 Pipe ping-pong, 20k round\n   trips, µs per round trip",
    unit: "µs/rt",
    higherIsBetter: false,
  },
];
/** A2/A3 targets, as speed relative to CPython: at least as fast, aim 3×. */
const CHANNEL_TARGET = 1;
const CHANNEL_AIM = 3;

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

const range = (s: Stats) => `${fmt(s.median)} (${fmt(s.min)}..${fmt(s.max)})`;
const ratio = (a: number, b: number) => `×${fmt(a / b)}`;
const verdictWord = (met: boolean) => (met ? "met" : "MISSED");

export function buildReport(b: BrowserResults, c: CpythonResults): { rows: Row[]; verdicts: Verdict[] } {
  const a1 = b.spawnJoin.median;
  const sj = c.spawnJoin;
  const p1 = b.printShown.median;
  const pl = c.printLines;
  const verdicts: Verdict[] = [
    {
      id: "A1.spawn",
      met: a1 <= sj.spawn.median,
      playground: a1,
      limit: sj.spawn.median,
      description: "start+join ≤ CPython spawn",
    },
    {
      id: "A1.forkserver",
      met: a1 <= sj.forkserver.median,
      playground: a1,
      limit: sj.forkserver.median,
      description: "aim: start+join ≤ CPython forkserver",
    },
    {
      id: "P1.fork",
      met: p1 <= 2 * pl.fork.median,
      playground: p1,
      limit: 2 * pl.fork.median,
      description: "100k lines shown ≤ 2× CPython fork writing to a pipe",
    },
    {
      id: "P1.spawn",
      met: p1 <= 2 * pl.spawn.median,
      playground: p1,
      limit: 2 * pl.spawn.median,
      description: "100k lines shown ≤ 2× CPython spawn writing to a pipe",
    },
  ];
  for (const ch of CHANNELS) {
    const pg = b.channels[ch.id].median;
    const py = c.channels[ch.id].median;
    const speed = speedRatio(pg, py, ch.higherIsBetter);
    for (const [suffix, want] of [
      ["", CHANNEL_TARGET],
      [".aim", CHANNEL_AIM],
    ] as const) {
      // The figure CPython × want (throughput) or CPython ÷ want (time) that meets the target.
      const limit = ch.higherIsBetter ? py * want : py / want;
      const what = `${ch.id} ${suffix ? "aim: " : ""}≥ ${want}× CPython's speed`;
      verdicts.push({
        id: `${ch.id}${suffix}`,
        met: speed >= want,
        playground: pg,
        limit,
        description: what,
        unit: ch.unit,
        atLeast: ch.higherIsBetter,
      });
    }
  }
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
    ...CHANNELS.map((ch): Row => {
      const pg = b.channels[ch.id];
      const py = c.channels[ch.id];
      const speed = speedRatio(pg.median, py.median, ch.higherIsBetter);
      const bound = (want: number) =>
        `${ch.higherIsBetter ? "≥" : "≤"} ${fmt(ch.higherIsBetter ? py.median * want : py.median / want)}`;
      return {
        workload: ch.label,
        playground: `${range(pg)}\nclick → finished ${fmt(b.channelsFinished[ch.id].median)} ms`,
        cpython: range(py),
        ratio: `×${fmt(speed)} speed`,
        target: `≥ ${CHANNEL_TARGET}× CPython (${bound(CHANNEL_TARGET)})\naim ${CHANNEL_AIM}× (${bound(CHANNEL_AIM)})`,
        verdict: `${verdictWord(v(ch.id))}\naim ${verdictWord(v(`${ch.id}.aim`))}`,
      };
    }),
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
    for (let i = 0; i < height; i++)
      out.push("| " + cells.map((c, j) => (c[i] ?? "").padEnd(widths[j] ?? 0)).join(" | ") + " |");
    return out.join("\n");
  };
  return [rule, render(HEADERS), rule, ...rows.flatMap((r) => [render(r), rule])].join("\n");
}
