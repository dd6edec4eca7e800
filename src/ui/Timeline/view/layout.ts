/** Pixel geometry shared by the timeline's parts; CSS that depends on it says so. */

/** Width of the name column, px (must match .tl-name in processLanes/Lanes.css). */
export const NAME_W = 264;
/** Height of the time axis above the tracks, px. */
export const AXIS_H = 38;

/** Height of one process's lane, px. */
export const LANE_H = 46;
/** Top of the lifecycle bar within its lane, px. */
export const BAR_Y = 15;
/** Height of the lifecycle bar, px. */
export const BAR_H = 18;
/** Vertical middle of the bar: where marks, labels and the starting line sit. */
export const BAR_MID = BAR_Y + BAR_H / 2;
