import { describe, expect, it } from "vitest";
import { ObjectModel } from "../../../state/objectModel";
import { CHIP_LIMIT, showsChips, stepChartPath } from "./objectGeometry";

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

describe("showsChips", () => {
  /** A queue that had `n` items put at t = 1, 2, … (each got half a unit later when `got`). */
  function queue(n: number, maxsize?: number, got = false) {
    const m = new ObjectModel();
    m.apply({ seq: 0, t: 0, pid: 1, kind: "obj.create", objId: 1, objKind: "Queue", label: "Queue-1", maxsize });
    for (let i = 1; i <= n; i++) {
      m.apply({
        seq: 2 * i,
        t: i,
        pid: 1,
        kind: "obj.op",
        objId: 1,
        op: "put",
        outcome: "ok",
        itemId: i,
        item: `${i}`,
      });
      if (got)
        m.apply({ seq: 2 * i + 1, t: i + 0.5, pid: 1, kind: "obj.op", objId: 1, op: "get", outcome: "ok", itemId: i });
    }
    return m.byId.get(1)!;
  }

  it("draws items one by one only when arrows are drawn too", () => {
    expect(showsChips(queue(3), { t0: 0, t1: 10 }, true)).toBe(true);
    expect(showsChips(queue(3), { t0: 0, t1: 10 }, false)).toBe(false);
  });

  it("draws a chart when rows would be too thin for chips", () => {
    expect(showsChips(queue(3, 100), { t0: 0, t1: 10 }, true)).toBe(false);
  });

  it("draws a chart when more than CHIP_LIMIT items are in view, chips again once zoomed in", () => {
    const q = queue(CHIP_LIMIT + 1, 4, true);
    expect(showsChips(q, { t0: 0, t1: CHIP_LIMIT + 2 }, true)).toBe(false);
    expect(showsChips(q, { t0: 0, t1: 10 }, true)).toBe(true);
  });
});
