/** The time axis above the tracks: tick labels, and where the learner clicks or drags to scrub. */
import type { JSX, PointerEvent as ReactPointerEvent } from "react";
import { formatTick, type Scale, type Ticks } from "../view/scale";

interface Props {
  scale: Scale;
  ticks: Ticks;
  height: number;
  /** x of "now" while live (a faint marker), else null. */
  nowX: number | null;
  onScrubStart(e: ReactPointerEvent<HTMLDivElement>): void;
  onScrubMove(e: ReactPointerEvent<HTMLDivElement>): void;
  onScrubEnd(e: ReactPointerEvent<HTMLDivElement>): void;
}

export function Axis({ scale, ticks, height, nowX, onScrubStart, onScrubMove, onScrubEnd }: Props): JSX.Element {
  return (
    <div
      className="tl-axis"
      data-testid="timeline.axis"
      title="Click or drag to move the playhead"
      style={{ width: scale.width, height }}
      onPointerDown={onScrubStart}
      onPointerMove={onScrubMove}
      onPointerUp={onScrubEnd}
      onPointerCancel={onScrubEnd}
    >
      <svg width={scale.width} height={height} aria-hidden="true">
        {ticks.values.map((t) => {
          const x = scale.toX(t);
          const anchor = x < 24 ? "start" : x > scale.width - 24 ? "end" : "middle";
          return (
            <g key={t}>
              <line className="tl-tick" x1={x} x2={x} y1={height - 8} y2={height} />
              <text className="tl-tick-label" x={x} y={height - 13} textAnchor={anchor}>
                {formatTick(t, ticks.step)}
              </text>
            </g>
          );
        })}
        {nowX !== null && nowX >= 0 && nowX <= scale.width && (
          <path
            className="tl-now-mark"
            d={`M ${nowX - 6} ${height - 9} L ${nowX + 6} ${height - 9} L ${nowX} ${height} Z`}
          />
        )}
      </svg>
    </div>
  );
}
