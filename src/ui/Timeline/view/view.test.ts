import { describe, expect, it } from "vitest";
import { fitWindow, MIN_FIT_SPAN, MIN_SPAN, niceCeil, pan, resolveView, reveal, settle, zoom } from "./view";

describe("resolveView", () => {
  it("fit shows the whole run with a little room, never less than the minimum", () => {
    expect(resolveView({ kind: "fit" }, 0)).toEqual({ t0: 0, t1: MIN_FIT_SPAN });
    const w = resolveView({ kind: "fit" }, 10_000, false);
    expect(w.t0).toBe(0);
    expect(w.t1).toBeGreaterThan(10_000);
    expect(w.t1).toBeLessThan(10_600);
  });
  it("while live, fit grows in steps so the axis holds still", () => {
    const a = resolveView({ kind: "fit" }, 3000, true);
    const b = resolveView({ kind: "fit" }, 3100, true);
    expect(a).toEqual(b);
    expect(a.t1).toBeGreaterThan(3100);
    expect(resolveView({ kind: "fit" }, 9000, true).t1).toBeGreaterThan(a.t1);
  });
  it("niceCeil climbs the 1-1.2-1.5-2-2.5-3-4-5-6-8 ladder", () => {
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(1.1)).toBe(1.2);
    expect(niceCeil(3300)).toBe(4000);
    expect(niceCeil(8001)).toBe(10_000);
    expect(niceCeil(0)).toBe(1);
  });
  it("starts the fit at the first process, skipping start-up", () => {
    const w = resolveView({ kind: "fit" }, 3000, false, 1300);
    expect(w.t0).toBeGreaterThan(1250);
    expect(w.t0).toBeLessThanOrEqual(1300);
    expect(w.t1).toBeGreaterThan(3000);
    expect(settle({ t0: 0, t1: 1000 }, 3000, false, 1300)).toMatchObject({ kind: "fixed" });
    const v = settle({ t0: 0, t1: 1000 }, 3000, false, 1300);
    if (v.kind === "fixed") expect(v.t0).toBeGreaterThan(1200);
  });
  it("fits a finished short run exactly", () => {
    const w = resolveView({ kind: "fit" }, 20, false);
    expect(w.t0).toBe(0);
    expect(w.t1).toBeCloseTo(21);
  });
  it("follow keeps the span and rides now", () => {
    const w = resolveView({ kind: "follow", span: 1000 }, 5000);
    expect(w.t1 - w.t0).toBeCloseTo(1000);
    expect(w.t1).toBeGreaterThan(5000);
    const early = resolveView({ kind: "follow", span: 1000 }, 100);
    expect(early.t0).toBe(0);
  });
  it("fixed stays put", () => {
    expect(resolveView({ kind: "fixed", t0: 3, t1: 9 }, 1e6)).toEqual({ t0: 3, t1: 9 });
  });
});

describe("zoom and pan", () => {
  it("zoom keeps the anchor under the same fraction of the window", () => {
    const w = zoom({ t0: 0, t1: 1000 }, 0.5, 250);
    expect(w.t1 - w.t0).toBe(500);
    expect((250 - w.t0) / (w.t1 - w.t0)).toBeCloseTo(0.25);
  });
  it("zoom never goes below the minimum span", () => {
    const w = zoom({ t0: 0, t1: 4 }, 0.01, 2);
    expect(w.t1 - w.t0).toBe(MIN_SPAN);
  });
  it("pan shifts both edges", () => {
    expect(pan({ t0: 10, t1: 20 }, 5)).toEqual({ t0: 15, t1: 25 });
  });
  it("reveal moves the window only when t is near or past an edge", () => {
    const w = { t0: 100, t1: 200 };
    expect(reveal(w, 150)).toBe(w);
    const r = reveal(w, 260);
    expect(r.t1 - r.t0).toBeCloseTo(100);
    expect(r.t1).toBeGreaterThan(260);
  });
});

describe("settle", () => {
  it("returns to fit when zoomed out past the whole run", () => {
    expect(settle({ t0: -100, t1: 5000 }, 1000, false)).toEqual({ kind: "fit" });
  });
  it("follows when the right edge reaches now on a live run", () => {
    expect(settle({ t0: 4000, t1: 5100 }, 5000, true)).toEqual({ kind: "follow", span: 1100 });
  });
  it("stays fixed when finished, clamped to the run", () => {
    const v = settle({ t0: 9000, t1: 10_000 }, 5000, false);
    expect(v.kind).toBe("fixed");
    if (v.kind !== "fixed") return;
    expect(v.t1 - v.t0).toBeCloseTo(1000);
    expect(v.t1).toBeLessThanOrEqual(fitWindow(5000).t1 + 1e-9);
  });
  it("does not pan far before zero", () => {
    const v = settle({ t0: -800, t1: 200 }, 5000, false);
    expect(v.kind).toBe("fixed");
    if (v.kind === "fixed") expect(v.t0).toBeGreaterThanOrEqual(-1000 * 0.05);
  });
});
