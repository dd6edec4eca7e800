/** Words for a lane's state at a moment, shown next to the playhead. */
import { describeBlock, TimelineModel, type Lane } from "../../../state";
import { exitBadge } from "./exitBadge";
import { formatTime } from "../view/scale";

export type LaneStateKind = "not-started" | "created" | "running" | "blocked" | "exited";

export interface LaneStateLabel {
  state: LaneStateKind;
  text: string;
}

export function laneStateLabel(lane: Lane, t: number, resolution = 10): LaneStateLabel {
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
      return {
        state: at.state,
        text: b ? `blocked in ${describeBlock(b.on)} since ${formatTime(b.t0, resolution)}` : "blocked",
      };
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
