/**
 * The timeline's share of the UI thread while live; the rest is left to the processes.
 * Half while they sleep or block (their events are rare), a quarter while events
 * stream in (they need the cores).
 */
const LIGHT_SHARE = 0.5;
const BUSY_SHARE = 0.25;
const MAX_INTERVAL_MS = 200;

/**
 * Decides, frame by frame, whether the live timeline advances "now" (a re-render of
 * the whole timeline), so that bars grow smoothly between flushes of new events.
 * - An advance takes at most a share of the time (its rendering, React's and the
 *   browser's): a light run advances about every frame.
 * - A flush redraws the timeline too, so it counts as an advance.
 * - While flushes come as fast as the run store's pacing lets them (a busy run: events
 *   stream in, and the processes need the cores), advancing as well would double the
 *   UI's share: advances then only fill gaps longer than the flushes' own rhythm, as
 *   when the processes stop streaming to sleep or block. A light run's flushes come
 *   when its rare events do, far apart, and advances fill the time between.
 */
export class LivePacer {
  private lastTick = 0;
  private lastFlush = Number.NaN;
  /** Time between the last two flushes of new events. */
  private flushGap = 0;

  constructor(private seenVersion: number) {}

  /**
   * At a frame: `version` and `flushPace` are the run store's, `renderMs` what the last
   * advance cost. True: advance now.
   */
  frame(wall: number, version: number, renderMs: number, flushPace: number): boolean {
    if (version !== this.seenVersion) {
      this.seenVersion = version;
      this.flushGap = Number.isNaN(this.lastFlush) ? 0 : Math.min(MAX_INTERVAL_MS, wall - this.lastFlush);
      this.lastFlush = wall;
      this.lastTick = wall;
      return false;
    }
    // Flushes as close as the pacing allows (give or take the kernel's 16 ms batches): a stream.
    const streaming = this.flushGap > 0 && this.flushGap <= 2 * flushPace + 16;
    const own = renderMs / (streaming ? BUSY_SHARE : LIGHT_SHARE);
    const interval = Math.min(MAX_INTERVAL_MS, streaming ? Math.max(this.flushGap, own) : own);
    if (wall - this.lastTick < interval) return false;
    this.lastTick = wall;
    return true;
  }
}
