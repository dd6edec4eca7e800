/**
 * A1 in the CLI: `node bin/mp-playground.mjs run bench/programs/spawn-join.ts` as a
 * child process, one run per call (a fresh Node, kernel and warm workers each time, as
 * a person running the command gets), so run.ts can interleave it with the others.
 */
import { join } from "node:path";
import { lastBench } from "./benchLine";
import { runChecked } from "./proc";
import { SPAWN_JOIN_PATH } from "./programs";
import { PERCENTILES, percentileSeries, percentileStats, stats, type Percentiles, type Stats } from "./stats";

export interface CliResults {
  /** Mean ms per start+join, one value per run. */
  spawnJoin: Stats;
  /** p50, p95 and max of one run's single start+joins, ms, one value per run. */
  spawnJoinEach: Percentiles;
}

export class Cli {
  private readonly mean: number[] = [];
  private readonly each = percentileSeries();

  constructor(private readonly repoRoot: string) {}

  /** One run of the A1 program; returns a line for the progress log. */
  async spawnJoinOnce(): Promise<string> {
    const bin = join(this.repoRoot, "bin", "mp-playground.mjs");
    const r = await runChecked(process.execPath, [bin, "run", SPAWN_JOIN_PATH], {
      cwd: this.repoRoot,
      timeoutMs: 180_000,
    });
    const bench = lastBench(r.stdout.trim().split("\n"));
    if (bench?.name !== "spawn_join_ms")
      throw new Error(`the CLI printed no BENCH spawn_join_ms line:\n${r.stdout.slice(-2000)}${r.stderr.slice(-2000)}`);
    const f = bench.fields;
    this.mean.push(bench.value);
    for (const q of PERCENTILES) this.each[q].push(f[`${q}_ms`] ?? NaN);
    return `${bench.value.toFixed(2)} ms/proc, each p50 ${f.p50_ms} / p95 ${f.p95_ms} / max ${f.max_ms} ms (command took ${r.wallMs.toFixed(0)} ms)`;
  }

  results(): CliResults {
    return {
      spawnJoin: stats(this.mean),
      spawnJoinEach: percentileStats(this.each),
    };
  }
}
