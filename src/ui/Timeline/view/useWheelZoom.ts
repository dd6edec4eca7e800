import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import { NAME_W } from "./layout";
import type { TimelineView } from "./useTimelineView";
import { pan, zoom } from "./view";

/**
 * Ctrl/Cmd+wheel zooms around the pointer; a sideways (or Shift+) wheel pans. The
 * listener is native because React's wheel listeners are passive (no preventDefault),
 * so it reads the latest view through a ref.
 */
export function useWheelZoom(stageRef: RefObject<HTMLDivElement | null>, view: TimelineView): void {
  const latest = useRef(view);
  useLayoutEffect(() => {
    latest.current = view;
  });
  useEffect(() => {
    const el = stageRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const { win, scale, setWindow } = latest.current;
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      const rect = el.getBoundingClientRect();
      const x = e.clientX - rect.left - NAME_W;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        const anchor = x >= 0 ? scale.toT(x) : (win.t0 + win.t1) / 2;
        setWindow(zoom(win, Math.exp(e.deltaY * unit * 0.0025), anchor));
        return;
      }
      const dx = (e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX) * unit;
      const dy = e.shiftKey ? 0 : e.deltaY * unit;
      if (dx !== 0 && Math.abs(dx) > Math.abs(dy)) {
        e.preventDefault();
        setWindow(pan(win, dx / scale.k));
      }
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [stageRef]);
}
