/**
 * One process's lane: its name column and its track (lifecycle bar, blocked spans,
 * marks, exit marker), drawn in SVG in pixel coordinates from the scale.
 */
import { memo, type CSSProperties, type JSX } from "react";
import { processColor, type Lane } from "../../../state";
import { exitBadge } from "./exitBadge";
import type { LaneStateKind } from "./laneState";
import { LANE_H } from "../view/layout";
import { Marks } from "./LaneMarks";
import type { LaneHandlers } from "../hover/hoverTargets";
import { Blocks, ExitMarker, Lifecycle } from "./LaneParts";
import type { Scale } from "../view/scale";

interface Props {
  /** Mutated in place as events arrive: `sig` says when it changed. */
  lane: Lane;
  /** Changes whenever anything drawn from `lane` changes (see laneSignature). */
  sig: string;
  scale: Scale;
  /** The live edge; for an exited lane pass its exit time, so it doesn't redraw every frame. */
  now: number;
  /** The playhead's x and this lane's state there (null while live). */
  playheadX: number | null;
  playheadState: LaneStateKind | null;
  playheadText: string | null;
  /** State at now, for the name column. */
  stateNow: LaneStateKind;
  selectedSeq: number | null;
  /** The selected event is this lane's exit. */
  exitSelected: boolean;
  /** Part of the deadlock cycle that ended the run: ringed in the error colour. */
  deadlocked: boolean;
  hatchId: string;
  handlers: LaneHandlers;
}

/**
 * Closed blocks are drawn in memoised chunks of this many, so a lane that gains a block
 * redraws one chunk, not its whole history.
 */
const BLOCK_CHUNK = 32;

function chunkStarts(count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i += BLOCK_CHUNK) out.push(i);
  return out;
}

/** What a lane's drawing depends on, as a string that changes when the lane grows. */
export function laneSignature(lane: Lane): string {
  const last = lane.blocks[lane.blocks.length - 1];
  return `${lane.name}|${lane.startedAt}|${lane.exitedAt}|${lane.exitCode}|${lane.blocks.length}|${last?.t1 ?? "-"}|${last?.outcome ?? "-"}|${lane.marks.length}`;
}

/**
 * Re-renders only when its props change: an exited lane stays put while the run goes on,
 * and a running lane redraws just its growing bar and open block (closed blocks and
 * marks are memoised separately).
 */
export const LaneRow = memo(function LaneRow({
  lane,
  scale,
  now,
  playheadX,
  playheadState,
  playheadText,
  stateNow,
  selectedSeq,
  exitSelected,
  deadlocked,
  hatchId,
  handlers,
}: Props): JSX.Element {
  const color = processColor(lane.index);
  const exited = lane.exitedAt !== null;
  const badge = exited ? exitBadge(lane.exitCode, lane.exitReason) : null;
  const nBlocks = lane.blocks.length;
  const lastOpen = nBlocks > 0 && lane.blocks[nBlocks - 1]?.t1 === null;
  const closed = lastOpen ? nBlocks - 1 : nBlocks;
  return (
    <div
      className={`tl-lane${lane.index % 2 ? " odd" : ""}${deadlocked ? " deadlocked" : ""}`}
      role="group"
      aria-label={lane.name}
      data-testid="timeline.lane"
      data-pid={lane.pid}
      data-state={stateNow}
      data-deadlocked={deadlocked || undefined}
      data-exit-code={lane.exitCode ?? undefined}
      style={{ height: LANE_H, "--pc": color } as CSSProperties}
    >
      <div className="tl-name">
        <span className="tl-swatch" aria-hidden="true" />
        <span className="tl-name-text">
          <span className="tl-name-main" title={lane.name}>
            {lane.name}
          </span>
          <span className="tl-name-sub">
            pid {lane.pid}
            {lane.daemon ? " · daemon" : ""}
          </span>
        </span>
        {badge ? (
          <span className={`tl-badge tone-${badge.tone}`} title={`exit code ${badge.code}`}>
            <span className="tl-badge-code">{badge.code}</span>
            {badge.tone !== "ok" && badge.words && <span className="tl-badge-words">{badge.words}</span>}
          </span>
        ) : (
          <span className={`tl-badge state-${stateNow}`}>
            {stateNow === "created" ? "starting" : stateNow === "not-started" ? "" : stateNow}
          </span>
        )}
      </div>
      <div className="tl-track">
        <svg className="tl-svg" width={scale.width} height={LANE_H} aria-hidden="true">
          <defs>
            <pattern id={hatchId} width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="7" height="7" fill="#10161d" />
              <rect width="3" height="7" fill={color} opacity="0.5" />
            </pattern>
          </defs>
          <Lifecycle lane={lane} scale={scale} now={now} color={color} selectedSeq={selectedSeq} handlers={handlers} />
          {chunkStarts(closed).map((from) => (
            <Blocks
              key={from}
              lane={lane}
              from={from}
              to={Math.min(closed, from + BLOCK_CHUNK)}
              scale={scale}
              openEnd={0}
              color={color}
              hatch={`url(#${hatchId})`}
              selectedSeq={selectedSeq}
              handlers={handlers}
            />
          ))}
          {lastOpen && (
            <Blocks
              lane={lane}
              from={closed}
              to={nBlocks}
              scale={scale}
              openEnd={lane.exitedAt ?? now}
              color={color}
              hatch={`url(#${hatchId})`}
              selectedSeq={selectedSeq}
              handlers={handlers}
            />
          )}
          <Marks lane={lane} count={lane.marks.length} scale={scale} selectedSeq={selectedSeq} handlers={handlers} />
          {badge && lane.exitedAt !== null && (
            <ExitMarker
              lane={lane}
              x={scale.toX(lane.exitedAt)}
              width={scale.width}
              code={badge.code}
              tone={badge.tone}
              selected={exitSelected}
              handlers={handlers}
            />
          )}
        </svg>
        {playheadText !== null && playheadX !== null && playheadState !== "not-started" && (
          <div
            className={`tl-state state-${playheadState}`}
            data-testid="timeline.state"
            style={playheadX > scale.width * 0.62 ? { right: scale.width - playheadX + 10 } : { left: playheadX + 10 }}
          >
            {playheadText}
          </div>
        )}
      </div>
    </div>
  );
});
