import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { afterNextPaint, runStore } from "../../../state";
import { LivePacer } from "./livePacer";

/**
 * "Now" on the timeline: the model's end time, except that while live it advances from
 * the last event time, so bars grow smoothly between batches. Anchoring on the newest
 * event (rather than on the wall clock at Run) keeps kernel start-up time out of the
 * picture. The frame loop stops as soon as the run is over.
 *
 * Each advance re-renders the whole timeline, so LivePacer decides when: within a
 * share of the time, and not between the flushes of a busy run, which redraw it anyway
 * (the processes being watched share two cores with this thread, and a timeline that
 * took a core would slow them down). A light run advances about every frame.
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
    const pacer = new LivePacer(runStore.getState().version);
    const tick = () => {
      raf = requestAnimationFrame(tick);
      const s = runStore.getState();
      const wall = performance.now();
      if (!pacer.frame(wall, s.version, renderMs.current, s.flushPace())) return;
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
