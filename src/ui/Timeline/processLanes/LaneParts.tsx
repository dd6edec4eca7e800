/**
 * What a lane's track draws besides its marks: the lifecycle (starting line, running
 * bar, creation dot), the blocked spans, and the exit marker. All in SVG pixel
 * coordinates from the scale; each item reports hover and click through LaneHandlers.
 */
import { memo, type JSX } from "react";
import { describeBlock, type Lane } from "../../../state";
import type { ExitTone } from "./exitBadge";
import { BAR_H, BAR_MID, BAR_Y, LANE_H } from "../view/layout";
import type { Scale } from "../view/scale";
import { fitLabel, placeIntervals } from "../view/spans";
import { targetProps, type LaneHandlers } from "../hover/hoverTargets";
import type { ProcessTarget } from "./processTargets";

const LABEL_FONT = 12.5;

const TONE_COLORS: Record<ExitTone, string> = {
  ok: "#3fb950",
  warn: "#e3b341",
  error: "#ff6b6b",
  signal: "#b392f0",
  unknown: "#8b949e",
};

/** What every part of a lane's track needs. */
export interface PartProps {
  lane: Lane;
  scale: Scale;
  selectedSeq: number | null;
  handlers: LaneHandlers;
}

export function Lifecycle({
  lane,
  scale,
  now,
  color,
  selectedSeq,
  handlers,
}: PartProps & { now: number; color: string }): JSX.Element | null {
  const { toX, width } = scale;
  const cx = toX(lane.createdAt);
  const startEnd = lane.startedAt ?? lane.exitedAt ?? now;
  const runEnd = lane.exitedAt ?? now;
  const sx = lane.startedAt === null ? null : toX(lane.startedAt);
  const ex = toX(runEnd);
  const create: ProcessTarget = { kind: "create", pid: lane.pid };
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
        {...targetProps(handlers, create)}
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

export const Blocks = memo(function Blocks({
  lane,
  from,
  to,
  scale,
  openEnd,
  color,
  hatch,
  selectedSeq,
  handlers,
}: BlocksProps): JSX.Element {
  const placed = placeIntervals(lane.blocks.slice(from, to), scale.toX, scale.width, openEnd, 2);
  return (
    <g>
      {placed.map((q) => {
        const p = { ...q, first: q.first + from };
        const b = lane.blocks[p.first];
        if (!b) return null;
        const target: ProcessTarget = { kind: "block", pid: lane.pid, first: p.first, count: p.count };
        const w = Math.max(2, p.x1 - p.x0);
        const timeout = p.count === 1 && b.outcome === "timeout";
        const open = p.count === 1 && b.t1 === null;
        const label =
          p.count === 1
            ? fitLabel(describeBlock(b.on), w - 12, LABEL_FONT)
            : w > 60
              ? fitLabel(`${p.count} waits`, w - 12, LABEL_FONT)
              : "";
        const selected =
          selectedSeq !== null && lane.blocks.slice(p.first, p.first + p.count).some((s) => s.seq === selectedSeq);
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
            {...targetProps(handlers, target)}
          >
            <rect
              x={p.x0}
              y={BAR_Y - 2}
              width={w}
              height={BAR_H + 4}
              rx={3}
              fill={hatch}
              stroke={color}
              strokeWidth={1.5}
            />
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

export function ExitMarker({
  lane,
  x,
  width,
  code,
  tone,
  selected,
  handlers,
}: {
  lane: Lane;
  x: number;
  width: number;
  code: string;
  tone: ExitTone;
  selected: boolean;
  handlers: LaneHandlers;
}): JSX.Element | null {
  if (x < -40 || x > width + 4) return null;
  const target: ProcessTarget = { kind: "exit", pid: lane.pid };
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
      {...targetProps(handlers, target)}
    >
      <rect className="tl-exit-hit" x={Math.min(x - 4, bx)} y={4} width={bw + 8} height={LANE_H - 8} />
      <line x1={x} x2={x} y1={BAR_Y - 6} y2={BAR_Y + BAR_H + 6} stroke={c} strokeWidth={3} strokeLinecap="round" />
      <rect x={bx} y={BAR_MID - 10} width={bw} height={20} rx={10} fill="#0f1419" stroke={c} strokeWidth={2} />
      <text
        className="tl-exit-code"
        x={bx + bw / 2}
        y={BAR_MID}
        dominantBaseline="central"
        textAnchor="middle"
        fill={c}
      >
        {code}
      </text>
    </g>
  );
}
