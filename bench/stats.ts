/** Median, min and max of a series of repetitions. */
export interface Stats {
  median: number;
  min: number;
  max: number;
  values: number[];
}

export function stats(values: readonly number[]): Stats {
  if (values.length === 0) return { median: NaN, min: NaN, max: NaN, values: [] };
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return { median, min: s[0] as number, max: s[s.length - 1] as number, values: [...values] };
}

/** Stats of each series of a record of them. */
export function statsOf<K extends string>(series: Record<K, number[]>): Record<K, Stats> {
  return Object.fromEntries(Object.entries<number[]>(series).map(([k, v]) => [k, stats(v)])) as Record<K, Stats>;
}

/** A1's figures of one run's single start+joins (nearest rank, as the programs compute them). */
export const PERCENTILES = ["p50", "p95", "max"] as const;
export type Percentile = (typeof PERCENTILES)[number];
/** Each of p50, p95 and max over the runs: one value per run. */
export type Percentiles = Record<Percentile, Stats>;

/** Empty per-percentile series to push each run's figures into. */
export const percentileSeries = (): Record<Percentile, number[]> => ({ p50: [], p95: [], max: [] });

export const percentileStats = (series: Record<Percentile, number[]>): Percentiles => statsOf(series);
