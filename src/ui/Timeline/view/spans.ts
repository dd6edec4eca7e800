/**
 * Keeps the number of drawn shapes bounded: intervals narrower than a pixel are
 * merged with their tiny neighbours, points closer than a glyph are clustered, and
 * whatever lies outside the visible window is skipped.
 */

export interface Interval {
  t0: number;
  /** null: still open, ends at `openEnd`. */
  t1: number | null;
}

export interface PlacedInterval {
  x0: number;
  x1: number;
  /** Index of the first source interval. */
  first: number;
  /** How many source intervals this shape stands for (> 1 only for merged tiny ones). */
  count: number;
}

/**
 * Places intervals on a track `width` px wide. Intervals wider than `minPx` are kept
 * one to one (clipped to the track); runs of narrower ones that touch (gap < minPx)
 * become one shape at least `minPx` wide. Input must be sorted by t0.
 */
export function placeIntervals(
  items: readonly Interval[],
  toX: (t: number) => number,
  width: number,
  openEnd: number,
  minPx = 1,
): PlacedInterval[] {
  const out: PlacedInterval[] = [];
  let group: PlacedInterval | null = null;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (!it) continue;
    const a = toX(it.t0);
    const b = toX(it.t1 ?? openEnd);
    if (b < 0 || a > width) continue;
    const x0 = Math.max(a, -2);
    const x1 = Math.min(Math.max(b, a), width + 2);
    if (x1 - x0 >= minPx) {
      group = null;
      out.push({ x0, x1, first: i, count: 1 });
      continue;
    }
    if (group && x0 - group.x1 < minPx) {
      group.x1 = Math.max(group.x1, x1, group.x0 + minPx);
      group.count++;
      continue;
    }
    group = { x0, x1: Math.max(x1, x0 + minPx), first: i, count: 1 };
    out.push(group);
  }
  return out;
}

export interface Cluster {
  x: number;
  /** Source indices, in x order. */
  members: number[];
}

/** Groups points closer than `minGap` px (a glyph's width) into clusters; skips off-track ones. */
export function clusterPoints(
  ts: readonly number[],
  toX: (t: number) => number,
  width: number,
  minGap: number,
): Cluster[] {
  const idx: { i: number; x: number }[] = [];
  for (let i = 0; i < ts.length; i++) {
    const x = toX(ts[i] ?? 0);
    if (x >= -minGap && x <= width + minGap) idx.push({ i, x });
  }
  idx.sort((p, q) => p.x - q.x || p.i - q.i);
  const out: Cluster[] = [];
  let cur: Cluster | null = null;
  let anchorX = 0;
  for (const { i, x } of idx) {
    if (cur && x - anchorX < minGap) {
      cur.members.push(i);
      continue;
    }
    cur = { x, members: [i] };
    anchorX = x;
    out.push(cur);
  }
  return out;
}

/** Rough width of a label in px at the given font size (for "does it fit?"). */
export function labelWidth(text: string, fontPx: number): number {
  return text.length * fontPx * 0.6;
}

/** Shortens a label to fit `px`, with an ellipsis; "" when not even 3 characters fit. */
export function fitLabel(text: string, px: number, fontPx: number): string {
  const max = Math.floor(px / (fontPx * 0.6));
  if (text.length <= max) return text;
  if (max < 4) return "";
  return `${text.slice(0, max - 1)}…`;
}
