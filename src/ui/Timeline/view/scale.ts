/**
 * The time <-> pixel mapping of the timeline track, and the axis ticks.
 * Pure maths, no DOM: tested in scale.test.ts.
 */

export interface Scale {
  /** Visible window start, ms since run start. */
  t0: number;
  /** Visible window end, ms since run start. */
  t1: number;
  /** Track width in CSS pixels. */
  width: number;
  /** Pixels per millisecond. */
  k: number;
  toX(t: number): number;
  toT(x: number): number;
}

export function makeScale(t0: number, t1: number, width: number): Scale {
  const span = t1 - t0 > 0 ? t1 - t0 : 1;
  const w = width > 0 ? width : 1;
  const k = w / span;
  return {
    t0,
    t1: t0 + span,
    width: w,
    k,
    toX: (t) => (t - t0) * k,
    toT: (x) => t0 + x / k,
  };
}

/** A tick step of 1, 2 or 5 times a power of ten, so that ticks are >= minSpacingPx apart. */
export function niceStep(spanMs: number, widthPx: number, minSpacingPx: number): number {
  if (!(spanMs > 0) || !(widthPx > 0)) return 1;
  const maxTicks = Math.max(1, Math.floor(widthPx / Math.max(1, minSpacingPx)));
  const raw = spanMs / maxTicks;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) {
    const step = m * pow;
    if (step >= raw - 1e-12) return step;
  }
  return 10 * pow;
}

export interface Ticks {
  step: number;
  values: number[];
}

/** Tick times inside [t0, t1], multiples of a nice step. Never more than width/minSpacing + 1. */
export function makeTicks(t0: number, t1: number, widthPx: number, minSpacingPx = 96): Ticks {
  const step = niceStep(t1 - t0, widthPx, minSpacingPx);
  const values: number[] = [];
  const first = Math.ceil(t0 / step - 1e-9);
  for (let i = first; i * step <= t1 + 1e-9 && values.length < 1000; i++) {
    // Round away float noise (0.30000000000000004) so labels stay clean.
    values.push(Number((i * step).toPrecision(12)));
  }
  return { step, values };
}

/** Decimals needed to show multiples of `step` milliseconds in seconds. */
function secondDecimals(stepMs: number): number {
  const s = stepMs / 1000;
  if (s >= 1) return 0;
  return Math.min(3, Math.ceil(-Math.log10(s) - 1e-9));
}

/**
 * An axis label: seconds ("0 s", "0.25 s", "12 s") unless the step is below 10 ms,
 * where milliseconds read better ("12 ms", "12.5 ms").
 */
export function formatTick(t: number, step: number): string {
  if (step < 10) {
    const d = step >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(step) - 1e-9));
    return `${trimTrailing(trimZero(t.toFixed(d)))} ms`;
  }
  let d = secondDecimals(step);
  // A step like 250 ms needs two decimals even though 0.1 s would need one.
  while (d < 3 && Math.abs(Math.round((step / 1000) * 10 ** d) - (step / 1000) * 10 ** d) > 1e-9) d++;
  return `${trimTrailing(trimZero((t / 1000).toFixed(d)))} s`;
}

function trimZero(s: string): string {
  return s === "-0" ? "0" : s.replace(/^-0(\.0+)?$/, "0$1");
}

/** A point in time for labels, e.g. "0.52 s"; `resolution` (ms) picks the precision. */
export function formatTime(ms: number, resolution = 10): string {
  const t = Math.max(0, ms);
  if (resolution < 1 && t < 1000) return `${t.toFixed(1)} ms`;
  const d = resolution >= 1000 ? 1 : resolution >= 100 ? 1 : resolution >= 10 ? 2 : 3;
  return `${(t / 1000).toFixed(d)} s`;
}

/** A duration for tooltips: "0.4 ms", "35 ms", "510 ms", "1.51 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  const d = Math.max(0, ms);
  if (d < 10) return `${trimTrailing(d.toFixed(1))} ms`;
  if (d < 1000) return `${Math.round(d)} ms`;
  if (d < 60_000) return `${trimTrailing((d / 1000).toFixed(2))} s`;
  const min = Math.floor(d / 60_000);
  const s = Math.round((d - min * 60_000) / 1000);
  return `${min} min ${s} s`;
}

function trimTrailing(s: string): string {
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}
