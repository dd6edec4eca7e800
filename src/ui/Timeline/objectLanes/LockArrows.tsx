/**
 * Hand-overs: for each acquire that had to wait, an arrow from the lane of the process
 * whose release let it through to the lane of the process that got the lock, at the
 * moment it did, bowed a little so it stays visible between neighbouring lanes. Only
 * what is in view is drawn, and none when more than ARROW_LIMIT are.
 */
import type { JSX } from "react";
import { linksIn, type Lane, type LockObject } from "../../../state";
import { BAR_MID, LANE_H, NAME_W } from "../view/layout";
import type { Scale } from "../view/scale";
import { ARROW_LIMIT } from "./objectGeometry";

interface Props {
  locks: readonly LockObject[];
  byPid: ReadonlyMap<number, Lane>;
  scale: Scale;
  height: number;
}

export function LockArrows({ locks, byPid, scale, height }: Props): JSX.Element | null {
  const arrows: JSX.Element[] = [];
  for (const lock of locks) {
    const links = linksIn(lock, scale.t0, scale.t1);
    if (arrows.length + links.length > ARROW_LIMIT) return null;
    for (const l of links) {
      const from = byPid.get(l.releasePid);
      const to = byPid.get(l.acquirePid);
      if (!from || !to || from === to) continue;
      const xr = scale.toX(l.releaseT);
      const xa = scale.toX(l.acquireT);
      const down = to.index > from.index;
      const y0 = from.index * LANE_H + BAR_MID + (down ? 9 : -9);
      const y1 = to.index * LANE_H + BAR_MID + (down ? -11 : 11);
      const bow = 18;
      const d = `M ${xr} ${y0} C ${xr + bow} ${y0}, ${xa + bow} ${y1}, ${xa} ${y1}`;
      const head = down
        ? `M ${xa - 5} ${y1 - 8} L ${xa + 5} ${y1 - 8} L ${xa} ${y1} Z`
        : `M ${xa - 5} ${y1 + 8} L ${xa + 5} ${y1 + 8} L ${xa} ${y1} Z`;
      arrows.push(
        <g
          key={`${lock.objId}:${l.acquireT}:${l.acquirePid}`}
          className="tl-handover"
          data-testid="timeline.handover"
          data-obj={lock.label}
          data-from={l.releasePid}
          data-to={l.acquirePid}
        >
          <title>{`${from.name} released ${lock.label}: ${to.name} got it`}</title>
          <path className="tl-handover-line" d={d} />
          <path className="tl-handover-head" d={head} />
          <circle className="tl-handover-dot" cx={xr} cy={y0} r={3} />
        </g>,
      );
    }
  }
  return (
    <svg
      className="tl-arrows tl-handovers"
      width={scale.width}
      height={height}
      style={{ left: NAME_W }}
      aria-hidden="true"
    >
      {arrows}
    </svg>
  );
}
