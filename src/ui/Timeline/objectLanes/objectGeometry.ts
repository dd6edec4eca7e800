/**
 * Where the queues' and pipes' places sit below the process lanes, and how an object's
 * items stack inside its place. Pure: shared by ChannelLane (the places) and
 * TransferArrows (the arrows that run between lanes and places).
 */
import { ObjectModel, type ChannelObject } from "../../../state";
import { LANE_H } from "../view/layout";

/** The "Shared objects" heading between the process lanes and the places, px. */
export const OBJ_HEAD_H = 30;
/** Height of one object's place, px. */
export const OBJ_H = 88;
/** Room above and below the stacked items inside a place, px. */
export const PLACE_PAD_T = 12;
export const PLACE_PAD_B = 8;
const INNER_H = OBJ_H - PLACE_PAD_T - PLACE_PAD_B;
/** Items are drawn one by one (chips) only when a row is at least this tall. */
const MIN_CHIP_ROW_H = 10;
const MAX_CHIP_ROW_H = 22;
/** More items than this in view in one place: its chart only, no chips. */
export const CHIP_LIMIT = 240;
/** More transfers than this in view in all: density bands instead of arrows. */
export const ARROW_LIMIT = 300;

/** Top of the i-th object's place in the timeline's content, px. */
export function placeTop(laneCount: number, objIndex: number): number {
  return laneCount * LANE_H + OBJ_HEAD_H + objIndex * OBJ_H;
}

export interface PlaceRows {
  /** Rows the place is divided into (maxsize for a bounded queue, else the most used). */
  count: number;
  /** Height of one row, px (may be fractional in chart mode). */
  h: number;
  /** Items can be drawn as chips at this size. */
  chips: boolean;
}

export function placeRows(obj: ChannelObject): PlaceRows {
  const count = Math.max(1, obj.maxsize ?? 0, obj.kind === "Pipe" ? obj.rows : Math.max(obj.rows, obj.maxLen));
  const h = Math.min(MAX_CHIP_ROW_H, INNER_H / count);
  return { count, h, chips: h >= MIN_CHIP_ROW_H && obj.rows <= count };
}

/**
 * Items in view are drawn one by one (chips) when arrows are (`detailed`: few enough
 * transfers in view in all), the place's rows are tall enough, and it has few enough
 * items in view. ChannelLane draws them; TransferArrows ends its arrows on their rows.
 */
export function showsChips(obj: ChannelObject, win: { t0: number; t1: number }, detailed: boolean): boolean {
  const r = ObjectModel.itemRange(obj, win.t0, win.t1);
  return detailed && placeRows(obj).chips && r.to - r.from <= CHIP_LIMIT;
}

/** y (within the place) of the bottom of the stack: items fill it upwards, like a glass. */
export const placeBase = (): number => OBJ_H - PLACE_PAD_B;

/** y (within the place) of the middle of a row. */
export function rowMid(rows: PlaceRows, row: number): number {
  return placeBase() - (row + 0.5) * rows.h;
}

/**
 * The outline of a step chart (length over time) for points [i0, i1) as SVG path
 * commands, one pixel column at a time: up to the highest value the column saw (so a
 * burst inside one pixel stays visible), then to where it ended, then flat to the next
 * column. 100,000 changes draw as a few hundred points. `x` maps a time to its pixel
 * column, `y` a value to its height; the caller closes the shape.
 */
export function stepChartPath(
  ts: ArrayLike<number>,
  ns: ArrayLike<number>,
  i0: number,
  i1: number,
  x: (t: number) => number,
  y: (n: number) => number,
): string {
  let d = "";
  let col = Number.NaN;
  let colMax = 0;
  let level = 0;
  const endColumn = () => {
    if (Number.isNaN(col)) return;
    d += d === "" ? `M ${col} ${y(0)} V ${y(colMax)}` : ` H ${col} V ${y(colMax)}`;
    if (level !== colMax) d += ` V ${y(level)}`;
  };
  for (let i = i0; i < i1; i++) {
    const cx = x(ts[i] ?? 0);
    const n = ns[i] ?? 0;
    if (cx !== col) {
      endColumn();
      col = cx;
      colMax = n;
    } else if (n > colMax) colMax = n;
    level = n;
  }
  endColumn();
  return d;
}
