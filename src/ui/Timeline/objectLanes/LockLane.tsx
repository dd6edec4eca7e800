/**
 * A lock's or semaphore's place below the process lanes: who held it over time, as a
 * band in the holder's colour (a semaphore's holders stacked, one row per permit), and
 * who waited for it, as thin hatched bars in the waiters' colours under it. The
 * hand-overs (a release letting a waiting acquire through) are LockArrows.
 */
import { memo, type CSSProperties, type JSX } from "react";
import {
  countAt,
  holdAt,
  holdersAt,
  holdRange,
  processColor,
  waitsAt,
  type Lane,
  type LockHold,
  type LockObject,
  type SyncWait,
} from "../../../state";
import type { Scale } from "../view/scale";
import { fitLabel } from "../view/spans";
import { OBJ_H, PLACE_PAD_T } from "./objectGeometry";
import { PlaceFrame } from "./PlaceFrame";

/** The holders' band: from the place's top padding to here; the waiters below it. */
export const HOLD_BOTTOM = 50;
const WAIT_TOP = HOLD_BOTTOM + 6;
const WAIT_ROW_H = 8;
const WAIT_ROWS = Math.floor((OBJ_H - 4 - WAIT_TOP) / WAIT_ROW_H);
/** Permit rows drawn for a semaphore (more permits share the last row). */
const MAX_PERMIT_ROWS = 4;
/** Bands drawn at most (beyond, a crowded view shows the first of each pixel column). */
const HOLD_LIMIT = 2000;

interface Props {
  obj: LockObject;
  /** obj.version: the object grows in place. */
  version: number;
  scale: Scale;
  now: number;
  byPid: ReadonlyMap<number, Lane>;
  selected: boolean;
  /** Part of the deadlock cycle that ended the run. */
  deadlocked: boolean;
  playhead: number | null;
  playheadX: number | null;
}

export const permitRows = (obj: LockObject): number =>
  obj.exclusive ? 1 : Math.min(MAX_PERMIT_ROWS, Math.max(1, obj.initial));

/** The middle of the holders' band, for arrows ending on it. */
export const holdMid = (): number => (PLACE_PAD_T + HOLD_BOTTOM) / 2;

export const LockLane = memo(function LockLane({
  obj,
  scale,
  now,
  byPid,
  selected,
  deadlocked,
  playhead,
  playheadX,
}: Props): JSX.Element {
  const name = (pid: number) => byPid.get(pid)?.name ?? `pid ${pid}`;
  const holdersNow = holdersAt(obj, now);
  const countNow = countAt(obj, now);
  return (
    <PlaceFrame
      objId={obj.objId}
      label={obj.label}
      kind={obj.kind}
      selected={selected}
      className={deadlocked ? "tl-obj-lock deadlocked" : "tl-obj-lock"}
      icon={<LockIcon held={holdersNow.length > 0} />}
      words={lockWords(obj, holdersNow, name)}
      count={
        <span className="tl-obj-count" title={obj.exclusive ? "Held or free now" : "The semaphore's value now"}>
          {obj.exclusive ? (holdersNow.length > 0 ? "held" : "free") : countNow}
        </span>
      }
      data={{ "data-holders": holdersNow.map((h) => h.pid).join(" "), "data-count": countNow }}
      width={scale.width}
      playheadX={playheadX}
      playheadText={playhead === null ? null : stateText(obj, playhead, name)}
    >
      <rect className="tl-obj-glass" x={0} y={PLACE_PAD_T} width={scale.width} height={HOLD_BOTTOM - PLACE_PAD_T} />
      <Holds obj={obj} scale={scale} now={now} byPid={byPid} />
      <Waits obj={obj} scale={scale} now={now} byPid={byPid} />
    </PlaceFrame>
  );
});

function lockWords(obj: LockObject, holders: LockHold[], name: (pid: number) => string): string {
  if (obj.exclusive) return holders[0] ? `${obj.kind} · held by ${name(holders[0].pid)}` : `${obj.kind} · free`;
  return `${obj.kind} · value ${obj.initial} at start`;
}

/** The lock at t, for the words beside the playhead. */
function stateText(obj: LockObject, t: number, name: (pid: number) => string): string | null {
  if (t < obj.createdAt) return null;
  const holders = holdersAt(obj, t).map((h) => name(h.pid));
  const waiting = waitsAt(obj, t).length;
  const held = holders.length > 0 ? `held by ${holders.join(", ")}` : "free";
  const count = obj.exclusive ? "" : ` · value ${countAt(obj, t)}`;
  return `${held}${count}${waiting > 0 ? ` · ${waiting} waiting` : ""}`;
}

function Holds({
  obj,
  scale,
  now,
  byPid,
}: {
  obj: LockObject;
  scale: Scale;
  now: number;
  byPid: ReadonlyMap<number, Lane>;
}): JSX.Element {
  const rows = permitRows(obj);
  const rowH = (HOLD_BOTTOM - PLACE_PAD_T) / rows;
  const { from, to } = holdRange(obj, scale.t0, scale.t1);
  /** Per row, where its last band ends (a semaphore's hold takes the first row free by then). */
  const rowEnd = new Array<number>(rows).fill(-Infinity);
  const out: JSX.Element[] = [];
  let lastX = -Infinity;
  for (let i = from; i < to && out.length < HOLD_LIMIT; i++) {
    const h = holdAt(obj, i);
    if (!h || (h.t1 !== null && h.t1 < scale.t0)) continue;
    const x0 = Math.max(-2, scale.toX(h.t0));
    const x1 = Math.min(scale.width + 2, scale.toX(h.t1 ?? now));
    if (x1 < 0) continue;
    let row = rowEnd.findIndex((end) => end <= h.t0);
    if (row < 0) row = rows - 1;
    rowEnd[row] = h.t1 ?? Infinity;
    // Crowded: one band per pixel column is all the eye can see.
    if (obj.exclusive && x1 - x0 < 1 && x0 - lastX < 1) continue;
    lastX = x0;
    const w = Math.max(2, x1 - x0);
    const y = PLACE_PAD_T + row * rowH + 1;
    const lane = byPid.get(h.pid);
    const holder = lane?.name ?? `pid ${h.pid}`;
    const label = w > 40 && rowH >= 14 ? fitLabel(holder, w - 12, 13) : "";
    out.push(
      <g
        key={h.seq}
        className={`tl-hold${h.t1 === null ? " open" : ""}`}
        data-testid="timeline.hold"
        data-pid={h.pid}
        style={{ "--pc": processColor(lane?.index ?? 0) } as CSSProperties}
      >
        <title>{`${holder} held ${obj.label}`}</title>
        <rect x={x0} y={y} width={w} height={rowH - 2} rx={3} />
        {label && (
          <text x={x0 + 6} y={y + (rowH - 2) / 2} dominantBaseline="central">
            {label}
          </text>
        )}
      </g>,
    );
  }
  return <g>{out}</g>;
}

function Waits({
  obj,
  scale,
  now,
  byPid,
}: {
  obj: LockObject;
  scale: Scale;
  now: number;
  byPid: ReadonlyMap<number, Lane>;
}): JSX.Element {
  const rowEnd = new Array<number>(WAIT_ROWS).fill(-Infinity);
  const out: JSX.Element[] = [];
  obj.waits.forEach((w: SyncWait, i) => {
    const end = w.t1 ?? now;
    if (end < scale.t0 || w.t0 > scale.t1) return;
    let row = rowEnd.findIndex((e) => e <= w.t0);
    if (row < 0) row = WAIT_ROWS - 1;
    rowEnd[row] = end;
    const lane = byPid.get(w.pid);
    const x0 = Math.max(-2, scale.toX(w.t0));
    const x1 = Math.min(scale.width + 2, scale.toX(end));
    out.push(
      <g
        key={i}
        className="tl-wait"
        data-testid="timeline.wait"
        data-pid={w.pid}
        style={{ "--pc": processColor(lane?.index ?? 0) } as CSSProperties}
      >
        <title>{`${lane?.name ?? `pid ${w.pid}`} waited in ${w.call}(${obj.label})`}</title>
        <rect x={x0} y={WAIT_TOP + row * WAIT_ROW_H} width={Math.max(2, x1 - x0)} height={WAIT_ROW_H - 2} rx={2} />
      </g>,
    );
  });
  return <g>{out}</g>;
}

function LockIcon({ held }: { held: boolean }): JSX.Element {
  return (
    <svg className="tl-obj-icon" width="26" height="22" viewBox="0 0 26 22" aria-hidden="true">
      <path d={held ? "M8 10 V6 a5 5 0 0 1 10 0 V10" : "M8 10 V6 a5 5 0 0 1 10 0 V7"} />
      <rect x="5" y="10" width="16" height="10" rx="2" />
    </svg>
  );
}
