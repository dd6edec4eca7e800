import { describe, expect, it } from "vitest";
import { stepChartPath } from "./objectGeometry";

const x = (t: number) => Math.round(t);
const y = (n: number) => 100 - n * 10;

describe("stepChartPath", () => {
  it("draws each change where it happened when changes are a pixel or more apart", () => {
    // put at 10, get at 11, put at 500: empty from 11 to 500.
    expect(stepChartPath([10, 11, 500], [1, 0, 1], 0, 3, x, y)).toBe("M 10 100 V 90 H 11 V 100 H 500 V 90");
  });

  it("keeps a burst inside one pixel visible, then goes on from where the column ended", () => {
    // 0 → 3 → 1 within pixel 20, then 2 at pixel 40.
    expect(stepChartPath([20, 20.1, 20.2, 40], [0, 3, 1, 2], 0, 4, x, y)).toBe("M 20 100 V 70 V 90 H 40 V 80");
  });

  it("draws 100,000 changes as at most two points per pixel column", () => {
    const n = 100_000;
    const ts = Array.from({ length: n }, (_, i) => (i / n) * 800);
    const ns = Array.from({ length: n }, (_, i) => (i * 7919) % 13);
    const d = stepChartPath(ts, ns, 0, n, x, y);
    expect(d.split("V").length - 1).toBeLessThanOrEqual(2 * 801);
    expect(d.startsWith("M 0 100 V ")).toBe(true);
  });
});
