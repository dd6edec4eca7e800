import { useMemo, type RefObject } from "react";
import { runStore, uiStore } from "../../../state";
import type { LaneHandlers } from "../processLanes/LaneParts";
import { objectTargetEvent } from "../objectLanes/objectTargets";
import { targetEvent } from "./targets";
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
        const ev =
          target.kind === "transfer" || target.kind === "objmark"
            ? objectTargetEvent(target, objects)
            : targetEvent(target, model.byPid, model.events);
        if (ev) uiStore.getState().selectEvent(ev.seq, ev.line);
      },
    }),
    [rootRef, setHover, isPanning],
  );
}
