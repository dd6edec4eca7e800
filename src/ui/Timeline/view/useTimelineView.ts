/**
 * The timeline's visible time window as React state: the view mode (see view.ts), the
 * scale and ticks drawn from it, and the moves the toolbar and keys make on it.
 */
import { useCallback, useMemo, useState } from "react";
import { uiStore } from "../../../state";
import { makeScale, makeTicks, type Scale, type Ticks } from "./scale";
import { resolveView, settle, zoom, type ViewState, type Window } from "./view";

/** How much one zoom button press or +/- key zooms. */
const ZOOM_STEP = 1.6;

interface ViewInputs {
  /** With no lanes yet, a plain first second is shown rather than a 5 ms sliver. */
  hasLanes: boolean;
  /** Where the run's first process appears: the fit view starts there. */
  start: number;
  now: number;
  live: boolean;
  trackW: number;
  /** Zooming keeps the playhead in place when it is on screen. */
  playhead: number | null;
}

export interface TimelineView {
  kind: ViewState["kind"];
  win: Window;
  /** One Scale object per window, so memoised lanes can tell when it really changed. */
  scale: Scale;
  ticks: Ticks;
  /** Time that a few pixels stand for: the precision worth printing. */
  resolution: number;
  /** Shows a window the learner produced, choosing fit/follow/fixed for it. */
  setWindow(w: Window): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Shows the whole run. */
  fit(): void;
  /** Drops the playhead and, if the learner had moved away, follows the live edge again. */
  goLive(): void;
}

export function useTimelineView({ hasLanes, start, now, live, trackW, playhead }: ViewInputs): TimelineView {
  const [view, setView] = useState<ViewState>({ kind: "fit" });
  const win = hasLanes ? resolveView(view, now, live, start) : { t0: 0, t1: 1000 };
  const scale = useMemo(() => makeScale(win.t0, win.t1, trackW), [win.t0, win.t1, trackW]);
  const ticks = makeTicks(win.t0, win.t1, trackW, 110);
  const resolution = ((win.t1 - win.t0) / trackW) * 8;

  const setWindow = useCallback((w: Window) => setView(settle(w, now, live, start)), [now, live, start]);

  const zoomAnchor = () => {
    if (playhead !== null && playhead >= win.t0 && playhead <= win.t1) return playhead;
    if (view.kind !== "fixed" && now >= win.t0 && now <= win.t1) return now;
    return (win.t0 + win.t1) / 2;
  };
  const zoomBy = (factor: number) => setWindow(zoom(win, factor, zoomAnchor()));

  return {
    kind: view.kind,
    win,
    scale,
    ticks,
    resolution,
    setWindow,
    zoomIn: () => zoomBy(1 / ZOOM_STEP),
    zoomOut: () => zoomBy(ZOOM_STEP),
    fit: () => setView({ kind: "fit" }),
    goLive() {
      uiStore.getState().setPlayhead(null);
      if (view.kind === "fixed") setView(live ? { kind: "follow", span: win.t1 - win.t0 } : view);
    },
  };
}
