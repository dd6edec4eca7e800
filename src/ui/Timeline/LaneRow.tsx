/**
 * One process's lane: its name column and its track (lifecycle bar, blocked spans,
 * marks, exit marker), drawn in SVG in pixel coordinates from the scale.
 */
import { memo, type CSSProperties, type JSX, type PointerEvent as ReactPointerEvent } from "react";
import { describeBlock, processColor, type Lane, type LaneMark } from "../../state";
import { exitBadge, type ExitTone } from "./exitBadge";
import type { LaneStateKind } from "./laneState";
import type { Scale } from "./scale";
import { clusterPoints, fitLabel, placeIntervals } from "./spans";
import type { HoverTarget } from "./targets";

export const LANE_H = 46;
export const BAR_Y = 15;
export const BAR_H = 18;
const BAR_MID = BAR_Y + BAR_H / 2;
const LABEL_FONT = 12.5;
const MARK_GAP = 16;

export const TONE_COLORS: Record<ExitTone, string> = {
  ok: "#3fb950",
  warn: "#e3b341",
  error: "#ff6b6b",
  signal: "#b392f0",
  unknown: "#8b949e",
};

export interface LaneHandlers {
  hover(target: HoverTarget, e: ReactPointerEvent): void;
  leave(): void;
  select(target: HoverTarget): void;
}

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
      className={`tl-lane${lane.index % 2 ? " odd" : ""}`}
      role="group"
      aria-label={lane.name}
      data-testid="timeline.lane"
      data-pid={lane.pid}
      data-state={stateNow}
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
          <span className={`tl-badge state-${stateNow}`}>{stateNow === "created" ? "starting" : stateNow === "not-started" ? "" : stateNow}</span>
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
            <Blocks lane={lane} from={closed} to={nBlocks} scale={scale} openEnd={lane.exitedAt ?? now} color={color} hatch={`url(#${hatchId})`} selectedSeq={selectedSeq} handlers={handlers} />
          )}
          <Marks lane={lane} count={lane.marks.length} scale={scale} selectedSeq={selectedSeq} handlers={handlers} />
          {badge && lane.exitedAt !== null && (
            <ExitMarker lane={lane} x={scale.toX(lane.exitedAt)} width={scale.width} code={badge.code} tone={badge.tone} selected={exitSelected} handlers={handlers} />
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

interface PartProps {
  lane: Lane;
  scale: Scale;
  selectedSeq: number | null;
  handlers: LaneHandlers;
}

/** Stops a click on an item from also starting a pan or moving the playhead. */
const stop = (e: ReactPointerEvent) => e.stopPropagation();

function Lifecycle({ lane, scale, now, color, selectedSeq, handlers }: PartProps & { now: number; color: string }): JSX.Element | null {
  const { toX, width } = scale;
  const cx = toX(lane.createdAt);
  const startEnd = lane.startedAt ?? lane.exitedAt ?? now;
  const runEnd = lane.exitedAt ?? now;
  const sx = lane.startedAt === null ? null : toX(lane.startedAt);
  const ex = toX(runEnd);
  const create: HoverTarget = { kind: "create", pid: lane.pid };
  const parts: JSX.Element[] = [];
  const startX = toX(startEnd);
  if (startX >= 0 && cx <= width && startX - cx > 0.5) {
    parts.push(
      <line
        key="starting"
        className="tl-starting"
        x1={Math.max(cx, -2)}
        x2={Math.min(startX, width + 2)}
        y1={BAR_MID}
        y2={BAR_MID}
        stroke={color}
      />,
    );
  }
  if (sx !== null && ex >= 0 && sx <= width) {
    const x0 = Math.max(sx, -4);
    const x1 = Math.min(Math.max(ex, sx + 1), width + 4);
    parts.push(
      <rect
        key="run"
        className="tl-run"
        x={x0}
        y={BAR_Y}
        width={Math.max(1, x1 - x0)}
        height={BAR_H}
        rx={3}
        fill={color}
        onPointerMove={(e) => {
          const svg = e.currentTarget.ownerSVGElement;
          const left = svg ? svg.getBoundingClientRect().left : 0;
          handlers.hover({ kind: "run", pid: lane.pid, t: scale.toT(e.clientX - left) }, e);
        }}
        onPointerLeave={handlers.leave}
      />,
    );
  }
  if (cx >= -8 && cx <= width + 8) {
    parts.push(
      <circle
        key="create"
        className={`tl-create${selectedSeq === lane.createSeq ? " selected" : ""}`}
        data-testid="timeline.create"
        cx={cx}
        cy={BAR_MID}
        r={5.5}
        stroke={color}
        onPointerDown={stop}
        onPointerEnter={(e) => handlers.hover(create, e)}
        onPointerMove={(e) => handlers.hover(create, e)}
        onPointerLeave={handlers.leave}
        onClick={() => handlers.select(create)}
      />,
    );
  }
  return <g>{parts}</g>;
}

interface BlocksProps extends PartProps {
  /** Draws blocks [from, to): closed ones are memoised apart from the open one. */
  from: number;
  to: number;
  /** Where a still-open block ends (now); unused for closed blocks. */
  openEnd: number;
  color: string;
  hatch: string;
}

const Blocks = memo(function Blocks({ lane, from, to, scale, openEnd, color, hatch, selectedSeq, handlers }: BlocksProps): JSX.Element {
  const placed = placeIntervals(lane.blocks.slice(from, to), scale.toX, scale.width, openEnd, 2);
  return (
    <g>
      {placed.map((q) => {
        const p = { ...q, first: q.first + from };
        const b = lane.blocks[p.first];
        if (!b) return null;
        const target: HoverTarget = { kind: "block", pid: lane.pid, first: p.first, count: p.count };
        const w = Math.max(2, p.x1 - p.x0);
        const timeout = p.count === 1 && b.outcome === "timeout";
        const open = p.count === 1 && b.t1 === null;
        const label = p.count === 1 ? fitLabel(describeBlock(b.on), w - 12, LABEL_FONT) : w > 60 ? fitLabel(`${p.count} waits`, w - 12, LABEL_FONT) : "";
        const selected = selectedSeq !== null && lane.blocks.slice(p.first, p.first + p.count).some((s) => s.seq === selectedSeq);
        return (
          <g
            key={b.seq}
            className={`tl-block${selected ? " selected" : ""}${open ? " open" : ""}`}
            data-testid="timeline.block"
            data-pid={lane.pid}
            data-op={b.on.op}
            data-outcome={b.outcome ?? "waiting"}
            data-count={p.count}
            data-label={describeBlock(b.on)}
            onPointerDown={stop}
            onPointerEnter={(e) => handlers.hover(target, e)}
            onPointerMove={(e) => handlers.hover(target, e)}
            onPointerLeave={handlers.leave}
            onClick={() => handlers.select(target)}
          >
            <rect x={p.x0} y={BAR_Y - 2} width={w} height={BAR_H + 4} rx={3} fill={hatch} stroke={color} strokeWidth={1.5} />
            {label && (
              <text className="tl-block-label" x={p.x0 + 6} y={BAR_MID} dominantBaseline="central">
                {label}
              </text>
            )}
            {timeout && (
              <g className="tl-timeout" data-testid="timeline.timeout">
                <rect x={p.x0 + w - 3} y={BAR_Y - 4} width={3.5} height={BAR_H + 8} fill={TONE_COLORS.warn} />
                <text x={p.x0 + w + 4} y={BAR_Y - 6} className="tl-timeout-label">
                  timeout
                </text>
              </g>
            )}
          </g>
        );
      })}
    </g>
  );
});

/** `count` is the number of marks so far: the memo key for a lane that grows in place. */
const Marks = memo(function Marks({ lane, count, scale, selectedSeq, handlers }: PartProps & { count: number }): JSX.Element {
  const clusters = clusterPoints(
    lane.marks.slice(0, count).map((m) => m.t),
    scale.toX,
    scale.width,
    MARK_GAP,
  );
  return (
    <g>
      {clusters.map((c) => {
        const marks = c.members.map((i) => lane.marks[i]).filter((m): m is LaneMark => m !== undefined);
        const first = marks[0];
        if (!first) return null;
        const target: HoverTarget = { kind: "mark", pid: lane.pid, members: c.members };
        const kind = marks.every((m) => m.kind === first.kind) ? first.kind : "many";
        const selected = selectedSeq !== null && marks.some((m) => m.seq === selectedSeq);
        return (
          <g
            key={first.seq}
            className={`tl-mark kind-${kind}${selected ? " selected" : ""}`}
            data-testid="timeline.mark"
            data-kind={kind}
            data-count={marks.length}
            transform={`translate(${c.x} ${BAR_MID})`}
            onPointerDown={stop}
            onPointerEnter={(e) => handlers.hover(target, e)}
            onPointerMove={(e) => handlers.hover(target, e)}
            onPointerLeave={handlers.leave}
            onClick={() => handlers.select(target)}
          >
            <circle className="tl-mark-hit" r={11} />
            <Glyph kind={kind} count={marks.length} />
          </g>
        );
      })}
    </g>
  );
});

function Glyph({ kind, count }: { kind: LaneMark["kind"] | "many"; count: number }): JSX.Element {
  if (count > 1) {
    return (
      <>
        <circle r={8.5} className={`tl-glyph g-${kind}`} />
        <text className="tl-glyph-text" dominantBaseline="central" textAnchor="middle">
          {count > 99 ? "99+" : count}
        </text>
      </>
    );
  }
  switch (kind) {
    case "create-child":
      return <path className="tl-glyph g-create-child" d="M -7 -5 L 7 -5 L 0 7 Z" />;
    case "signal":
      return <path className="tl-glyph g-signal" d="M 2 -9 L -6 1 L -1 1 L -3 9 L 6 -2 L 1 -2 Z" />;
    case "error":
      return (
        <>
          <circle r={8} className="tl-glyph g-error" />
          <text className="tl-glyph-text" dominantBaseline="central" textAnchor="middle">
            !
          </text>
        </>
      );
    case "note":
    case "output":
    case "many":
      return (
        <>
          <circle r={7.5} className={`tl-glyph g-${kind}`} />
          <text className="tl-glyph-text" dominantBaseline="central" textAnchor="middle">
            i
          </text>
        </>
      );
  }
}

function ExitMarker({ lane, x, width, code, tone, selected, handlers }: { lane: Lane; x: number; width: number; code: string; tone: ExitTone; selected: boolean; handlers: LaneHandlers }): JSX.Element | null {
  if (x < -40 || x > width + 4) return null;
  const target: HoverTarget = { kind: "exit", pid: lane.pid };
  const c = TONE_COLORS[tone];
  const bw = 14 + code.length * 8;
  // The badge sits right of the exit line, or left of it at the track's end.
  const bx = x + 4 + bw > width ? x - 4 - bw : x + 4;
  return (
    <g
      className={`tl-exit${selected ? " selected" : ""}`}
      data-testid="timeline.exit"
      data-pid={lane.pid}
      data-code={lane.exitCode ?? undefined}
      onPointerDown={stop}
      onPointerEnter={(e) => handlers.hover(target, e)}
      onPointerMove={(e) => handlers.hover(target, e)}
      onPointerLeave={handlers.leave}
      onClick={() => handlers.select(target)}
    >
      <rect className="tl-exit-hit" x={Math.min(x - 4, bx)} y={4} width={bw + 8} height={LANE_H - 8} />
      <line x1={x} x2={x} y1={BAR_Y - 6} y2={BAR_Y + BAR_H + 6} stroke={c} strokeWidth={3} strokeLinecap="round" />
      <rect x={bx} y={BAR_MID - 10} width={bw} height={20} rx={10} fill="#0f1419" stroke={c} strokeWidth={2} />
      <text className="tl-exit-code" x={bx + bw / 2} y={BAR_MID} dominantBaseline="central" textAnchor="middle" fill={c}>
        {code}
      </text>
    </g>
  );
}
