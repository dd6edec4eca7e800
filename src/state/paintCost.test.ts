import { afterEach, describe, expect, it, vi } from "vitest";
import { afterNextPaint } from "./paintCost";

describe("afterNextPaint", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("does nothing where there are no frames", async () => {
    const done = vi.fn();
    afterNextPaint(done);
    await new Promise((r) => setTimeout(r, 20));
    expect(done).not.toHaveBeenCalled();
  });

  it("answers every waiter of a frame from one requested frame, with the time from the frame to after its rendering", async () => {
    const frames: (() => void)[] = [];
    vi.stubGlobal("requestAnimationFrame", (cb: () => void) => frames.push(cb));
    const got: number[] = [];
    const both = new Promise<void>((resolve) => {
      afterNextPaint((ms) => got.push(ms));
      afterNextPaint((ms) => {
        got.push(ms);
        resolve();
      });
    });
    expect(frames).toHaveLength(1);
    frames[0]!();
    // The "rendering": work done after the frame callback, before the message arrives.
    const until = performance.now() + 5;
    while (performance.now() < until);
    await both;
    expect(got).toHaveLength(2);
    expect(got[0]).toBe(got[1]);
    expect(got[0]).toBeGreaterThanOrEqual(4);
  });
});
