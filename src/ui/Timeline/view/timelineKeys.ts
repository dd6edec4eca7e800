import type { KeyboardEvent } from "react";
import { uiStore } from "../../../state";
import type { TimelineView } from "./useTimelineView";
import { reveal } from "./view";

interface KeyContext {
  view: TimelineView;
  playhead: number | null;
  now: number;
  /** Keeps a time within the run so far. */
  clampT(t: number): number;
}

/**
 * The timeline's keys (as described in its screen-reader help): arrows move the playhead
 * by 1% of the window (10% with Shift), scrolling to keep it in view; Home goes to the
 * start; End or Escape return to live; + and - zoom; 0 fits the whole run.
 */
export function handleTimelineKey(e: KeyboardEvent<HTMLElement>, { view, playhead, now, clampT }: KeyContext): void {
  const { win, setWindow } = view;
  const span = win.t1 - win.t0;
  switch (e.key) {
    case "ArrowLeft":
    case "ArrowRight": {
      e.preventDefault();
      const step = (span / 100) * (e.shiftKey ? 10 : 1);
      const from = playhead ?? now;
      const t = clampT(from + (e.key === "ArrowLeft" ? -step : step));
      uiStore.getState().setPlayhead(t);
      const moved = reveal(win, t);
      if (moved !== win) setWindow(moved);
      return;
    }
    case "Home":
      e.preventDefault();
      uiStore.getState().setPlayhead(0);
      if (win.t0 > 0) setWindow(reveal(win, 0));
      return;
    case "End":
    case "Escape":
      e.preventDefault();
      view.goLive();
      return;
    case "+":
    case "=":
      e.preventDefault();
      view.zoomIn();
      return;
    case "-":
    case "_":
      e.preventDefault();
      view.zoomOut();
      return;
    case "0":
      e.preventDefault();
      view.fit();
      return;
  }
}
