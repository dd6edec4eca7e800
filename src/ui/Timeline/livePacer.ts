/** The timeline's share of the UI thread while live; the rest is left to the processes. */
const RENDER_SHARE = 0.25;
const MAX_INTERVAL_MS = 200;

/**
 * Decides, frame by frame, whether the live timeline advances "now" (a re-render of
 * the whole timeline), so that bars grow smoothly between flushes of new events.
 * - An advance takes at most RENDER_SHARE of the time (its rendering, React's and the
 *   browser's): a light run advances every frame.
 * - A flush redraws the timeline too, so it counts as an advance.
 * - While flushes are paced because they are costly (a busy run, whose processes
 *   need the cores), advancing as well would double the UI's share: advances then
 *   only fill gaps longer than the flushes' own rhythm, as when the processes stop
 *   streaming to sleep or block.
 */
export class LivePacer {
  private lastTick = 0;
  private lastFlush = Number.NaN;
  /** Time between the last two flushes of new events. */
  private flushGap = 0;

  constructor(private seenVersion: number) {}

  /**
   * At a frame: `version` is the run store's, `renderMs` what the last advance cost,
   * `flushesPaced` the run store's. True: advance now.
   */
  frame(wall: number, version: number, renderMs: number, flushesPaced: boolean): boolean {
    if (version !== this.seenVersion) {
      this.seenVersion = version;
      this.flushGap = Number.isNaN(this.lastFlush) ? 0 : Math.min(MAX_INTERVAL_MS, wall - this.lastFlush);
      this.lastFlush = wall;
      this.lastTick = wall;
      return false;
    }
    const own = renderMs / RENDER_SHARE;
    const interval = Math.min(MAX_INTERVAL_MS, flushesPaced ? Math.max(this.flushGap, own) : own);
    if (wall - this.lastTick < interval) return false;
    this.lastTick = wall;
    return true;
  }
}
