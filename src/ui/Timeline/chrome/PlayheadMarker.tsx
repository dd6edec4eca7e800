import type { JSX } from "react";
import { AXIS_H, NAME_W } from "../view/layout";
import { formatTime } from "../view/scale";
import type { ScrubHandlers } from "../view/usePlayheadScrub";

interface Props extends ScrubHandlers {
  /** Playhead time, ms. */
  t: number;
  /** Its x on the tracks, px. */
  x: number;
  /** The slider's maximum: the run so far. */
  now: number;
  /** Time that a few pixels stand for: the precision worth printing. */
  resolution: number;
}

/**
 * The playhead line across every lane, with a draggable handle on the axis that is also
 * an ARIA slider (the timeline root takes the arrow keys).
 */
export function PlayheadMarker({ t, x, now, resolution, onScrubStart, onScrubMove, onScrubEnd }: Props): JSX.Element {
  return (
    <div className="tl-playhead" data-testid="timeline.playhead" data-t={t} style={{ left: NAME_W + x }}>
      <div
        className="tl-playhead-handle"
        role="slider"
        aria-label="Playhead"
        aria-valuemin={0}
        aria-valuemax={Math.round(now)}
        aria-valuenow={Math.round(t)}
        aria-valuetext={formatTime(t, resolution)}
        style={{ height: AXIS_H }}
        onPointerDown={onScrubStart}
        onPointerMove={onScrubMove}
        onPointerUp={onScrubEnd}
        onPointerCancel={onScrubEnd}
      >
        <span className="tl-playhead-time">{formatTime(t, resolution)}</span>
      </div>
    </div>
  );
}
