/** The tooltip for the item under the pointer, kept inside the timeline's box. */
import type { JSX } from "react";
import type { Lane, ObjectModel } from "../../../state";
import { describeTarget, type HoverTarget } from "./hoverTargets";

/** The hovered item and the pointer's position, relative to the timeline's root box of size w x h. */
export interface Hover {
  target: HoverTarget;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Props {
  hover: Hover;
  byPid: ReadonlyMap<number, Lane>;
  objects: ObjectModel;
  now: number;
  /** Time that a few pixels stand for: the precision worth printing. */
  resolution: number;
}

/**
 * Sits right of and below the pointer, flipping left near the right edge and above in
 * the lower part of the box, so it never hides under the panel's border.
 */
export function TimelineTooltip({ hover, byPid, objects, now, resolution }: Props): JSX.Element | null {
  const tooltip = describeTarget(hover.target, byPid, objects, now, Math.min(10, resolution));
  if (!tooltip) return null;
  return (
    <div
      className={`tl-tooltip tone-${tooltip.tone}`}
      role="tooltip"
      data-testid="timeline.tooltip"
      style={{
        ...(hover.x + 380 > hover.w ? { right: Math.max(4, hover.w - hover.x + 14) } : { left: hover.x + 16 }),
        ...(hover.y > hover.h * 0.55 ? { bottom: hover.h - hover.y + 14 } : { top: hover.y + 18 }),
      }}
    >
      <div className="tl-tooltip-title">{tooltip.title}</div>
      {tooltip.rows.map((r, i) => (
        <div key={i} className="tl-tooltip-row">
          {r}
        </div>
      ))}
    </div>
  );
}
