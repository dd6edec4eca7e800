import { describe, expect, it } from "vitest";
import { LivePacer } from "./livePacer";

/** The frames (at 60 fps over `ms`) at which the pacer advances, given the store's version at each. */
function advances(
  pacer: LivePacer,
  ms: number,
  version: (wall: number) => number,
  renderMs: number,
  flushPace = 16,
): number[] {
  const out: number[] = [];
  for (let wall = 16; wall <= ms; wall += 16) if (pacer.frame(wall, version(wall), renderMs, flushPace)) out.push(wall);
  return out;
}

describe("LivePacer", () => {
  it("advances every frame when nothing else redraws and an advance is cheap", () => {
    expect(advances(new LivePacer(0), 160, () => 0, 8)).toHaveLength(10);
  });

  it("keeps a costly advance to half of the time in a light run, and a quarter in a busy one", () => {
    // 20 ms per advance: at most one per 40 ms, then per 80 ms.
    const gaps = (at: number[]) => at.slice(1).map((w, i) => w - at[i]!);
    const light = advances(new LivePacer(0), 800, () => 0, 20);
    expect(Math.min(...gaps(light))).toBeGreaterThanOrEqual(40);
    expect(light.length).toBeGreaterThanOrEqual(16);
    // Flushes stream in every 96 ms (as fast as a 40 ms pace and the batches allow).
    const busy = advances(new LivePacer(0), 960, (wall) => Math.floor(wall / 96), 20, 40);
    expect(busy.filter((w) => w > 192)).toEqual([]);
  });

  it("in a busy run, does not advance between flushes that stream in, once their rhythm is known, and resumes when they stop", () => {
    // The run store paces flushes 40 ms apart, and they come every 48 ms until 480 ms, then none.
    // The rhythm is known from the second one (at 96 ms).
    const flushes = (wall: number) => Math.min(Math.floor(wall / 48), 10);
    const at = advances(new LivePacer(0), 960, flushes, 2, 40);
    expect(at.filter((w) => w >= 96 && w < 480)).toEqual([]);
    expect(at.filter((w) => w > 480).length).toBeGreaterThan(5);
  });

  it("in a light run, fills the time between cheap flushes frame by frame", () => {
    // Flushes that would be allowed every 40 ms come every 208 ms (a process printing between sleeps).
    const at = advances(new LivePacer(0), 832, (wall) => Math.floor(wall / 208), 2, 40);
    expect(at.length).toBeGreaterThan(40);
    // A flush frame is not also an advance.
    expect(at.filter((w) => w % 208 === 0)).toEqual([]);
  });
});
