import { describe, expect, it } from "vitest";
import { LivePacer } from "./livePacer";

/** The frames (at 60 fps over `ms`) at which the pacer advances, given the store's version at each. */
function advances(pacer: LivePacer, ms: number, version: (wall: number) => number, renderMs: number, paced = false): number[] {
  const out: number[] = [];
  for (let wall = 16; wall <= ms; wall += 16) if (pacer.frame(wall, version(wall), renderMs, paced)) out.push(wall);
  return out;
}

describe("LivePacer", () => {
  it("advances every frame when nothing else redraws and an advance is cheap", () => {
    expect(advances(new LivePacer(0), 160, () => 0, 2)).toHaveLength(10);
  });

  it("keeps a costly advance to a quarter of the time", () => {
    // 20 ms per advance: at most one per 80 ms.
    const at = advances(new LivePacer(0), 800, () => 0, 20);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(80);
    expect(at.length).toBeGreaterThanOrEqual(8);
  });

  it("in a busy run, does not advance between paced flushes once their rhythm is known, and resumes when they stop", () => {
    // A flush every 48 ms until 480 ms, then none. The rhythm is known from the second one (at 96 ms).
    const flushes = (wall: number) => Math.min(Math.floor(wall / 48), 10);
    const at = advances(new LivePacer(0), 960, flushes, 2, true);
    expect(at.filter((w) => w >= 96 && w < 480)).toEqual([]);
    expect(at.filter((w) => w > 480).length).toBeGreaterThan(5);
  });

  it("in a light run, fills the time between cheap flushes frame by frame", () => {
    // A flush every 208 ms (a process printing between sleeps): every other frame is an advance.
    const at = advances(new LivePacer(0), 832, (wall) => Math.floor(wall / 208), 2, false);
    expect(at.length).toBeGreaterThan(40);
    // A flush frame is not also an advance.
    expect(at.filter((w) => w % 208 === 0)).toEqual([]);
  });
});
