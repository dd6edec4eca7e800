import { describe, expect, it } from "vitest";
import { formatDuration, formatTick, formatTime, makeScale, makeTicks, niceStep } from "./scale";

describe("makeScale", () => {
  it("maps time to x and back", () => {
    const s = makeScale(100, 600, 1000);
    expect(s.k).toBe(2);
    expect(s.toX(100)).toBe(0);
    expect(s.toX(600)).toBe(1000);
    expect(s.toX(350)).toBe(500);
    expect(s.toT(500)).toBe(350);
  });
  it("survives an empty window or zero width", () => {
    const s = makeScale(5, 5, 0);
    expect(Number.isFinite(s.k)).toBe(true);
    expect(Number.isFinite(s.toX(10))).toBe(true);
  });
});

describe("ticks", () => {
  it("picks 1/2/5 steps spaced at least minSpacing apart", () => {
    expect(niceStep(1000, 1000, 100)).toBe(100);
    expect(niceStep(1000, 1000, 150)).toBe(200);
    expect(niceStep(1000, 1000, 300)).toBe(500);
    expect(niceStep(10_000, 800, 96)).toBe(2000);
    expect(niceStep(3, 900, 96)).toBeCloseTo(0.5);
  });
  it("lists tick values inside the window", () => {
    const { step, values } = makeTicks(0, 1000, 1000, 100);
    expect(step).toBe(100);
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBe(1000);
    expect(values).toHaveLength(11);
  });
  it("starts at the first multiple of the step for a panned window", () => {
    const { values } = makeTicks(130, 1030, 900, 100);
    expect(values[0]).toBe(200);
    expect(values.every((v) => v >= 130 && v <= 1030)).toBe(true);
  });
  it("keeps labels free of float noise", () => {
    const { values } = makeTicks(0, 1, 1000, 100);
    expect(values).toContain(0.3);
  });
  it("bounds the tick count for any width", () => {
    expect(makeTicks(0, 1e9, 2000, 96).values.length).toBeLessThanOrEqual(2000 / 96 + 2);
  });
});

describe("formatting", () => {
  it("labels ticks in seconds with just enough decimals", () => {
    expect(formatTick(0, 500)).toBe("0 s");
    expect(formatTick(1500, 500)).toBe("1.5 s");
    expect(formatTick(250, 250)).toBe("0.25 s");
    expect(formatTick(2000, 1000)).toBe("2 s");
    expect(formatTick(20, 20)).toBe("0.02 s");
  });
  it("labels sub-10ms ticks in ms", () => {
    expect(formatTick(12, 2)).toBe("12 ms");
    expect(formatTick(12.5, 0.5)).toBe("12.5 ms");
  });
  it("formats times and durations", () => {
    expect(formatTime(520)).toBe("0.52 s");
    expect(formatTime(1234.6, 1)).toBe("1.235 s");
    expect(formatTime(-3)).toBe("0.00 s");
    expect(formatDuration(0.44)).toBe("0.4 ms");
    expect(formatDuration(510.2)).toBe("510 ms");
    expect(formatDuration(1510)).toBe("1.51 s");
    expect(formatDuration(2000)).toBe("2 s");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
  });
});
