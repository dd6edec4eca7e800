import { describe, expect, it } from "vitest";
import { clusterPoints, fitLabel, placeIntervals } from "./spans";

const id = (t: number) => t;

describe("placeIntervals", () => {
  it("keeps wide intervals one to one", () => {
    const out = placeIntervals(
      [
        { t0: 0, t1: 10 },
        { t0: 20, t1: 30 },
      ],
      id,
      100,
      100,
    );
    expect(out).toEqual([
      { x0: 0, x1: 10, first: 0, count: 1 },
      { x0: 20, x1: 30, first: 1, count: 1 },
    ]);
  });
  it("draws open intervals to openEnd", () => {
    expect(placeIntervals([{ t0: 40, t1: null }], id, 100, 70)).toEqual([{ x0: 40, x1: 70, first: 0, count: 1 }]);
  });
  it("merges touching sub-pixel intervals into one shape", () => {
    const tiny = Array.from({ length: 1000 }, (_, i) => ({ t0: i * 0.01, t1: i * 0.01 + 0.005 }));
    const out = placeIntervals(tiny, id, 100, 100);
    expect(out).toHaveLength(1);
    expect(out[0]?.count).toBe(1000);
    expect(out[0]!.x1 - out[0]!.x0).toBeGreaterThanOrEqual(1);
  });
  it("keeps far-apart tiny intervals separate but visible", () => {
    const out = placeIntervals(
      [
        { t0: 0, t1: 0.1 },
        { t0: 50, t1: 50.1 },
      ],
      id,
      100,
      100,
    );
    expect(out).toHaveLength(2);
    expect(out.every((p) => p.x1 - p.x0 >= 1)).toBe(true);
  });
  it("skips intervals outside the track and clips the rest", () => {
    const out = placeIntervals(
      [
        { t0: -50, t1: -10 },
        { t0: -10, t1: 500 },
        { t0: 200, t1: 300 },
      ],
      id,
      100,
      100,
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.x0).toBeGreaterThanOrEqual(-2);
    expect(out[0]!.x1).toBeLessThanOrEqual(102);
  });
  it("bounds the output by the track width", () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ t0: i, t1: i + 0.5 }));
    const out = placeIntervals(many, (t) => t / 1000, 100, 0);
    expect(out.length).toBeLessThanOrEqual(101);
  });
});

describe("clusterPoints", () => {
  it("groups points closer than the gap", () => {
    const out = clusterPoints([0, 2, 4, 30, 31, 80], id, 100, 10);
    expect(out.map((c) => c.members)).toEqual([[0, 1, 2], [3, 4], [5]]);
  });
  it("sorts unsorted input and skips far off-track points", () => {
    const out = clusterPoints([50, 10, 500, -100], id, 100, 10);
    expect(out.map((c) => c.members)).toEqual([[1], [0]]);
  });
});

describe("fitLabel", () => {
  it("keeps, shortens or drops a label", () => {
    expect(fitLabel("join(Process-1)", 200, 13)).toBe("join(Process-1)");
    expect(fitLabel("join(Process-1)", 70, 13)).toMatch(/…$/);
    expect(fitLabel("join(Process-1)", 20, 13)).toBe("");
  });
});
