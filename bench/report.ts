/** The report's rows and verdicts: each workload's playground figures beside CPython's from the same run. */
import type { CliResults } from "./cli";
import type { ChannelBench, CpythonResults, SpawnMethod } from "./cpython";
import { SPAWN_JOIN_N, SYNC_PROGRAMS, type SyncBench } from "./programs";
import type { Percentiles, Stats } from "./stats";
import { fmt, fmtCount, range, ratio, speedRatio, verdictWord, type Row, type Verdict } from "./table";
import { PRINT_TOTAL_LINES, type BrowserResults } from "./workloads";

/** Rows judged by speed relative to CPython: A2/A3 (queues, pipes) and L1/L2/V1 (locks, Value). */
interface SpeedBench<Id extends string> {
  id: Id;
  label: string;
  unit: string;
  /** Throughputs (bigger is better) or times (smaller is better). */
  higherIsBetter: boolean;
}

const CHANNELS: SpeedBench<ChannelBench>[] = [
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
const n = (id: SyncBench) => fmtCount(SYNC_PROGRAMS[id].n);
const SYNCS: SpeedBench<SyncBench>[] = [
  {
    id: "lock_contended",
    label: `L1 Lock contended by 2 procs,\n   ${n("lock_contended")} acquire+release each,\n   start→joined, ops/s`,
    unit: "ops/s",
    higherIsBetter: true,
  },
  {
    id: "lock_uncontended",
    label: `L2 Lock uncontended, 1 proc,\n   ${n("lock_uncontended")} acquire+release, ns/pair`,
    unit: "ns/pair",
    higherIsBetter: false,
  },
  {
    id: "value_incr",
    label: `V1 locked Value increment,\n   ${n("value_incr")} in 1 proc, ns each`,
    unit: "ns/incr",
    higherIsBetter: false,
  },
];
/** A2/A3, L1/L2/V1 targets, as speed relative to CPython: at least as fast, aim 3×. */
const SPEED_TARGET = 1;
const SPEED_AIM = 3;

export function buildReport(
  b: BrowserResults,
  cli: CliResults,
  c: CpythonResults,
): { rows: Row[]; verdicts: Verdict[] } {
  const verdicts: Verdict[] = [];
  const rows = [
    ...spawnJoinRows(b, cli, c, verdicts),
    ...printRows(b, c, verdicts),
    ...CHANNELS.map((ch) => speedRow(ch, b.channels[ch.id], b.channelsFinished[ch.id], c.channels[ch.id], verdicts)),
    ...SYNCS.map((s) => speedRow(s, b.sync[s.id], b.syncFinished[s.id], c.sync[s.id], verdicts)),
  ];
  return { rows, verdicts };
}

const METHODS: SpawnMethod[] = ["fork", "spawn", "forkserver"];

/**
 * A1 in the browser and in the CLI. Target: the playground's p95 single start+join no
 * slower than CPython fork's median one, measured in the same run.
 */
function spawnJoinRows(b: BrowserResults, cli: CliResults, c: CpythonResults, verdicts: Verdict[]): Row[] {
  const limit = c.spawnJoinEach.fork.p50.median;
  const judge = (id: string, where: string, each: Percentiles) => {
    const p95 = each.p95.median;
    verdicts.push({
      id,
      met: p95 <= limit,
      playground: p95,
      limit,
      description: `${where} p95 start+join ≤ CPython fork's median`,
    });
    return {
      ratio: `\np95 ${ratio(p95, limit)} vs fork p50`,
      target: `\np95 ≤ fork p50 (${fmt(limit)} ms)`,
      verdict: `\n${verdictWord(p95 <= limit)}`,
    };
  };
  const each = (e: Percentiles) => `each p50 ${range(e.p50)}\neach p95 ${range(e.p95)}\neach max ${range(e.max)}`;
  const mean = c.spawnJoin;
  const browser = judge("A1.p95", "A1", b.spawnJoinEach);
  const line = judge("A1cli.p95", "A1 CLI", cli.spawnJoinEach);
  const q = (e: Percentiles) => `${fmt(e.p50.median)} / ${fmt(e.p95.median)} / ${fmt(e.max.median)}`;
  return [
    {
      workload: `A1 start+join empty Process,\n   N=${SPAWN_JOIN_N} sequential, ms each\n   (headless Chromium)`,
      playground: `${each(b.spawnJoinEach)}\nmean ${fmt(b.spawnJoin.median)}, in start() ${fmt(b.spawnJoinInStart.median)}`,
      cpython: [
        "each p50 / p95 / max:",
        ...METHODS.map((m) => `${m.padEnd(10)} ${q(c.spawnJoinEach[m])}`),
        "mean of 20 (b_spawn):",
        METHODS.map((m) => `${m} ${fmt(mean[m].median)}`).join(", "),
      ].join("\n"),
      ratio: `${browser.ratio}\n\n\nmean ${ratio(b.spawnJoin.median, mean.spawn.median)} vs spawn\nmean ${ratio(b.spawnJoin.median, mean.forkserver.median)} vs forkserver`,
      target: browser.target,
      verdict: browser.verdict,
    },
    {
      workload: "A1 CLI: the same program,\n   mp-playground run (Node)",
      playground: `${each(cli.spawnJoinEach)}\nmean ${fmt(cli.spawnJoin.median)}`,
      cpython: `(as above)\nfork p50 ${fmt(limit)}`,
      ...line,
    },
  ];
}

/** P1: printing 100,000 lines, against CPython writing them to a pipe. */
function printRows(b: BrowserResults, c: CpythonResults, verdicts: Verdict[]): Row[] {
  const p1 = b.printShown.median;
  const pl = c.printLines;
  for (const m of ["fork", "spawn"] as const)
    verdicts.push({
      id: `P1.${m}`,
      met: p1 <= 2 * pl[m].median,
      playground: p1,
      limit: 2 * pl[m].median,
      description: `100k lines shown ≤ 2× CPython ${m} writing to a pipe`,
    });
  const v = (id: string) => verdictWord(verdicts.find((x) => x.id === id)?.met ?? false);
  const linesPerSec = (ms: number) => `${fmt(PRINT_TOTAL_LINES / (ms / 1000))} lines/s`;
  return [
    {
      workload: "P1 100,000 lines, 2 procs:\n   click Run → all shown, ms",
      playground: `${range(b.printShown)}\n= ${linesPerSec(p1)}`,
      cpython: `fork  ${range(pl.fork)}\nspawn ${range(pl.spawn)}\n(start→join, stdout = pipe,\n default block buffering)`,
      ratio: `${ratio(p1, pl.fork.median)} vs fork\n${ratio(p1, pl.spawn.median)} vs spawn`,
      target: `≤ 2× fork  (${fmt(2 * pl.fork.median)} ms)\n≤ 2× spawn (${fmt(2 * pl.spawn.median)} ms)`,
      verdict: `${v("P1.fork")}\n${v("P1.spawn")}`,
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
}

/**
 * A row judged by speed relative to CPython (at least as fast, aim 3×). `pg` is null
 * when the program needs what this runtime does not have yet: the row says so and
 * adds no verdict.
 */
function speedRow<Id extends string>(
  s: SpeedBench<Id>,
  pg: Stats | null,
  finished: Stats,
  py: Stats,
  verdicts: Verdict[],
): Row {
  const bound = (want: number) =>
    `${s.higherIsBetter ? "≥" : "≤"} ${fmt(s.higherIsBetter ? py.median * want : py.median / want)}`;
  const target = `≥ ${SPEED_TARGET}× CPython (${bound(SPEED_TARGET)})\naim ${SPEED_AIM}× (${bound(SPEED_AIM)})`;
  if (pg === null)
    return {
      workload: s.label,
      playground: "n/a (not available)",
      cpython: range(py),
      ratio: "",
      target,
      verdict: "n/a",
    };
  const speed = speedRatio(pg.median, py.median, s.higherIsBetter);
  const met = (want: number) => speed >= want;
  for (const [suffix, want] of [
    ["", SPEED_TARGET],
    [".aim", SPEED_AIM],
  ] as const) {
    verdicts.push({
      id: `${s.id}${suffix}`,
      met: met(want),
      playground: pg.median,
      // The figure CPython × want (throughput) or CPython ÷ want (time) that meets the target.
      limit: s.higherIsBetter ? py.median * want : py.median / want,
      description: `${s.id} ${suffix ? "aim: " : ""}≥ ${want}× CPython's speed`,
      unit: s.unit,
      atLeast: s.higherIsBetter,
    });
  }
  return {
    workload: s.label,
    playground: `${range(pg)}\nclick → finished ${fmt(finished.median)} ms`,
    cpython: range(py),
    ratio: `×${fmt(speed)} speed`,
    target,
    verdict: `${verdictWord(met(SPEED_TARGET))}\naim ${verdictWord(met(SPEED_AIM))}`,
  };
}
