import { useMemo, type RefObject } from "react";
import { runStore, uiStore } from "../../../state";
import { targetEvent, type LaneHandlers } from "./hoverTargets";
import type { Hover } from "./TimelineTooltip";

/**
 * Hover and click on lane items: hovering shows the tooltip (not while panning), clicking
 * selects the item's event and highlights its source line (click-to-source). One stable
 * object, so lanes can be memoised.
 */
export function useLaneHandlers(
  rootRef: RefObject<HTMLDivElement | null>,
  setHover: (hover: Hover | null) => void,
  isPanning: () => boolean,
): LaneHandlers {
  return useMemo<LaneHandlers>(
    () => ({
      hover(target, e) {
        const root = rootRef.current;
        if (!root || isPanning()) return;
        const r = root.getBoundingClientRect();
        setHover({ target, x: e.clientX - r.left, y: e.clientY - r.top, w: r.width, h: r.height });
      },
      leave() {
        setHover(null);
      },
      select(target) {
        const { timeline: model, objects } = runStore.getState();
        const ev = targetEvent(target, model.byPid, model.events, objects);
        if (ev) uiStore.getState().selectEvent(ev.seq, ev.line);
      },
    }),
    [rootRef, setHover, isPanning],
  );
}
