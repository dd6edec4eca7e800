import { useRef, type PointerEvent as ReactPointerEvent, type RefObject } from "react";
import type { Scale } from "./scale";

export interface ScrubHandlers {
  onScrubStart(e: ReactPointerEvent<HTMLElement>): void;
  onScrubMove(e: ReactPointerEvent<HTMLElement>): void;
  onScrubEnd(e: ReactPointerEvent<HTMLElement>): void;
}

/**
 * Pressing or dragging on the axis (or on the playhead's handle) moves the playhead to
 * the time under the pointer. Times are read against the axis element (`axisRef`), whose
 * left edge is the tracks' time zero, wherever the drag started.
 */
export function usePlayheadScrub(
  rootRef: RefObject<HTMLDivElement | null>,
  axisRef: RefObject<HTMLDivElement | null>,
  scale: Scale,
  setPlayheadAt: (t: number) => void,
): ScrubHandlers {
  const scrubbing = useRef(false);
  const timeAt = (clientX: number, el: Element) => scale.toT(clientX - el.getBoundingClientRect().left);
  return {
    onScrubStart(e) {
      if (e.button !== 0) return;
      const axis = axisRef.current;
      if (!axis) return;
      e.preventDefault();
      e.currentTarget.setPointerCapture(e.pointerId);
      scrubbing.current = true;
      rootRef.current?.focus({ preventScroll: true });
      setPlayheadAt(timeAt(e.clientX, axis));
    },
    onScrubMove(e) {
      const axis = axisRef.current;
      if (!scrubbing.current || !axis) return;
      setPlayheadAt(timeAt(e.clientX, axis));
    },
    onScrubEnd(e) {
      scrubbing.current = false;
      if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    },
  };
}
