/**
 * Runs the CPython twins in bench/python/, one repetition per call, so run.ts can
 * interleave them with the browser runs (each pair then shares the machine's load).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { run, runChecked } from "./proc";
import { PRINT_LINES_PER_PROC, SPAWN_JOIN_N, SYNC_PROGRAMS, type SyncBench } from "./programs";
import {
  PERCENTILES,
  percentileSeries,
  percentileStats,
  stats,
  statsOf,
  type Percentile,
  type Percentiles,
  type Stats,
} from "./stats";

export const PRINT_PROCS = 2;
export type SpawnMethod = "fork" | "spawn" | "forkserver";
/**
 * P1 variants: fork and spawn with CPython's default buffering of a piped stdout (the
 * target's figures), and fork with PYTHONUNBUFFERED=1, where every print() is its own
 * write(2) - closer to the playground, where every print is an event of its own.
 */
export type PrintVariant = "fork" | "spawn" | "fork-unbuffered";
/**
 * A2/A3 (bench/python/channels.py, cpython_mp.py's b_queue, b_pipe, b_pingpong):
 * Queue child→parent with small ints and with 1 KB bytes, msg/s; Pipe one way, msg/s;
 * Pipe ping-pong, µs per round trip.
 */
export type ChannelBench = "queue_ints" | "queue_bytes" | "pipe" | "pingpong";
export const CHANNEL_BENCHES: readonly ChannelBench[] = ["queue_ints", "queue_bytes", "pipe", "pingpong"];
export const PRINT_VARIANTS: readonly PrintVariant[] = ["fork", "spawn", "fork-unbuffered"];

/**
 * The twins run without PYTHONUNBUFFERED (this machine's environment sets it), so a
 * piped stdout is block-buffered as on a default install; P1's "-unbuffered" variant sets it.
 */
function pythonEnv(unbuffered: boolean): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.PYTHONUNBUFFERED;
  if (unbuffered) env.PYTHONUNBUFFERED = "1";
  return env;
}

export interface CpythonResults {
  python: string;
  /** Where b_spawn came from: the shared reference, or our twin. */
  spawnSource: string;
  /** A1: mean ms per start+join over b_spawn's 20, per start method. */
  spawnJoin: Record<SpawnMethod, Stats>;
  /** A1: each start+join timed on its own, as many as the playground's program does, per start method. */
  spawnJoinEach: Record<SpawnMethod, Percentiles>;
  /** P1: parent's start()..join() of two children writing 100,000 lines to a pipe, ms. */
  printLines: Record<PrintVariant, Stats>;
  /** P1 measured outside: launch..pipe EOF minus interpreter start-up, ms. */
  printLinesPipe: Record<PrintVariant, Stats>;
  /** Where the A2/A3 figures came from: the shared reference, or our twin; and its start method. */
  channelsSource: string;
  /** A2/A3 per workload: msg/s for the throughputs, µs per round trip for ping-pong. */
  channels: Record<ChannelBench, Stats>;
  /** Whether this machine's environment had PYTHONUNBUFFERED set (the twins run without it). */
  envHadUnbuffered: boolean;
  /** L1 ops/s, L2 ns per acquire+release, V1 ns per increment (bench/python/locks.py, default start method). */
  sync: Record<SyncBench, Stats>;
  /** `python3 -c "import multiprocessing"` launch..exit, ms. */
  startupMs: Stats;
}

const PY = "python3";

/** Collects repetitions; `results()` summarises them. */
export class Cpython {
  private readonly dir: string;
  private readonly reference: string;
  private python = "?";
  private spawnSource = "?";
  private readonly spawnJoin: Record<SpawnMethod, number[]> = { fork: [], spawn: [], forkserver: [] };
  private readonly spawnJoinEach = {
    fork: percentileSeries(),
    spawn: percentileSeries(),
    forkserver: percentileSeries(),
  };
  private readonly sync: Record<SyncBench, number[]> = { lock_contended: [], lock_uncontended: [], value_incr: [] };
  private readonly printLines: Record<PrintVariant, number[]> = { fork: [], spawn: [], "fork-unbuffered": [] };
  private readonly printLinesPipe: Record<PrintVariant, number[]> = { fork: [], spawn: [], "fork-unbuffered": [] };
  private readonly channels: Record<ChannelBench, number[]> = {
    queue_ints: [],
    queue_bytes: [],
    pipe: [],
    pingpong: [],
  };
  private channelsSource = "?";
  private startup: Stats = stats([]);

  constructor(private readonly repoRoot: string) {
    this.dir = join(repoRoot, "bench", "python");
    this.reference = join(repoRoot, "..", "shared", "reference", "cpython_mp.py");
  }

  /** Interpreter start-up (subtracted from the launch-to-EOF figure). */
  async measureStartup(reps: number): Promise<void> {
    const ms: number[] = [];
    for (let i = 0; i < reps; i++)
      ms.push(
        (await runChecked(PY, ["-c", "import multiprocessing"], { timeoutMs: 30_000, env: pythonEnv(false) })).wallMs,
      );
    this.startup = stats(ms);
  }

  /**
   * One repetition of A1 for fork, spawn and forkserver: the mean per start+join
   * (cpython_mp.py's b_spawn when present) and each start+join timed on its own.
   */
  async spawnJoinOnce(): Promise<Record<SpawnMethod, { mean: number } & Record<Percentile, number>>> {
    const refArgs = existsSync(this.reference) ? ["--reference", this.reference] : [];
    const args = [join(this.dir, "spawn_join.py"), "--reps", "1", "--n", String(SPAWN_JOIN_N), ...refArgs];
    // Under heavy load a spawn start+join took ~0.8 s, and the script does 60 per method.
    const r = await runChecked(PY, args, { cwd: this.repoRoot, timeoutMs: 300_000, env: pythonEnv(false) });
    const out = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as {
      source: string;
      python: string;
      methods: Record<SpawnMethod, number[]>;
      per_call: Record<SpawnMethod, Record<Percentile, number[]>>;
    };
    this.python = out.python;
    this.spawnSource = out.source;
    const one = (m: SpawnMethod) => {
      const mean = out.methods[m][0] ?? NaN;
      this.spawnJoin[m].push(mean);
      const each = { p50: NaN, p95: NaN, max: NaN };
      for (const q of PERCENTILES) {
        each[q] = out.per_call[m][q][0] ?? NaN;
        this.spawnJoinEach[m][q].push(each[q]);
      }
      return { mean, ...each };
    };
    return { fork: one("fork"), spawn: one("spawn"), forkserver: one("forkserver") };
  }

  /** One repetition of L1, L2 or V1 (bench/python/locks.py), with the playground program's count. */
  async syncOnce(which: SyncBench): Promise<number> {
    const args = [join(this.dir, "locks.py"), "--only", which, "--n", String(SYNC_PROGRAMS[which].n)];
    const r = await runChecked(PY, args, { cwd: this.repoRoot, timeoutMs: 120_000, env: pythonEnv(false) });
    const out = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as { python: string; value: number };
    this.python = out.python;
    this.sync[which].push(out.value);
    return out.value;
  }

  /** One repetition of one A2/A3 workload (cpython_mp.py's functions when present). */
  async channelOnce(which: ChannelBench): Promise<number> {
    const refArgs = existsSync(this.reference) ? ["--reference", this.reference] : [];
    const args = [join(this.dir, "channels.py"), "--reps", "1", "--only", which, ...refArgs];
    const r = await runChecked(PY, args, { cwd: this.repoRoot, timeoutMs: 120_000, env: pythonEnv(false) });
    const out = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as {
      source: string;
      python: string;
      start_method: string;
      results: Record<string, number[]>;
    };
    this.python = out.python;
    this.channelsSource = `${out.source}, start method ${out.start_method}`;
    const v = out.results[which]?.[0] ?? NaN;
    this.channels[which].push(v);
    return v;
  }

  /** One repetition of P1: two children print 50,000 lines each into a pipe we read to EOF. */
  async printLinesOnce(variant: PrintVariant): Promise<{ inner: number; outer: number }> {
    const expected = PRINT_LINES_PER_PROC * PRINT_PROCS;
    const method = variant === "spawn" ? "spawn" : "fork";
    const args = [
      join(this.dir, "print_lines.py"),
      "--method",
      method,
      "--lines",
      String(PRINT_LINES_PER_PROC),
      "--procs",
      String(PRINT_PROCS),
    ];
    const env = pythonEnv(variant === "fork-unbuffered");
    const r = await run(PY, args, { cwd: this.repoRoot, timeoutMs: 120_000, keepStdout: false, env });
    const line = r.stderr.split("\n").find((l) => l.startsWith("BENCH_JSON "));
    if (r.code !== 0 || !line)
      throw new Error(`print_lines.py [${variant}] failed (exit ${r.code}):\n${r.stderr.slice(-2000)}`);
    if (r.stdoutLines !== expected)
      throw new Error(`print_lines.py [${variant}]: the pipe carried ${r.stdoutLines} lines, expected ${expected}`);
    const inner = (JSON.parse(line.slice("BENCH_JSON ".length)) as { ms: number }).ms;
    const outer = r.eofMs - this.startup.median;
    this.printLines[variant].push(inner);
    this.printLinesPipe[variant].push(outer);
    return { inner, outer };
  }

  results(): CpythonResults {
    return {
      python: this.python,
      spawnSource: this.spawnSource,
      spawnJoin: statsOf(this.spawnJoin),
      spawnJoinEach: {
        fork: percentileStats(this.spawnJoinEach.fork),
        spawn: percentileStats(this.spawnJoinEach.spawn),
        forkserver: percentileStats(this.spawnJoinEach.forkserver),
      },
      printLines: statsOf(this.printLines),
      printLinesPipe: statsOf(this.printLinesPipe),
      startupMs: this.startup,
      channelsSource: this.channelsSource,
      channels: statsOf(this.channels),
      sync: statsOf(this.sync),
      envHadUnbuffered: process.env.PYTHONUNBUFFERED !== undefined,
    };
  }
}
