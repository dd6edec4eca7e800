/** The timeline's share of the UI thread while live; the rest is left to the processes. */
const RENDER_SHARE = 0.25;
const MAX_INTERVAL_MS = 200;

/**
 * Decides, frame by frame, whether the live timeline advances "now" (a re-render of
 * the whole timeline). New events are folded and drawn by the run store's flushes,
 * which pace themselves; advancing as well would double the UI's share. So advances
 * only fill gaps longer than the flushes' own rhythm (processes sleeping or blocked,
 * not streaming), and no more often than keeps an advance's rendering, React's and
 * the browser's, under RENDER_SHARE of the time.
 */
export class LivePacer {
  private lastTick = 0;
  private lastFlush = Number.NaN;
  /** Time between the last two flushes of new events. */
  private flushGap = 0;

  constructor(private seenVersion: number) {}

  /** At a frame: `version` is the run store's, `renderMs` what the last advance cost. True: advance now. */
  frame(wall: number, version: number, renderMs: number): boolean {
    if (version !== this.seenVersion) {
      this.seenVersion = version;
      this.flushGap = Number.isNaN(this.lastFlush) ? 0 : Math.min(MAX_INTERVAL_MS, wall - this.lastFlush);
      this.lastFlush = wall;
      this.lastTick = wall;
      return false;
    }
    const interval = Math.min(MAX_INTERVAL_MS, Math.max(this.flushGap, renderMs / RENDER_SHARE));
    if (wall - this.lastTick < interval) return false;
    this.lastTick = wall;
    return true;
  }
}
