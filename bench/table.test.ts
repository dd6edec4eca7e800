import { describe, expect, it } from "vitest";
import { stats } from "./stats";
import { fmt, formatTable, speedRatio } from "./table";

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
