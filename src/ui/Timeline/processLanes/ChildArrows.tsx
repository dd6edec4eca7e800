import type { CSSProperties, JSX } from "react";
import { processColor, type Lane } from "../../../state";
import { BAR_H, BAR_MID, LANE_H, NAME_W } from "../view/layout";
import type { Scale } from "../view/scale";

interface Props {
  lanes: readonly Lane[];
  byPid: ReadonlyMap<number, Lane>;
  scale: Scale;
  height: number;
}

/** Lines from where a parent started a child down to the child's lane. */
export function ChildArrows({ lanes, byPid, scale, height }: Props): JSX.Element {
  return (
    <svg className="tl-arrows" width={scale.width} height={height} style={{ left: NAME_W }} aria-hidden="true">
      {lanes.map((lane) => {
        if (lane.ppid === null) return null;
        const parent = byPid.get(lane.ppid);
        if (!parent) return null;
        const x = scale.toX(lane.createdAt);
        if (x < -2 || x > scale.width + 2) return null;
        const down = lane.index > parent.index;
        const y0 = parent.index * LANE_H + BAR_MID + (down ? BAR_H / 2 + 2 : -BAR_H / 2 - 2);
        const y1 = lane.index * LANE_H + BAR_MID + (down ? -8 : 8);
        const head = down ? -1 : 1;
        return (
          <g key={lane.pid} style={{ "--pc": processColor(lane.index) } as CSSProperties}>
            <line className="tl-arrow" x1={x} x2={x} y1={y0} y2={y1} />
            <path
              className="tl-arrow-head"
              d={`M ${x - 5} ${y1 + head * 7} L ${x + 5} ${y1 + head * 7} L ${x} ${y1} Z`}
            />
          </g>
        );
      })}
    </svg>
  );
}
