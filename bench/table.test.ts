import { describe, expect, it } from "vitest";
import type { CliResults } from "./cli";
import type { CpythonResults } from "./cpython";
import { buildReport } from "./report";
import { stats, type Percentiles, type Stats } from "./stats";
import { fmt, formatTable, speedRatio } from "./table";
import type { BrowserResults } from "./workloads";

describe("bench report helpers", () => {
  it("summarises repetitions as median, min and max", () => {
    expect(stats([3, 1, 2])).toMatchObject({ median: 2, min: 1, max: 3 });
    expect(stats([4, 1, 2, 3])).toMatchObject({ median: 2.5, min: 1, max: 4 });
    expect(Number.isNaN(stats([]).median)).toBe(true);
  });

  it("formats numbers with fewer decimals as they grow", () => {
    expect(fmt(6.912)).toBe("6.91");
    expect(fmt(36.04)).toBe("36.0");
    expect(fmt(1234.5)).toBe("1,235");
    expect(fmt(NaN)).toBe("n/a");
  });

  it("draws multi-line cells in aligned columns", () => {
    const table = formatTable([
      { workload: "A1", playground: "1.00\nmore", cpython: "x", ratio: "×1", target: "t", verdict: "MISSED" },
    ]);
    const lines = table.split("\n");
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(table).toContain("| more ");
    expect(table).toContain("MISSED");
  });

  it("turns throughputs and times alike into speed relative to CPython", () => {
    expect(speedRatio(300, 100, true)).toBe(3); // msg/s: three times CPython's rate
    expect(speedRatio(20, 60, false)).toBe(3); // µs per round trip: a third of CPython's time
    expect(speedRatio(50, 100, true)).toBe(0.5);
  });
});

const one = (x: number): Stats => stats([x]);
const each = (p50: number, p95: number, max: number): Percentiles => ({ p50: one(p50), p95: one(p95), max: one(max) });

/** Results with every figure 1 but those a test sets: A1 per start+join. */
function results(o: {
  browserEach: Percentiles;
  cliEach: Percentiles;
  forkEach: Percentiles;
}): [BrowserResults, CliResults, CpythonResults] {
  const channels = { queue_ints: one(1), queue_bytes: one(1), pipe: one(1), pingpong: one(1) };
  const browser: BrowserResults = {
    userAgent: "test",
    spawnJoin: one(1),
    spawnJoinInStart: one(1),
    spawnJoinEach: o.browserEach,
    printShown: one(1),
    printFinished: one(1),
    printInProgram: one(1),
    printCount: one(1),
    printBreakdown: {
      clickToStart: one(1),
      firstLine: one(1),
      endToShown: one(1),
      shownAtJoin: one(1),
      longTasksMs: one(1),
      longestTaskMs: one(1),
    },
    channels,
    channelsFinished: channels,
    pageErrors: [],
  };
  const cpython: CpythonResults = {
    python: "3.x",
    spawnSource: "test",
    spawnJoin: { fork: one(1), spawn: one(1), forkserver: one(1) },
    spawnJoinEach: { fork: o.forkEach, spawn: each(1, 1, 1), forkserver: each(1, 1, 1) },
    printLines: { fork: one(1), spawn: one(1), "fork-unbuffered": one(1) },
    printLinesPipe: { fork: one(1), spawn: one(1), "fork-unbuffered": one(1) },
    channelsSource: "test",
    channels,
    envHadUnbuffered: false,
    startupMs: one(1),
  };
  return [browser, { spawnJoin: one(1), spawnJoinEach: o.cliEach }, cpython];
}

describe("bench report rows", () => {
  const build = () =>
    buildReport(
      ...results({
        browserEach: each(3, 10, 40),
        cliEach: each(3, 12, 460),
        forkEach: each(11, 13, 15),
      }),
    );

  it("judges A1 in the browser and in the CLI by their p95 against CPython fork's median start+join", () => {
    const { rows, verdicts } = build();
    expect(verdicts.find((v) => v.id === "A1.p95")).toMatchObject({ met: true, playground: 10, limit: 11 });
    expect(verdicts.find((v) => v.id === "A1cli.p95")).toMatchObject({ met: false, playground: 12, limit: 11 });
    const cliRow = rows.find((r) => r.workload.startsWith("A1 CLI"));
    expect(cliRow?.playground).toContain("each max 460");
    expect(cliRow?.verdict.trim()).toBe("MISSED");
  });
});
