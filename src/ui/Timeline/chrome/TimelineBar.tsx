/** The timeline's toolbar: back to live, a readout of where you are, the legend, and zoom. */
import type { JSX } from "react";
import type { RunStatus } from "../../../state";
import { Legend } from "./Legend";
import { formatTime } from "../view/scale";
import type { TimelineView } from "../view/useTimelineView";

interface Props {
  view: TimelineView;
  live: boolean;
  status: RunStatus;
  playhead: number | null;
  now: number;
  hasLanes: boolean;
  /** The deadlock that ended the run: who is in its cycle, and the kernel's report (shown on hover). */
  deadlock: { cycle: string; report: string } | null;
}

export function TimelineBar({ view, live, status, playhead, now, hasLanes, deadlock }: Props): JSX.Element {
  return (
    <div className="tl-bar">
      <button
        type="button"
        className={`tl-btn tl-live${playhead === null ? " on" : ""}`}
        aria-pressed={playhead === null}
        data-testid="timeline.live"
        onClick={view.goLive}
        title="Follow the run as it happens (Esc)"
      >
        <span
          className={`tl-live-dot${live ? " rec" : ""}${live && playhead === null ? " pulsing" : ""}`}
          aria-hidden="true"
        />
        Live
      </button>
      <span className="tl-readout" data-testid="timeline.readout">
        <Readout
          live={live}
          status={status}
          playhead={playhead}
          now={now}
          hasLanes={hasLanes}
          resolution={view.resolution}
        />
      </span>
      {deadlock && (
        <span className="tl-deadlock" data-testid="timeline.deadlock" title={deadlock.report}>
          <strong>Deadlocked</strong> {deadlock.cycle}
        </span>
      )}
      <Legend />
      <div className="tl-zoom" role="group" aria-label="Zoom">
        <button
          type="button"
          className="tl-btn tl-icon"
          aria-label="Zoom out"
          title="Zoom out (−, or Ctrl+wheel)"
          data-testid="timeline.zoom-out"
          onClick={view.zoomOut}
        >
          −
        </button>
        <button
          type="button"
          className="tl-btn tl-icon"
          aria-label="Zoom in"
          title="Zoom in (+, or Ctrl+wheel)"
          data-testid="timeline.zoom-in"
          onClick={view.zoomIn}
        >
          +
        </button>
        <button
          type="button"
          className={`tl-btn${view.kind === "fit" ? " on" : ""}`}
          aria-pressed={view.kind === "fit"}
          title="Show the whole run (0)"
          data-testid="timeline.fit"
          onClick={view.fit}
        >
          Fit
        </button>
      </div>
    </div>
  );
}

/** The playhead's time when there is one, else the run's running or final time; nothing before a run. */
function Readout({
  live,
  status,
  playhead,
  now,
  hasLanes,
  resolution,
}: Omit<Props, "view" | "deadlock"> & { resolution: number }): JSX.Element | null {
  if (playhead !== null) {
    return (
      <>
        Playhead <strong>{formatTime(playhead, resolution)}</strong>
      </>
    );
  }
  if (live) {
    return (
      <>
        Running · <strong>{formatTime(now, 100)}</strong>
      </>
    );
  }
  if (!hasLanes) return null;
  return (
    <>
      {status === "stopped" ? "Stopped after" : "Run took"} <strong>{formatTime(now, 10)}</strong>
    </>
  );
}
