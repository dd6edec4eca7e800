/**
 * The timeline: one lane per process on a shared time axis and a place per queue or
 * pipe below, live while the run runs, scrubbable with a playhead, zoomable and
 * pannable, with tooltips and click-to-source. This component wires the parts together:
 *
 * - view/          the time window: scale, view state, zoom, pan, scrub and keys, live
 *                  pacing, pixel layout, fitting spans and points on a track
 * - processLanes/  a process's lane (lifecycle, blocked spans, marks, exit), child arrows
 * - objectLanes/   an object's place (PlaceFrame; ChannelLane draws queues and pipes) and
 *                  the arrows carrying items between lanes and places
 * - hover/         what the pointer is over: targets, tooltip, click-to-source
 * - chrome/        toolbar, legend, axis, playhead
 *
 * A new kind of place (a Lock's holders, a Value's value) is a lane on PlaceFrame,
 * rendered below, with its targets added to hover/hoverTargets.ts.
 */
import { useCallback, useEffect, useId, useRef, useState, type JSX } from "react";
import { useStore } from "zustand";
import { holdersAt, runStore, uiStore, type ChannelObject } from "../../state";
import { AXIS_H, LANE_H, NAME_W } from "./view/layout";
import { handleTimelineKey } from "./view/timelineKeys";
import { useLiveNow } from "./view/useLiveNow";
import { usePlayheadScrub } from "./view/usePlayheadScrub";
import { useTimelineView } from "./view/useTimelineView";
import { useTrackPan } from "./view/useTrackPan";
import { useTrackWidth } from "./view/useTrackWidth";
import { useWheelZoom } from "./view/useWheelZoom";
import { ChildArrows } from "./processLanes/ChildArrows";
import { LaneRow, laneSignature } from "./processLanes/LaneRow";
import { laneStateLabel } from "./processLanes/laneState";
import { findEvent } from "./processLanes/processTargets";
import { ChannelLane } from "./objectLanes/ChannelLane";
import { LockArrows } from "./objectLanes/LockArrows";
import { LockLane } from "./objectLanes/LockLane";
import { ARROW_LIMIT, OBJ_H, OBJ_HEAD_H, showsChips } from "./objectLanes/objectGeometry";
import { transfersInView, TransferArrows } from "./objectLanes/TransferArrows";
import { TimelineTooltip, type Hover } from "./hover/TimelineTooltip";
import { useLaneHandlers } from "./hover/useLaneHandlers";
import { Axis } from "./chrome/Axis";
import { PlayheadMarker } from "./chrome/PlayheadMarker";
import { TimelineBar } from "./chrome/TimelineBar";
// In this order, here: object places build on the lane rules (.tl-obj-state on .tl-state).
import "./Timeline.css";
import "./chrome/Chrome.css";
import "./processLanes/Lanes.css";
import "./objectLanes/Objects.css";

/** The cycle of a deadlock in a few words: "Process-1 ⇄ Process-2 over Lock-1, Lock-2". */
function deadlockCycle(
  d: { pids: readonly number[]; objIds: readonly number[] },
  byPid: ReadonlyMap<number, { name: string }>,
  sync: { byId: ReadonlyMap<number, { label: string }> },
): string {
  const who = d.pids.map((p) => byPid.get(p)?.name ?? `pid ${p}`).join(" ⇄ ");
  const what = d.objIds.map((id) => sync.byId.get(id)?.label ?? `object ${id}`).join(", ");
  return what ? `${who} over ${what}` : who;
}

export function Timeline(): JSX.Element {
  // `version` bumps once per applied batch: the model below has grown in place.
  const version = useStore(runStore, (s) => s.version);
  const timeline = useStore(runStore, (s) => s.timeline);
  const objectModel = useStore(runStore, (s) => s.objects);
  const sync = useStore(runStore, (s) => s.sync);
  const selectedObjId = useStore(uiStore, (s) => s.selectedObjId);
  const status = useStore(runStore, (s) => s.status);
  const runId = useStore(runStore, (s) => s.runId);
  const playhead = useStore(uiStore, (s) => s.playhead);
  const selectedSeq = useStore(uiStore, (s) => s.selectedSeq);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");

  const live = status === "running" || status === "stopping";
  const lanes = timeline.lanes;
  const rootRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const axisRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const now = useLiveNow(live, runId, timeline.end);
  const trackW = useTrackWidth(scrollRef);
  const view = useTimelineView({
    hasLanes: lanes.length > 0,
    start: lanes[0]?.createdAt ?? 0,
    now,
    live,
    trackW,
    playhead,
  });
  const { scale, ticks, resolution } = view;

  // A new run: show all of it again.
  const [seenTimeline, setSeenTimeline] = useState(timeline);
  if (seenTimeline !== timeline) {
    setSeenTimeline(timeline);
    view.fit();
    setHover(null);
  }
  const firstTimeline = useRef(timeline);
  useEffect(() => {
    if (firstTimeline.current !== timeline) {
      uiStore.getState().selectObject(null);
      firstTimeline.current = timeline;
      uiStore.getState().setPlayhead(null);
    }
  }, [timeline]);

  const clampT = useCallback((t: number) => Math.min(Math.max(0, t), Math.max(0, now)), [now]);
  const setPlayheadAt = useCallback((t: number) => uiStore.getState().setPlayhead(clampT(t)), [clampT]);
  const hideHover = useCallback(() => setHover(null), []);
  useWheelZoom(stageRef, view);
  const scrub = usePlayheadScrub(rootRef, axisRef, scale, setPlayheadAt);
  const pan = useTrackPan({ rootRef, view, setPlayheadAt, onPan: hideHover });
  const handlers = useLaneHandlers(rootRef, setHover, pan.isPanning);

  const playheadX = playhead === null ? null : scale.toX(playhead);
  const playheadVisible = playheadX !== null && playheadX >= -1 && playheadX <= trackW + 1;
  const selectedEvent = selectedSeq === null ? undefined : findEvent(timeline.events, selectedSeq);
  const exitSelectedPid = selectedEvent?.kind === "proc.exit" ? selectedEvent.pid : null;
  const objects = objectModel.objects;
  const locks = sync.objects;
  const places = objects.length + locks.length;
  const lanesH = lanes.length * LANE_H;
  const contentH = lanesH + (places > 0 ? OBJ_HEAD_H + places * OBJ_H : 0);
  const deadlock = timeline.deadlock;
  const holderOf = (objId: number, t: number) => {
    const lock = sync.byId.get(objId);
    const pid = lock ? holdersAt(lock, t)[0]?.pid : undefined;
    return pid === undefined ? null : (timeline.byPid.get(pid)?.name ?? `pid ${pid}`);
  };
  const inView = objects.length > 0 ? transfersInView(objects, scale) : 0;
  const detailed = inView <= ARROW_LIMIT;
  const chipsFor = (obj: ChannelObject) => showsChips(obj, scale, detailed);
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
      onKeyDown={(e) => handleTimelineKey(e, { view, playhead, now, clampT })}
    >
      <span id={`${uid}-help`} className="tl-sr-only">
        Left and right arrows move the playhead (Shift for bigger steps), Home goes to the start, Escape returns to
        live. Plus and minus zoom, 0 fits the whole run.
      </span>
      <TimelineBar
        view={view}
        live={live}
        status={status}
        playhead={playhead}
        now={now}
        hasLanes={lanes.length > 0}
        deadlock={deadlock ? { cycle: deadlockCycle(deadlock, timeline.byPid, sync), report: deadlock.text } : null}
      />

      <div ref={stageRef} className="tl-stage">
        <div className="tl-head" style={{ height: AXIS_H }}>
          <div className="tl-head-name" style={{ width: NAME_W }}>
            Process
          </div>
          <div ref={axisRef}>
            <Axis
              scale={scale}
              ticks={ticks}
              height={AXIS_H}
              nowX={live ? scale.toX(now) : null}
              onScrubStart={scrub.onScrubStart}
              onScrubMove={scrub.onScrubMove}
              onScrubEnd={scrub.onScrubEnd}
            />
          </div>
        </div>

        <div ref={scrollRef} className="tl-scroll" style={{ top: AXIS_H }}>
          <div
            className="tl-content"
            style={{ height: Math.max(contentH, 1) }}
            onPointerDown={pan.onPointerDown}
            onPointerMove={pan.onPointerMove}
            onPointerUp={pan.onPointerUp}
            onPointerCancel={pan.onPointerUp}
          >
            <svg className="tl-grid" width={trackW} height={contentH} style={{ left: NAME_W }} aria-hidden="true">
              {ticks.values.map((t) => (
                <line key={t} x1={scale.toX(t)} x2={scale.toX(t)} y1={0} y2={contentH} />
              ))}
            </svg>
            {lanes.map((lane) => {
              const at = playhead === null ? null : laneStateLabel(lane, playhead, resolution, holderOf);
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
                  deadlocked={deadlock?.pids.includes(lane.pid) ?? false}
                  hatchId={`${uid}-hatch-${lane.pid}`}
                  handlers={handlers}
                />
              );
            })}
            {places > 0 && (
              <div className="tl-obj-head" style={{ height: OBJ_HEAD_H }}>
                <span className="tl-obj-head-title">Shared objects</span>
                <span className="tl-obj-head-note" data-testid="timeline.object-note">
                  {objects.length === 0
                    ? "a band shows who holds each lock; an arrow, who got it when it was released"
                    : detailed
                      ? "each arrow is one item: put ↓ into the place, got ↑ out of it"
                      : `${inView.toLocaleString()} items moved in view: zoom in to see each one`}
                </span>
              </div>
            )}
            {objects.map((obj) => (
              <ChannelLane
                key={obj.objId}
                obj={obj}
                version={obj.version}
                scale={scale}
                now={now}
                byPid={timeline.byPid}
                detailed={detailed}
                selected={selectedObjId === obj.objId}
                playhead={playheadVisible ? playhead : null}
                playheadX={playheadVisible ? playheadX : null}
                handlers={handlers}
              />
            ))}
            {locks.map((lock) => (
              <LockLane
                key={lock.objId}
                obj={lock}
                version={lock.version}
                scale={scale}
                now={now}
                byPid={timeline.byPid}
                selected={selectedObjId === lock.objId}
                deadlocked={deadlock?.objIds.includes(lock.objId) ?? false}
                playhead={playheadVisible ? playhead : null}
                playheadX={playheadVisible ? playheadX : null}
              />
            ))}
            <ChildArrows lanes={lanes} byPid={timeline.byPid} scale={scale} height={lanesH} />
            {objects.length > 0 && (
              <TransferArrows
                objects={objects}
                lanes={lanes}
                byPid={timeline.byPid}
                marksByPid={objectModel.marksByPid}
                scale={scale}
                height={contentH}
                detailed={detailed}
                chipsFor={chipsFor}
                handlers={handlers}
              />
            )}
            {locks.length > 0 && <LockArrows locks={locks} byPid={timeline.byPid} scale={scale} height={lanesH} />}
          </div>
          {lanes.length === 0 && (
            <div className="tl-empty">
              {live
                ? "Starting…"
                : status === "syntax-error"
                  ? "Nothing ran: the program has a syntax error (see the console)."
                  : "Each process gets its own lane here when you press Run."}
            </div>
          )}
        </div>

        {playheadVisible && playheadX !== null && playhead !== null && (
          <PlayheadMarker
            t={playhead}
            x={playheadX}
            now={now}
            resolution={resolution}
            onScrubStart={scrub.onScrubStart}
            onScrubMove={scrub.onScrubMove}
            onScrubEnd={scrub.onScrubEnd}
          />
        )}
      </div>

      {hover && (
        <TimelineTooltip hover={hover} byPid={timeline.byPid} objects={objectModel} now={now} resolution={resolution} />
      )}
    </div>
  );
}
