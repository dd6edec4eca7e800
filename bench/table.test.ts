import { describe, expect, it } from "vitest";
import type { CliResults } from "./cli";
import type { CpythonResults } from "./cpython";
import { buildReport } from "./report";
import { stats, type Percentiles, type Stats } from "./stats";
import { fmt, fmtCount, formatTable, speedRatio } from "./table";
import type { BrowserResults } from "./workloads";

describe("bench report helpers", () => {
  it("summarises repetitions as median, min and max", () => {
    expect(stats([3, 1, 2])).toMatchObject({ median: 2, min: 1, max: 3 });
    expect(stats([4, 1, 2, 3])).toMatchObject({ median: 2.5, min: 1, max: 4 });
    expect(Number.isNaN(stats([]).median)).toBe(true);
  });

  it("formats numbers with fewer decimals as they grow, and counts as labels say them", () => {
    expect(fmt(6.912)).toBe("6.91");
    expect(fmt(36.04)).toBe("36.0");
    expect(fmt(1234.5)).toBe("1,235");
    expect(fmt(NaN)).toBe("n/a");
    expect([fmtCount(100_000), fmtCount(1_000_000), fmtCount(1500)]).toEqual(["100k", "1M", "1,500"]);
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

/** Results with every figure 1 but those a test sets: A1 per start+join, and L1/L2/V1. */
function results(o: {
  browserEach: Percentiles;
  cliEach: Percentiles;
  forkEach: Percentiles;
  sync: BrowserResults["sync"];
  cpythonSync: CpythonResults["sync"];
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
    sync: o.sync,
    syncFinished: { lock_contended: one(1), lock_uncontended: one(1), value_incr: one(1) },
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
    sync: o.cpythonSync,
    envHadUnbuffered: false,
    startupMs: one(1),
  };
  return [browser, { spawnJoin: one(1), spawnJoinEach: o.cliEach }, cpython];
}

describe("bench report rows", () => {
  const cpythonSync = { lock_contended: one(100_000), lock_uncontended: one(80), value_incr: one(490) };
  const build = (sync: BrowserResults["sync"]) =>
    buildReport(
      ...results({
        browserEach: each(3, 10, 40),
        cliEach: each(3, 12, 460),
        forkEach: each(11, 13, 15),
        sync,
        cpythonSync,
      }),
    );

  it("judges A1 in the browser and in the CLI by their p95 against CPython fork's median start+join", () => {
    const { rows, verdicts } = build({ lock_contended: one(1), lock_uncontended: one(1), value_incr: one(1) });
    expect(verdicts.find((v) => v.id === "A1.p95")).toMatchObject({ met: true, playground: 10, limit: 11 });
    expect(verdicts.find((v) => v.id === "A1cli.p95")).toMatchObject({ met: false, playground: 12, limit: 11 });
    const cliRow = rows.find((r) => r.workload.startsWith("A1 CLI"));
    expect(cliRow?.playground).toContain("each max 460");
    expect(cliRow?.verdict.trim()).toBe("MISSED");
  });

  it("judges L1 as a throughput and L2 and V1 as times, at least CPython's speed, aim 3×", () => {
    const { verdicts } = build({
      lock_contended: one(300_000), // 3× CPython's ops/s
      lock_uncontended: one(100), // slower than CPython's 80 ns
      value_incr: one(245), // twice as fast as CPython's 490 ns
    });
    const met = (id: string) => verdicts.find((v) => v.id === id)?.met;
    expect([met("lock_contended"), met("lock_contended.aim")]).toEqual([true, true]);
    expect([met("lock_uncontended"), met("lock_uncontended.aim")]).toEqual([false, false]);
    expect([met("value_incr"), met("value_incr.aim")]).toEqual([true, false]);
  });

  it("shows a row whose program is not available as n/a, without verdicts, and leaves the others be", () => {
    const { rows, verdicts } = build({ lock_contended: one(300_000), lock_uncontended: one(100), value_incr: null });
    const v1 = rows.find((r) => r.workload.startsWith("V1"));
    expect(v1).toMatchObject({ playground: "n/a (not available)", verdict: "n/a" });
    expect(v1?.cpython).toContain("490");
    expect(verdicts.filter((v) => v.id.startsWith("value_incr"))).toEqual([]);
    expect(verdicts.filter((v) => v.id.startsWith("lock_"))).toHaveLength(4);
    expect(rows.map((r) => r.workload.split(" ")[0])).toEqual([
      "A1",
      "A1",
      "P1",
      "P1",
      "P1",
      "P1",
      "P1",
      "A2",
      "A2",
      "A3",
      "A3",
      "L1",
      "L2",
      "V1",
    ]);
  });
});
