import { useEffect, useState } from "react";
import { runStore } from "../../state";

/**
 * "Now" on the timeline: the model's end time, except that while live it advances every
 * frame from the last event time, so bars grow smoothly between batches. Anchoring on
 * the newest event (rather than on the wall clock at Run) keeps kernel start-up time out
 * of the picture. The frame loop stops as soon as the run is over.
 */
export function useLiveNow(live: boolean, runId: number, timelineEnd: number): number {
  const [liveNow, setLiveNow] = useState({ runId: -1, t: 0 });

  useEffect(() => {
    if (!live) return;
    let raf = 0;
    let anchorEnd = Number.NaN;
    let anchorWall = 0;
    let best = 0;
    const tick = () => {
      const s = runStore.getState();
      const wall = performance.now();
      const end = s.timeline.end;
      if (end !== anchorEnd) {
        anchorEnd = end;
        anchorWall = wall;
      }
      best = s.timeline.lanes.length > 0 ? Math.max(best, end + (wall - anchorWall)) : 0;
      setLiveNow({ runId: s.runId, t: best });
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [live, runId]);

  return live && liveNow.runId === runId ? Math.max(timelineEnd, liveNow.t) : timelineEnd;
}
