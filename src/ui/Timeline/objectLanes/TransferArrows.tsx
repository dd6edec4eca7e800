/**
 * Data moving between processes: for each item that went through a queue or pipe, a
 * leg from the lane of the process that put it down into the object's place (at the put
 * time) and a leg from the place up into the lane of the process that got it (at the get
 * time), the chip in the place joining them. Failed operations (Full, Empty, EOF) are
 * marked on the lane of the process that tried. Only what is in view is drawn; callers
 * switch to density bands when there are more than ARROW_LIMIT transfers in view.
 */
import type { CSSProperties, JSX } from "react";
import { ObjectModel, processColor, type ChannelObject, type Lane, type ObjMark } from "../../../state";
import { BAR_H, BAR_MID, BAR_Y, LANE_H, NAME_W } from "../view/layout";
import { targetProps, type LaneHandlers } from "../hover/hoverTargets";
import { OBJ_H, placeRows, placeTop, rowMid } from "./objectGeometry";
import type { ObjectTarget } from "./objectTargets";
import type { Scale } from "../view/scale";
import { clusterPoints } from "../view/spans";

interface Props {
  objects: readonly ChannelObject[];
  lanes: readonly Lane[];
  byPid: ReadonlyMap<number, Lane>;
  marksByPid: ReadonlyMap<number, readonly ObjMark[]>;
  scale: Scale;
  height: number;
  /** Draw individual arrows (few enough transfers in view). */
  detailed: boolean;
  /** Chips are drawn in the place (arrows end on their rows, else mid-place). */
  chipsFor: (obj: ChannelObject) => boolean;
  handlers: LaneHandlers;
}

/** Number of transfers (items in flight at some point of the window) in view, over all objects. */
export function transfersInView(objects: readonly ChannelObject[], scale: Scale): number {
  let n = 0;
  for (const obj of objects) {
    const r = ObjectModel.itemRange(obj, scale.t0, scale.t1);
    n += r.to - r.from;
  }
  return n;
}

const laneBottom = (lane: Lane) => lane.index * LANE_H + BAR_Y + BAR_H + 1;

export function TransferArrows({
  objects,
  lanes,
  byPid,
  marksByPid,
  scale,
  height,
  detailed,
  chipsFor,
  handlers,
}: Props): JSX.Element {
  const legs: JSX.Element[] = [];
  const W = scale.width;
  if (detailed) {
    objects.forEach((obj, oi) => {
      const top = placeTop(lanes.length, oi);
      const rows = placeRows(obj);
      const chips = chipsFor(obj);
      const { from, to } = ObjectModel.itemRange(obj, scale.t0, scale.t1);
      for (let i = from; i < to; i++) {
        const gotAt = obj.items.gotAt(i);
        if (gotAt !== undefined && gotAt < scale.t0) continue;
        const it = obj.items.at(i);
        if (!it) continue;
        const yPlace = top + (chips ? rowMid(rows, Math.min(it.row, rows.count - 1)) : OBJ_H / 2);
        const prod = byPid.get(it.putBy);
        const cons = it.gotBy === undefined ? undefined : byPid.get(it.gotBy);
        const xp = scale.toX(it.putAt);
        const xg = it.gotAt === undefined ? null : scale.toX(it.gotAt);
        const showIn = prod !== undefined && xp >= -8 && xp <= W + 8;
        const showOut = cons !== undefined && xg !== null && xg >= -8 && xg <= W + 8;
        if (!showIn && !showOut) continue;
        const target: ObjectTarget = { kind: "transfer", pid: it.putBy, objId: obj.objId, item: i };
        const yProd = prod ? laneBottom(prod) : 0;
        const inD = showIn ? `M ${xp} ${yProd} L ${xp} ${yPlace}` : "";
        const y1 = cons ? laneBottom(cons) + 2 : 0;
        const outD = showOut && xg !== null ? `M ${xg} ${yPlace} L ${xg} ${y1 + 6}` : "";
        legs.push(
          <g
            key={`${obj.objId}:${it.itemId}`}
            className="tl-xfer"
            data-testid="timeline.transfer"
            data-obj={obj.label}
            data-item={it.preview}
            data-from={it.putBy}
            data-to={it.gotBy ?? ""}
            {...targetProps(handlers, target)}
          >
            {inD && (
              <g style={{ "--pc": processColor(prod?.index ?? 0) } as CSSProperties}>
                <path className="tl-xfer-hit" d={inD} />
                <path className="tl-xfer-in" d={inD} />
                <circle className="tl-xfer-dot" cx={xp} cy={yProd} r={3.5} />
              </g>
            )}
            {outD && xg !== null && (
              <g style={{ "--pc": processColor(cons?.index ?? 0) } as CSSProperties}>
                <path className="tl-xfer-hit" d={outD} />
                <path className="tl-xfer-out" d={outD} />
                <path className="tl-xfer-head" d={`M ${xg - 6} ${y1 + 9} L ${xg + 6} ${y1 + 9} L ${xg} ${y1 - 1} Z`} />
              </g>
            )}
          </g>,
        );
      }
    });
  }
  return (
    <svg className="tl-arrows tl-xfers" width={W} height={height} style={{ left: NAME_W }} aria-hidden="true">
      {legs}
      {lanes.map((lane) => {
        const marks = marksByPid.get(lane.pid);
        return marks && marks.length > 0 ? (
          <LaneObjMarks key={lane.pid} lane={lane} marks={marks} objects={objects} scale={scale} handlers={handlers} />
        ) : null;
      })}
    </svg>
  );
}

const SHORT: Record<string, string> = {
  "queue.Full": "Full",
  "queue.Empty": "Empty",
  EOFError: "EOF",
  BrokenPipeError: "Broken",
};

/** Full / Empty / EOF pills on a process lane, merged when closer than a pill's width. */
function LaneObjMarks({
  lane,
  marks,
  objects,
  scale,
  handlers,
}: {
  lane: Lane;
  marks: readonly ObjMark[];
  objects: readonly ChannelObject[];
  scale: Scale;
  handlers: LaneHandlers;
}): JSX.Element {
  // Only the marks in view (they are in time order, give or take clock jitter).
  const visible = marks.filter((m) => m.t >= scale.t0 - 1 && m.t <= scale.t1 + 1);
  const clusters = clusterPoints(
    visible.map((m) => m.t),
    scale.toX,
    scale.width,
    46,
  );
  const y = lane.index * LANE_H + BAR_MID;
  return (
    <g>
      {clusters.map((c) => {
        const first = visible[c.members[0] ?? 0];
        if (!first) return null;
        const obj = objects.find((o) => o.objId === first.objId);
        const markIndex = obj ? obj.marks.indexOf(first) : -1;
        const word = SHORT[first.label] ?? first.label;
        const text = c.members.length > 1 ? `${c.members.length}× ${word}` : word;
        const w = 12 + text.length * 7.6;
        const target: ObjectTarget = { kind: "objmark", pid: lane.pid, objId: first.objId, mark: markIndex };
        return (
          <g
            key={first.seq}
            className={`tl-objmark kind-${first.outcome}`}
            data-testid="timeline.object-mark"
            data-label={first.label}
            data-count={c.members.length}
            transform={`translate(${c.x} ${y})`}
            {...targetProps(handlers, target)}
          >
            <rect x={-w / 2} y={-10} width={w} height={20} rx={5} />
            <text textAnchor="middle" dominantBaseline="central">
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
}
