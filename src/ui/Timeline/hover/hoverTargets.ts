/**
 * What the pointer can be over on the timeline, and how a drawn part reports it: each
 * hoverable part spreads targetProps, and the Timeline's one LaneHandlers turns that into
 * the tooltip and click-to-source. Each family of lanes describes its own targets
 * (processLanes/processTargets.ts, objectLanes/objectTargets.ts); this is the one place
 * that says which describes which.
 */
import type { PointerEvent as ReactPointerEvent } from "react";
import type { Lane, ObjectModel, RunEvent } from "../../../state";
import {
  describeObjectTarget,
  isObjectTarget,
  objectTargetEvent,
  type ObjectTarget,
} from "../objectLanes/objectTargets";
import { describeProcessTarget, processTargetEvent, type ProcessTarget } from "../processLanes/processTargets";

export type HoverTarget = ProcessTarget | ObjectTarget;

export interface TooltipContent {
  title: string;
  rows: string[];
  /** Tone of the title. */
  tone: "normal" | "blocked" | "error" | "ok" | "warn" | "signal";
  /** Editor line the item points at, if known. */
  line?: number;
}

export interface LaneHandlers {
  hover(target: HoverTarget, e: ReactPointerEvent): void;
  leave(): void;
  select(target: HoverTarget): void;
}

/** Stops a click on an item from also starting a pan or moving the playhead. */
export const stop = (e: ReactPointerEvent) => e.stopPropagation();

/**
 * What makes a drawn item hoverable and clickable: the tooltip follows the pointer
 * over it, a click selects it, and pressing on it does not start a pan.
 */
export function targetProps(handlers: LaneHandlers, target: HoverTarget) {
  return {
    onPointerDown: stop,
    onPointerEnter: (e: ReactPointerEvent) => handlers.hover(target, e),
    onPointerMove: (e: ReactPointerEvent) => handlers.hover(target, e),
    onPointerLeave: handlers.leave,
    onClick: () => handlers.select(target),
  };
}

/** The tooltip's words for a target. */
export function describeTarget(
  target: HoverTarget,
  lanes: ReadonlyMap<number, Lane>,
  objects: ObjectModel,
  now: number,
  resolution: number,
): TooltipContent | null {
  return isObjectTarget(target)
    ? describeObjectTarget(target, objects, lanes, now, resolution)
    : describeProcessTarget(target, lanes, now, resolution);
}

/** The event a click on a target selects: its seq and editor line. */
export function targetEvent(
  target: HoverTarget,
  lanes: ReadonlyMap<number, Lane>,
  events: readonly RunEvent[],
  objects: ObjectModel,
): { seq: number; line: number | null } | null {
  return isObjectTarget(target) ? objectTargetEvent(target, objects) : processTargetEvent(target, lanes, events);
}
