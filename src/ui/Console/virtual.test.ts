import { describe, expect, it } from "vitest";
import { bottomScrollTop, isAtBottom, virtualWindow } from "./virtual";

describe("virtualWindow", () => {
  it("renders only the rows in view plus overscan", () => {
    const w = virtualWindow(1000, 22, 2200, 440, 5);
    expect(w.totalHeight).toBe(22_000);
    expect(w.offset).toBe(0);
    expect(w.first).toBe(95);
    expect(w.last).toBe(125);
  });
  it("handles an empty list and a short list", () => {
    expect(virtualWindow(0, 22, 0, 400)).toEqual({ totalHeight: 0, first: 0, last: 0, offset: 0 });
    const w = virtualWindow(3, 22, 0, 400);
    expect(w.first).toBe(0);
    expect(w.last).toBe(3);
  });
  it("compresses a million rows into the max height and still reaches both ends", () => {
    const n = 1_000_000;
    const vh = 440;
    const top = virtualWindow(n, 22, 0, vh, 0);
    expect(top.totalHeight).toBeLessThanOrEqual(15_000_000);
    expect(top.first).toBe(0);
    const bottom = virtualWindow(n, 22, bottomScrollTop(n, 22, vh), vh, 0);
    expect(bottom.last).toBe(n);
    // The last row's bottom edge meets the viewport's bottom edge.
    const scrollTop = bottomScrollTop(n, 22, vh);
    expect(n * 22 + bottom.offset).toBeCloseTo(scrollTop + vh, 3);
    const mid = virtualWindow(n, 22, bottom.totalHeight / 2, vh, 0);
    expect(mid.first).toBeGreaterThan(n * 0.45);
    expect(mid.first).toBeLessThan(n * 0.55);
    expect(mid.last - mid.first).toBeLessThanOrEqual(Math.ceil(vh / 22) + 1);
  });
  it("clamps an out-of-range scrollTop", () => {
    const w = virtualWindow(10, 22, 1e9, 100, 0);
    expect(w.last).toBe(10);
  });
});

describe("bottom", () => {
  it("finds the bottom and recognises it", () => {
    expect(bottomScrollTop(100, 22, 400)).toBe(1800);
    expect(bottomScrollTop(5, 22, 400)).toBe(0);
    expect(isAtBottom(1800, 400, 2200)).toBe(true);
    expect(isAtBottom(1700, 400, 2200)).toBe(false);
  });
});
