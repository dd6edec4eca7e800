import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { afterNextPaint, runStore } from "../../state";

/** The timeline's share of the UI thread while live; the rest is left to the processes. */
const RENDER_SHARE = 0.25;
const MAX_INTERVAL_MS = 200;

/**
 * "Now" on the timeline: the model's end time, except that while live it advances from
 * the last event time, so bars grow smoothly between batches. Anchoring on the newest
 * event (rather than on the wall clock at Run) keeps kernel start-up time out of the
 * picture. The frame loop stops as soon as the run is over.
 *
 * Each advance re-renders the whole timeline, so it waits while new events keep
 * arriving: their flushes redraw it anyway, paced by the run store. A light run
 * advances every frame; a run whose timeline is costly to draw (100,000 queue
 * operations) advances only as often as keeps rendering (React's and the browser's,
 * see paintCost.ts) under RENDER_SHARE of the time: the processes being watched share
 * two cores with this thread, and a timeline that took a core would slow them down.
 */
export function useLiveNow(live: boolean, runId: number, timelineEnd: number): number {
  const [liveNow, setLiveNow] = useState({ runId: -1, t: 0 });
  /** When the last advance was asked for, and how long its render took (ms). */
  const tickAt = useRef(Number.NaN);
  const renderMs = useRef(0);

  // Runs after the timeline below has committed: the cost of the render just done,
  // and then of the browser drawing it.
  useLayoutEffect(() => {
    if (Number.isNaN(tickAt.current)) return;
    const js = performance.now() - tickAt.current;
    renderMs.current = js;
    tickAt.current = Number.NaN;
    afterNextPaint((paintMs) => {
      renderMs.current = js + paintMs;
    });
  });

  useEffect(() => {
    if (!live) return;
    let raf = 0;
    let anchorEnd = Number.NaN;
    let anchorWall = 0;
    let best = 0;
    let lastTick = 0;
    let seenVersion = runStore.getState().version;
    /** When new events were last flushed, and the time between the last two flushes. */
    let lastFlush = Number.NaN;
    let flushGap = 0;
    const tick = () => {
      raf = requestAnimationFrame(tick);
      const s = runStore.getState();
      const wall = performance.now();
      // New events were just folded and drawn (the run store paces those). Advancing
      // too would double the UI's share, so advances only fill gaps longer than the
      // flushes' own rhythm: when the processes sleep or block, not while they stream.
      if (s.version !== seenVersion) {
        seenVersion = s.version;
        flushGap = Number.isNaN(lastFlush) ? 0 : Math.min(MAX_INTERVAL_MS, wall - lastFlush);
        lastFlush = wall;
        lastTick = wall;
        return;
      }
      const interval = Math.min(MAX_INTERVAL_MS, Math.max(flushGap, renderMs.current / RENDER_SHARE));
      if (wall - lastTick < interval) return;
      lastTick = wall;
      const end = s.timeline.end;
      if (end !== anchorEnd) {
        anchorEnd = end;
        anchorWall = wall;
      }
      best = s.timeline.lanes.length > 0 ? Math.max(best, end + (wall - anchorWall)) : 0;
      tickAt.current = wall;
      setLiveNow({ runId: s.runId, t: best });
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [live, runId]);

  return live && liveNow.runId === runId ? Math.max(timelineEnd, liveNow.t) : timelineEnd;
}
