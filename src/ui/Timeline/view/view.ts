/**
 * The visible time window of the timeline and how zoom and pan move it.
 *
 * Three modes keep a live run readable without the learner doing anything:
 * - "fit": the whole run, growing as it runs (the default);
 * - "follow": a fixed span whose right edge rides "now" (after zooming in on a live run);
 * - "fixed": a window the learner panned or zoomed to; it stays put.
 */

export type ViewState = { kind: "fit" } | { kind: "follow"; span: number } | { kind: "fixed"; t0: number; t1: number };

export interface Window {
  t0: number;
  t1: number;
}

/** The smallest window a learner can zoom to, in ms. */
export const MIN_SPAN = 2;
/** While live, the fit window never shows less than this, so the first bars don't fly across the screen. */
export const MIN_FIT_SPAN = 500;
/** A finished run is fitted exactly, however short (down to this). */
export const MIN_FIT_SPAN_DONE = 5;
/** Blank room kept to the right of "now", as a fraction of the span. */
export const RIGHT_PAD = 0.04;
/** Room left of the first process, so its creation marker isn't cut in half. */
export const LEFT_PAD = 0.01;

/**
 * The whole run plus a little room: from `start` (the first process's creation; the
 * kernel's start-up before it is blank) to now. While live the span grows in steps
 * (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^k ms), so the axis stays still between steps
 * and only the growing bars move; a finished run is fitted exactly.
 */
export function fitWindow(now: number, live = true, start = 0): Window {
  const from = Math.max(0, Math.min(start, now));
  const used = (now - from) * (1 + RIGHT_PAD + LEFT_PAD);
  const span = live ? niceCeil(Math.max(MIN_FIT_SPAN, used * 1.02)) : Math.max(MIN_FIT_SPAN_DONE, used);
  const t0 = Math.max(0, from - span * LEFT_PAD);
  return { t0, t1: t0 + span };
}

const LADDER = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest value of the 1-1.2-1.5-2-2.5-3-4-5-6-8 ladder that is >= x. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const pow = 10 ** Math.floor(Math.log10(x));
  for (const m of LADDER) if (m * pow >= x * (1 - 1e-12)) return m * pow;
  return 10 * pow;
}

export function resolveView(view: ViewState, now: number, live = true, start = 0): Window {
  switch (view.kind) {
    case "fit":
      return fitWindow(now, live, start);
    case "follow": {
      const t1 = Math.max(view.span, now + view.span * RIGHT_PAD);
      return { t0: t1 - view.span, t1 };
    }
    case "fixed":
      return { t0: view.t0, t1: view.t1 };
  }
}

/**
 * Chooses the mode for a window the learner just produced: back to "fit" when it
 * covers the whole run, "follow" when its right edge reaches now while live,
 * otherwise "fixed". Also clamps it to the run (a little slack either side).
 */
export function settle(w: Window, now: number, live: boolean, start = 0): ViewState {
  const full = fitWindow(now, live, start);
  let span = Math.max(MIN_SPAN, w.t1 - w.t0);
  if (span >= full.t1 - full.t0) return { kind: "fit" };
  let t0 = w.t0;
  const minT0 = full.t0 - span * RIGHT_PAD;
  const maxT1 = Math.max(full.t1, now + span * RIGHT_PAD);
  if (t0 < minT0) t0 = minT0;
  if (t0 + span > maxT1) t0 = maxT1 - span;
  span = Math.max(MIN_SPAN, span);
  const t1 = t0 + span;
  if (live && t1 >= now) return { kind: "follow", span };
  return { kind: "fixed", t0, t1 };
}

/** Zooms by `factor` (< 1 zooms in) keeping time `anchor` under the same pixel. */
export function zoom(w: Window, factor: number, anchor: number): Window {
  const span = Math.max(MIN_SPAN, (w.t1 - w.t0) * factor);
  const f = w.t1 > w.t0 ? (anchor - w.t0) / (w.t1 - w.t0) : 0.5;
  const t0 = anchor - f * span;
  return { t0, t1: t0 + span };
}

export function pan(w: Window, dt: number): Window {
  return { t0: w.t0 + dt, t1: w.t1 + dt };
}

/** The window moved just enough to show time t (with a margin), or unchanged. */
export function reveal(w: Window, t: number, marginFraction = 0.05): Window {
  const span = w.t1 - w.t0;
  const m = span * marginFraction;
  if (t < w.t0 + m) return { t0: t - m, t1: t - m + span };
  if (t > w.t1 - m) return { t0: t + m - span, t1: t + m };
  return w;
}
