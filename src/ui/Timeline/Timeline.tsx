/**
 * The timeline: one lane per process on a shared time axis, live while the run runs,
 * scrubbable with a playhead, zoomable and pannable, with tooltips and click-to-source.
 */
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type JSX,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from "react";
import { useStore } from "zustand";
import { processColor, runStore, uiStore, type Lane } from "../../state";
import { Axis } from "./Axis";
import { BAR_H, BAR_Y, LANE_H, LaneRow, laneSignature, type LaneHandlers } from "./LaneRow";
import { laneStateLabel } from "./laneState";
import { formatTime, makeScale, makeTicks, type Scale } from "./scale";
import { describeTarget, findEvent, targetEvent, type HoverTarget } from "./targets";
import { pan, resolveView, reveal, settle, zoom, type ViewState, type Window } from "./view";
import "./Timeline.css";

/** Width of the name column, px (must match .tl-name in Timeline.css). */
const NAME_W = 264;
const AXIS_H = 38;
const ZOOM_STEP = 1.6;

interface Hover {
  target: HoverTarget;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Drag {
  pointerId: number;
  startX: number;
  startWindow: Window;
  msPerPx: number;
  moved: boolean;
}

export function Timeline(): JSX.Element {
  // `version` bumps once per applied batch: the model below has grown in place.
  const version = useStore(runStore, (s) => s.version);
  const timeline = useStore(runStore, (s) => s.timeline);
  const status = useStore(runStore, (s) => s.status);
  const runId = useStore(runStore, (s) => s.runId);
  const playhead = useStore(uiStore, (s) => s.playhead);
  const selectedSeq = useStore(uiStore, (s) => s.selectedSeq);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");

  const live = status === "running" || status === "stopping";
  const rootRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [trackW, setTrackW] = useState(600);
  const [view, setView] = useState<ViewState>({ kind: "fit" });
  const [hover, setHover] = useState<Hover | null>(null);
  const [liveNow, setLiveNow] = useState({ runId: -1, t: 0 });
  const [seenTimeline, setSeenTimeline] = useState(timeline);

  // A new run: show all of it again.
  if (seenTimeline !== timeline) {
    setSeenTimeline(timeline);
    setView({ kind: "fit" });
    setHover(null);
  }
  const firstTimeline = useRef(timeline);
  useEffect(() => {
    if (firstTimeline.current !== timeline) {
      firstTimeline.current = timeline;
      uiStore.getState().setPlayhead(null);
    }
  }, [timeline]);

  // While live, "now" advances every frame from the last event time, so bars grow
  // smoothly between batches. Anchoring on the newest event (rather than on the wall
  // clock at Run) keeps kernel start-up time out of the picture. The loop stops as
  // soon as the run is over.
  useEffect(() => {
    if (!live) return;
    let raf = 0;
    let anchorEnd = Number.NaN;
    let anchorWall = 0;
    let best = 0;
    const tick = () => {
      const s = runStore.getState();
      const wall = performance.now();
      const end = s.timeline.end;
      if (end !== anchorEnd) {
        anchorEnd = end;
        anchorWall = wall;
      }
      best = s.timeline.lanes.length > 0 ? Math.max(best, end + (wall - anchorWall)) : 0;
      setLiveNow({ runId: s.runId, t: best });
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [live, runId]);

  const now = live && liveNow.runId === runId ? Math.max(timeline.end, liveNow.t) : timeline.end;

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setTrackW(Math.max(120, el.clientWidth - NAME_W)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  /** Where the run's first process appears: the fit view starts there. */
  const start = timeline.lanes[0]?.createdAt ?? 0;
  // Before anything has run, show a plain first second rather than a 5 ms sliver.
  const win = timeline.lanes.length === 0 ? { t0: 0, t1: 1000 } : resolveView(view, now, live, start);
  // One Scale object per window, so memoised lanes can tell when it really changed.
  const scale = useMemo(() => makeScale(win.t0, win.t1, trackW), [win.t0, win.t1, trackW]);
  const ticks = makeTicks(win.t0, win.t1, trackW, 110);
  /** Time that a few pixels stand for: the precision worth printing. */
  const resolution = ((win.t1 - win.t0) / trackW) * 8;

  const setWindow = useCallback((w: Window) => setView(settle(w, now, live, start)), [now, live, start]);
  const clampT = useCallback((t: number) => Math.min(Math.max(0, t), Math.max(0, now)), [now]);
  const setPlayheadAt = useCallback((t: number) => uiStore.getState().setPlayhead(clampT(t)), [clampT]);

  // The wheel handler is native (React's wheel listeners are passive: no preventDefault),
  // so it reads the latest view through a ref.
  const latest = useRef({ win, scale, now, live, start });
  useLayoutEffect(() => {
    latest.current = { win, scale, now, live, start };
  });
  useEffect(() => {
    const el = stageRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const L = latest.current;
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      const rect = el.getBoundingClientRect();
      const x = e.clientX - rect.left - NAME_W;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        const anchor = x >= 0 ? L.scale.toT(x) : (L.win.t0 + L.win.t1) / 2;
        setView(settle(zoom(L.win, Math.exp(e.deltaY * unit * 0.0025), anchor), L.now, L.live, L.start));
        return;
      }
      const dx = (e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX) * unit;
      const dy = e.shiftKey ? 0 : e.deltaY * unit;
      if (dx !== 0 && Math.abs(dx) > Math.abs(dy)) {
        e.preventDefault();
        setView(settle(pan(L.win, dx / L.scale.k), L.now, L.live, L.start));
      }
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, []);

  // ---- scrubbing on the axis (and dragging the playhead handle) ----
  const scrubbing = useRef(false);
  const timeAt = (clientX: number, el: Element, s: Scale) => s.toT(clientX - el.getBoundingClientRect().left);
  const axisEl = useRef<HTMLDivElement | null>(null);
  const onScrubStart = (e: ReactPointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    const axis = axisEl.current;
    if (!axis) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    scrubbing.current = true;
    rootRef.current?.focus({ preventScroll: true });
    setPlayheadAt(timeAt(e.clientX, axis, scale));
  };
  const onScrubMove = (e: ReactPointerEvent<HTMLElement>) => {
    const axis = axisEl.current;
    if (!scrubbing.current || !axis) return;
    setPlayheadAt(timeAt(e.clientX, axis, scale));
  };
  const onScrubEnd = (e: ReactPointerEvent<HTMLElement>) => {
    scrubbing.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };

  // ---- dragging the tracks pans; a click without a drag moves the playhead ----
  const drag = useRef<Drag | null>(null);
  const onTrackDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    if (x < NAME_W) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { pointerId: e.pointerId, startX: e.clientX, startWindow: win, msPerPx: 1 / scale.k, moved: false };
    rootRef.current?.focus({ preventScroll: true });
  };
  const onTrackMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const dx = e.clientX - d.startX;
    if (!d.moved && Math.abs(dx) < 4) return;
    d.moved = true;
    setHover(null);
    setWindow(pan(d.startWindow, -dx * d.msPerPx));
  };
  const onTrackUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (!d.moved) setPlayheadAt(scale.toT(e.clientX - e.currentTarget.getBoundingClientRect().left - NAME_W));
  };

  // ---- hover and click on items (one stable object, so lanes can be memoised) ----
  const handlers = useMemo<LaneHandlers>(
    () => ({
      hover(target, e) {
        const root = rootRef.current;
        if (!root || drag.current?.moved) return;
        const r = root.getBoundingClientRect();
        setHover({ target, x: e.clientX - r.left, y: e.clientY - r.top, w: r.width, h: r.height });
      },
      leave() {
        setHover(null);
      },
      select(target) {
        const model = runStore.getState().timeline;
        const ev = targetEvent(target, model.byPid, model.events);
        if (ev) uiStore.getState().selectEvent(ev.seq, ev.line);
      },
    }),
    [],
  );

  // ---- zoom buttons and keyboard ----
  const zoomAnchor = () => {
    if (playhead !== null && playhead >= win.t0 && playhead <= win.t1) return playhead;
    if (view.kind !== "fixed" && now >= win.t0 && now <= win.t1) return now;
    return (win.t0 + win.t1) / 2;
  };
  const zoomBy = (factor: number) => setWindow(zoom(win, factor, zoomAnchor()));
  const goLive = () => {
    uiStore.getState().setPlayhead(null);
    if (view.kind === "fixed") setView(live ? { kind: "follow", span: win.t1 - win.t0 } : view);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const span = win.t1 - win.t0;
    switch (e.key) {
      case "ArrowLeft":
      case "ArrowRight": {
        e.preventDefault();
        const step = (span / 100) * (e.shiftKey ? 10 : 1);
        const from = playhead ?? now;
        const t = clampT(from + (e.key === "ArrowLeft" ? -step : step));
        uiStore.getState().setPlayhead(t);
        const moved = reveal(win, t);
        if (moved !== win) setWindow(moved);
        return;
      }
      case "Home":
        e.preventDefault();
        uiStore.getState().setPlayhead(0);
        if (win.t0 > 0) setWindow(reveal(win, 0));
        return;
      case "End":
      case "Escape":
        e.preventDefault();
        goLive();
        return;
      case "+":
      case "=":
        e.preventDefault();
        zoomBy(1 / ZOOM_STEP);
        return;
      case "-":
      case "_":
        e.preventDefault();
        zoomBy(ZOOM_STEP);
        return;
      case "0":
        e.preventDefault();
        setView({ kind: "fit" });
        return;
    }
  };

  // ---- derived drawing data ----
  const lanes = timeline.lanes;
  const playheadX = playhead === null ? null : scale.toX(playhead);
  const playheadVisible = playheadX !== null && playheadX >= -1 && playheadX <= trackW + 1;
  const selectedEvent = selectedSeq === null ? undefined : findEvent(timeline.events, selectedSeq);
  const exitSelectedPid = selectedEvent?.kind === "proc.exit" ? selectedEvent.pid : null;
  const contentH = lanes.length * LANE_H;
  const tooltip = hover ? describeTarget(hover.target, timeline.byPid, now, Math.min(10, resolution)) : null;
  // `version` is read only to subscribe: the lanes above are re-read on every batch.
  void version;

  return (
    <div
      ref={rootRef}
      className="tl"
      role="region"
      aria-label="Timeline"
      aria-describedby={`${uid}-help`}
      data-testid="timeline.root"
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <span id={`${uid}-help`} className="tl-sr-only">
        Left and right arrows move the playhead (Shift for bigger steps), Home goes to the start, Escape returns to live. Plus and minus zoom, 0 fits the whole run.
      </span>
      <div className="tl-bar">
        <button
          type="button"
          className={`tl-btn tl-live${playhead === null ? " on" : ""}`}
          aria-pressed={playhead === null}
          data-testid="timeline.live"
          onClick={goLive}
          title="Follow the run as it happens (Esc)"
        >
          <span className={`tl-live-dot${live ? " rec" : ""}${live && playhead === null ? " pulsing" : ""}`} aria-hidden="true" />
          Live
        </button>
        <span className="tl-readout" data-testid="timeline.readout">
          {playhead !== null ? (
            <>
              Playhead <strong>{formatTime(playhead, resolution)}</strong>
            </>
          ) : live ? (
            <>
              Running · <strong>{formatTime(now, 100)}</strong>
            </>
          ) : lanes.length > 0 ? (
            <>
              {status === "stopped" ? "Stopped after" : "Run took"} <strong>{formatTime(now, 10)}</strong>
            </>
          ) : null}
        </span>
        <Legend />
        <div className="tl-zoom" role="group" aria-label="Zoom">
          <button type="button" className="tl-btn tl-icon" aria-label="Zoom out" title="Zoom out (−, or Ctrl+wheel)" data-testid="timeline.zoom-out" onClick={() => zoomBy(ZOOM_STEP)}>
            −
          </button>
          <button type="button" className="tl-btn tl-icon" aria-label="Zoom in" title="Zoom in (+, or Ctrl+wheel)" data-testid="timeline.zoom-in" onClick={() => zoomBy(1 / ZOOM_STEP)}>
            +
          </button>
          <button type="button" className={`tl-btn${view.kind === "fit" ? " on" : ""}`} aria-pressed={view.kind === "fit"} title="Show the whole run (0)" data-testid="timeline.fit" onClick={() => setView({ kind: "fit" })}>
            Fit
          </button>
        </div>
      </div>

      <div ref={stageRef} className="tl-stage">
        <div className="tl-head" style={{ height: AXIS_H }}>
          <div className="tl-head-name" style={{ width: NAME_W }}>
            Process
          </div>
          <div ref={axisEl}>
            <Axis scale={scale} ticks={ticks} height={AXIS_H} nowX={live ? scale.toX(now) : null} onScrubStart={onScrubStart} onScrubMove={onScrubMove} onScrubEnd={onScrubEnd} />
          </div>
        </div>

        <div ref={scrollRef} className="tl-scroll" style={{ top: AXIS_H }}>
          <div
            className="tl-content"
            style={{ height: Math.max(contentH, 1) }}
            onPointerDown={onTrackDown}
            onPointerMove={onTrackMove}
            onPointerUp={onTrackUp}
            onPointerCancel={onTrackUp}
          >
            <svg className="tl-grid" width={trackW} height={contentH} style={{ left: NAME_W }} aria-hidden="true">
              {ticks.values.map((t) => (
                <line key={t} x1={scale.toX(t)} x2={scale.toX(t)} y1={0} y2={contentH} />
              ))}
            </svg>
            {lanes.map((lane) => {
              const at = playhead === null ? null : laneStateLabel(lane, playhead, resolution);
              return (
                <LaneRow
                  key={lane.pid}
                  lane={lane}
                  sig={laneSignature(lane)}
                  scale={scale}
                  now={lane.exitedAt ?? now}
                  playheadX={playheadVisible ? playheadX : null}
                  playheadState={at?.state ?? null}
                  playheadText={at?.text ?? null}
                  stateNow={laneStateLabel(lane, now).state}
                  selectedSeq={selectedSeq}
                  exitSelected={exitSelectedPid === lane.pid}
                  hatchId={`${uid}-hatch-${lane.pid}`}
                  handlers={handlers}
                />
              );
            })}
            <ChildArrows lanes={lanes} byPid={timeline.byPid} scale={scale} height={contentH} />
          </div>
          {lanes.length === 0 && (
            <div className="tl-empty">
              {live ? "Starting…" : status === "syntax-error" ? "Nothing ran: the program has a syntax error (see the console)." : "Each process gets its own lane here when you press Run."}
            </div>
          )}
        </div>

        {playheadVisible && playheadX !== null && playhead !== null && (
          <div className="tl-playhead" data-testid="timeline.playhead" data-t={playhead} style={{ left: NAME_W + playheadX }}>
            <div
              className="tl-playhead-handle"
              role="slider"
              aria-label="Playhead"
              aria-valuemin={0}
              aria-valuemax={Math.round(now)}
              aria-valuenow={Math.round(playhead)}
              aria-valuetext={formatTime(playhead, resolution)}
              style={{ height: AXIS_H }}
              onPointerDown={onScrubStart}
              onPointerMove={onScrubMove}
              onPointerUp={onScrubEnd}
              onPointerCancel={onScrubEnd}
            >
              <span className="tl-playhead-time">{formatTime(playhead, resolution)}</span>
            </div>
          </div>
        )}
      </div>

      {hover && tooltip && (
        <div
          className={`tl-tooltip tone-${tooltip.tone}`}
          role="tooltip"
          data-testid="timeline.tooltip"
          style={{
            ...(hover.x + 380 > hover.w ? { right: Math.max(4, hover.w - hover.x + 14) } : { left: hover.x + 16 }),
            ...(hover.y > hover.h * 0.55 ? { bottom: hover.h - hover.y + 14 } : { top: hover.y + 18 }),
          }}
        >
          <div className="tl-tooltip-title">{tooltip.title}</div>
          {tooltip.rows.map((r, i) => (
            <div key={i} className="tl-tooltip-row">
              {r}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** Lines from where a parent started a child down to the child's lane. */
function ChildArrows({ lanes, byPid, scale, height }: { lanes: readonly Lane[]; byPid: ReadonlyMap<number, Lane>; scale: Scale; height: number }): JSX.Element {
  const mid = BAR_Y + BAR_H / 2;
  return (
    <svg className="tl-arrows" width={scale.width} height={height} style={{ left: NAME_W }} aria-hidden="true">
      {lanes.map((lane) => {
        if (lane.ppid === null) return null;
        const parent = byPid.get(lane.ppid);
        if (!parent) return null;
        const x = scale.toX(lane.createdAt);
        if (x < -2 || x > scale.width + 2) return null;
        const down = lane.index > parent.index;
        const y0 = parent.index * LANE_H + mid + (down ? BAR_H / 2 + 2 : -BAR_H / 2 - 2);
        const y1 = lane.index * LANE_H + mid + (down ? -8 : 8);
        const head = down ? -1 : 1;
        return (
          <g key={lane.pid} style={{ "--pc": processColor(lane.index) } as CSSProperties}>
            <line className="tl-arrow" x1={x} x2={x} y1={y0} y2={y1} />
            <path className="tl-arrow-head" d={`M ${x - 5} ${y1 + head * 7} L ${x + 5} ${y1 + head * 7} L ${x} ${y1} Z`} />
          </g>
        );
      })}
    </svg>
  );
}

function Legend(): JSX.Element {
  return (
    <div className="tl-legend" aria-hidden="true">
      <span className="tl-legend-item">
        <svg width="26" height="12">
          <line x1="1" x2="25" y1="6" y2="6" className="tl-legend-starting" />
        </svg>
        starting
      </span>
      <span className="tl-legend-item">
        <svg width="26" height="12">
          <rect x="1" y="1" width="24" height="10" rx="2" className="tl-legend-run" />
        </svg>
        running
      </span>
      <span className="tl-legend-item">
        <svg width="26" height="12">
          <defs>
            <pattern id="tl-legend-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#10161d" />
              <rect width="2.5" height="6" fill="#c9d1d9" opacity="0.55" />
            </pattern>
          </defs>
          <rect x="1" y="1" width="24" height="10" rx="2" fill="url(#tl-legend-hatch)" stroke="#c9d1d9" strokeWidth="1.2" />
        </svg>
        blocked
      </span>
    </div>
  );
}
