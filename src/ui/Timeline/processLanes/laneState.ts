/** Words for a lane's state at a moment, shown next to the playhead. */
import { describeBlock, TimelineModel, type Lane } from "../../../state";
import { exitBadge } from "./exitBadge";
import { formatTime } from "../view/scale";

export type LaneStateKind = "not-started" | "created" | "running" | "blocked" | "exited";

export interface LaneStateLabel {
  state: LaneStateKind;
  text: string;
}

/** Who holds a lock at t, by name (null: nobody, or not a lock): the blocked lane names them. */
export type HolderOf = (objId: number, t: number) => string | null;

export function laneStateLabel(lane: Lane, t: number, resolution = 10, holderOf?: HolderOf): LaneStateLabel {
  const at = TimelineModel.stateAt(lane, t);
  switch (at.state) {
    case "not-started":
      return { state: at.state, text: "not created yet" };
    case "created":
      return { state: at.state, text: `starting since ${formatTime(lane.createdAt, resolution)}` };
    case "running":
      return { state: at.state, text: "running" };
    case "blocked": {
      const b = at.block;
      if (!b) return { state: at.state, text: "blocked" };
      const since = formatTime(b.t0, resolution);
      const holder = b.on.op === "obj" ? (holderOf?.(b.on.objId, t) ?? null) : null;
      if (b.on.op === "obj" && holder !== null)
        return {
          state: at.state,
          text: `blocked in ${b.on.call}(${b.on.objLabel}), held by ${holder}, since ${since}`,
        };
      return { state: at.state, text: `blocked in ${describeBlock(b.on)} since ${since}` };
    }
    case "exited": {
      const badge = exitBadge(lane.exitCode, lane.exitReason);
      return {
        state: at.state,
        text: badge.tone === "signal" ? `${badge.words} (${badge.code})` : `exited (${badge.code})`,
      };
    }
  }
}
