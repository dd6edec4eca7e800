/**
 * What every object's place on the timeline has, whatever it draws: the name column (a
 * button that picks the object for the Inspector), the track (clicking it picks the
 * object too), and the words for its state beside the playhead. A kind of place
 * (ChannelLane for queues and pipes) passes its icon, words and drawing.
 */
import type { JSX, ReactNode } from "react";
import { uiStore } from "../../../state";
import { stop } from "../hover/hoverTargets";
import { OBJ_H } from "./objectGeometry";

interface Props {
  objId: number;
  label: string;
  kind: string;
  selected: boolean;
  /** Extra classes on the place, e.g. its kind's. */
  className?: string;
  icon: ReactNode;
  /** The line under the label, e.g. "Queue · maxsize 3". */
  words: string;
  /** What the object holds now, right of its name. */
  count: ReactNode;
  /** Test hooks on the lane, e.g. data-length. */
  data: Record<`data-${string}`, string | number>;
  /** Track width, px. */
  width: number;
  /** The playhead's x and the object's state there (null while live or out of view). */
  playheadX: number | null;
  playheadText: string | null;
  /** The track's drawing, in SVG pixel coordinates. */
  children: ReactNode;
}

export function PlaceFrame({
  objId,
  label,
  kind,
  selected,
  className,
  icon,
  words,
  count,
  data,
  width,
  playheadX,
  playheadText,
  children,
}: Props): JSX.Element {
  const select = () => uiStore.getState().selectObject(objId);
  return (
    <div
      className={`tl-lane tl-obj${className ? ` ${className}` : ""}${selected ? " selected" : ""}`}
      role="group"
      aria-label={label}
      data-testid="timeline.object"
      data-obj-id={objId}
      data-kind={kind}
      {...data}
      data-selected={selected}
      style={{ height: OBJ_H }}
    >
      <button
        type="button"
        className="tl-name tl-obj-name"
        onPointerDown={stop}
        onClick={select}
        aria-pressed={selected}
        title={`Show ${label} in the Inspector`}
      >
        {icon}
        <span className="tl-name-text">
          <span className="tl-name-main">{label}</span>
          <span className="tl-name-sub">{words}</span>
        </span>
        {count}
      </button>
      <div className="tl-track" onClick={select}>
        <svg className="tl-svg" width={width} height={OBJ_H} aria-hidden="true">
          {children}
        </svg>
        {playheadText !== null && playheadX !== null && (
          <div
            className="tl-state tl-obj-state"
            data-testid="timeline.object-state"
            style={playheadX > width * 0.62 ? { right: width - playheadX + 10 } : { left: playheadX + 10 }}
          >
            {playheadText}
          </div>
        )}
      </div>
    </div>
  );
}
