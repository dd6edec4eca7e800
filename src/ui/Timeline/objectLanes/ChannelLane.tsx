/**
 * A queue's or pipe's place below the process lanes: its contents over time. Zoomed
 * in, each item is a chip from when it went in to when it came out, stacked like a
 * glass filling up to the maxsize ceiling and coloured by the process that put it;
 * zoomed out (or crowded), a step chart of the length and a band of traffic density.
 * Clicking the place picks it for the Inspector (PlaceFrame).
 */
import { memo, type CSSProperties, type JSX } from "react";
import { ObjectModel, processColor, uiStore, type ChannelObject, type Lane } from "../../../state";
import { targetProps, type LaneHandlers } from "../hover/hoverTargets";
import type { Scale } from "../view/scale";
import { fitLabel } from "../view/spans";
import {
  CHIP_LIMIT,
  PLACE_PAD_T,
  placeBase,
  placeRows,
  showsChips,
  stepChartPath,
  type PlaceRows,
} from "./objectGeometry";
import { PlaceFrame } from "./PlaceFrame";

interface Props {
  obj: ChannelObject;
  /** obj.version: the object grows in place. */
  version: number;
  scale: Scale;
  now: number;
  byPid: ReadonlyMap<number, Lane>;
  /** Arrows are drawn (few enough transfers in view), so chips are worth drawing too. */
  detailed: boolean;
  selected: boolean;
  /** The playhead's time and x, when it is in view (null while live). */
  playhead: number | null;
  playheadX: number | null;
  handlers: LaneHandlers;
}

export const ChannelLane = memo(function ChannelLane({
  obj,
  scale,
  now,
  byPid,
  detailed,
  selected,
  playhead,
  playheadX,
  handlers,
}: Props): JSX.Element {
  const rows = placeRows(obj);
  const { from, to } = ObjectModel.itemRange(obj, scale.t0, scale.t1);
  const chips = showsChips(obj, scale, detailed);
  const lenNow = ObjectModel.lengthAt(obj, now);
  return (
    <PlaceFrame
      objId={obj.objId}
      label={obj.label}
      kind={obj.kind}
      selected={selected}
      icon={<ChannelIcon kind={obj.kind} />}
      words={kindWords(obj)}
      count={
        <span className="tl-obj-count" title="Items inside now">
          {lenNow}
          {obj.maxsize !== null && <span className="tl-obj-count-max">/{obj.maxsize}</span>}
        </span>
      }
      data={{ "data-length": lenNow, "data-mode": chips ? "items" : "chart" }}
      width={scale.width}
      playheadX={playheadX}
      playheadText={playhead === null ? null : stateText(obj, playhead)}
    >
      <rect
        className="tl-obj-glass"
        x={0}
        y={placeBase() - rows.count * rows.h}
        width={scale.width}
        height={rows.count * rows.h}
      />
      {chips ? (
        <Chips obj={obj} from={from} to={to} rows={rows} scale={scale} now={now} byPid={byPid} handlers={handlers} />
      ) : (
        <Chart obj={obj} rows={rows} scale={scale} now={now} />
      )}
      {obj.maxsize !== null && (
        <Ceiling y={placeBase() - obj.maxsize * rows.h} width={scale.width} maxsize={obj.maxsize} />
      )}
      {!chips && to - from > 0 && <Density obj={obj} scale={scale} />}
    </PlaceFrame>
  );
});

function kindWords(obj: ChannelObject): string {
  if (obj.kind === "Pipe") return "Pipe · two ends";
  return `${obj.kind} · ${obj.maxsize === null ? "unbounded" : `maxsize ${obj.maxsize}`}`;
}

/** What the place holds at t, for the words beside the playhead. */
function stateText(obj: ChannelObject, t: number): string | null {
  if (t < obj.createdAt) return null;
  const n = ObjectModel.lengthAt(obj, t);
  if (n === 0) return "empty";
  const full = obj.maxsize !== null && n >= obj.maxsize ? " · full" : "";
  return `${n} item${n === 1 ? "" : "s"}${full}`;
}

function ChannelIcon({ kind }: { kind: ChannelObject["kind"] }): JSX.Element {
  return (
    <svg className="tl-obj-icon" width="26" height="22" viewBox="0 0 26 22" aria-hidden="true">
      {kind === "Pipe" ? (
        <path d="M2 8 H24 M2 14 H24 M6 4 L2 8 L6 12 M20 10 L24 14 L20 18" />
      ) : (
        <>
          <path d="M3 3 V19 H23 V3" />
          <rect x="7" y="12" width="12" height="4" rx="1" />
          <rect x="7" y="7" width="12" height="4" rx="1" />
        </>
      )}
    </svg>
  );
}

function Ceiling({ y, width, maxsize }: { y: number; width: number; maxsize: number }): JSX.Element {
  return (
    <g className="tl-obj-ceiling" data-testid="timeline.ceiling">
      <line x1={0} x2={width} y1={y} y2={y} />
      <text x={6} y={y - 3}>{`maxsize ${maxsize}`}</text>
    </g>
  );
}

function Chips({
  obj,
  from,
  to,
  rows,
  scale,
  now,
  byPid,
  handlers,
}: {
  obj: ChannelObject;
  from: number;
  to: number;
  rows: PlaceRows;
  scale: Scale;
  now: number;
  byPid: ReadonlyMap<number, Lane>;
  handlers: LaneHandlers;
}): JSX.Element {
  const out: JSX.Element[] = [];
  const h = rows.h - 3;
  for (let i = from; i < to; i++) {
    const gotAt = obj.items.gotAt(i);
    if (gotAt !== undefined && gotAt < scale.t0) continue;
    const it = obj.items.at(i);
    if (!it) continue;
    const x0 = Math.max(-4, scale.toX(it.putAt));
    const x1 = Math.min(scale.width + 4, scale.toX(it.gotAt ?? now));
    const w = Math.max(3, x1 - x0);
    const y = placeBase() - (Math.min(it.row, rows.count - 1) + 1) * rows.h + 1.5;
    const color = processColor(byPid.get(it.putBy)?.index ?? 0);
    const label = w > 26 && h >= 12 ? fitLabel(it.preview, w - 10, 12) : "";
    const target = { kind: "transfer" as const, pid: it.putBy, objId: obj.objId, item: i };
    out.push(
      <g
        key={it.itemId}
        className={`tl-chip${it.gotAt === undefined ? " inside" : ""}`}
        data-testid="timeline.chip"
        style={{ "--pc": color } as CSSProperties}
        {...targetProps(handlers, target)}
        onClick={(e) => {
          e.stopPropagation();
          uiStore.getState().selectObject(obj.objId);
          handlers.select(target);
        }}
      >
        <rect x={x0} y={y} width={w} height={h} rx={Math.min(4, h / 2)} />
        {label && (
          <text x={x0 + 5} y={y + h / 2} dominantBaseline="central">
            {label}
          </text>
        )}
      </g>,
    );
  }
  return <g>{out}</g>;
}

/** The length over time as a filled step chart, one point per pixel at most. */
function Chart({
  obj,
  rows,
  scale,
  now,
}: {
  obj: ChannelObject;
  rows: PlaceRows;
  scale: Scale;
  now: number;
}): JSX.Element | null {
  const unit = (rows.count * rows.h) / Math.max(1, obj.maxsize ?? 0, obj.maxLen);
  const base = placeBase();
  const { stepT, stepN } = obj;
  const i0 = Math.max(0, stepT.upperBound(scale.t0) - 1);
  const i1 = Math.min(stepT.length, stepT.upperBound(scale.t1) + 1);
  if (i1 <= i0) return null;
  let d = stepChartPath(
    stepT.data,
    stepN.data,
    i0,
    i1,
    (t) => Math.max(0, Math.round(scale.toX(t))),
    (n) => base - n * unit,
  );
  const lastX = Math.max(0, Math.round(scale.toX(stepT.get(i1 - 1) ?? 0)));
  const endX = Math.min(scale.width, scale.toX(Math.min(now, scale.t1)));
  if (endX > lastX) d += ` H ${endX}`;
  d += ` V ${base} Z`;
  return <path className="tl-obj-chart" d={d} data-testid="timeline.object-chart" />;
}

/** How many items went in per few pixels: a heat strip along the top of the place. */
function Density({ obj, scale }: { obj: ChannelObject; scale: Scale }): JSX.Element | null {
  const BUCKET = 4;
  const n = Math.ceil(scale.width / BUCKET);
  const counts = new Uint32Array(n);
  const a = obj.putT.upperBound(scale.t0 - 1e-9);
  const b = obj.putT.upperBound(scale.t1);
  for (let i = a; i < b; i++) {
    const k = Math.floor(scale.toX(obj.putT.get(i) ?? 0) / BUCKET);
    if (k >= 0 && k < n) counts[k] = (counts[k] ?? 0) + 1;
  }
  let max = 0;
  for (const c of counts) if (c > max) max = c;
  if (max === 0 || b - a <= CHIP_LIMIT) return null;
  const bars: JSX.Element[] = [];
  for (let k = 0; k < n; k++) {
    const c = counts[k] ?? 0;
    if (c > 0)
      bars.push(
        <rect key={k} x={k * BUCKET} y={2} width={BUCKET} height={PLACE_PAD_T - 4} opacity={0.25 + 0.75 * (c / max)} />,
      );
  }
  return (
    <g className="tl-obj-density" data-testid="timeline.density" data-count={b - a}>
      {bars}
    </g>
  );
}
