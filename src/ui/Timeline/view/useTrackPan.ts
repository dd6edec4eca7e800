import { useCallback, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from "react";
import { NAME_W } from "./layout";
import type { TimelineView } from "./useTimelineView";
import { pan, type Window } from "./view";

interface Drag {
  pointerId: number;
  startX: number;
  startWindow: Window;
  msPerPx: number;
  moved: boolean;
}

interface TrackPanInputs {
  rootRef: RefObject<HTMLDivElement | null>;
  view: TimelineView;
  setPlayheadAt(t: number): void;
  /** Called as the tracks pan: a tooltip would be left pointing at the wrong thing. */
  onPan(): void;
}

/**
 * Dragging the tracks pans the window; a press that doesn't move (4 px of slack) is a
 * click, which moves the playhead there. Presses on the name column are left alone.
 */
export function useTrackPan({ rootRef, view, setPlayheadAt, onPan }: TrackPanInputs) {
  const drag = useRef<Drag | null>(null);
  const { win, scale, setWindow } = view;
  /** True while a press has turned into a pan: hovering items is ignored meanwhile. */
  const isPanning = useCallback(() => drag.current?.moved === true, []);
  return {
    isPanning,
    onPointerDown(e: ReactPointerEvent<HTMLDivElement>) {
      if (e.button !== 0) return;
      const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
      if (x < NAME_W) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = {
        pointerId: e.pointerId,
        startX: e.clientX,
        startWindow: win,
        msPerPx: 1 / scale.k,
        moved: false,
      };
      rootRef.current?.focus({ preventScroll: true });
    },
    onPointerMove(e: ReactPointerEvent<HTMLDivElement>) {
      const d = drag.current;
      if (!d || d.pointerId !== e.pointerId) return;
      const dx = e.clientX - d.startX;
      if (!d.moved && Math.abs(dx) < 4) return;
      d.moved = true;
      onPan();
      setWindow(pan(d.startWindow, -dx * d.msPerPx));
    },
    onPointerUp(e: ReactPointerEvent<HTMLDivElement>) {
      const d = drag.current;
      if (!d || d.pointerId !== e.pointerId) return;
      drag.current = null;
      if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
      if (!d.moved) setPlayheadAt(scale.toT(e.clientX - e.currentTarget.getBoundingClientRect().left - NAME_W));
    },
  };
}
