/**
 * Runs the CPython twins in bench/python/, one repetition per call, so run.ts can
 * interleave them with the browser runs (each pair then shares the machine's load).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { run, runChecked } from "./proc";
import { PRINT_LINES_PER_PROC } from "./programs";
import { stats, type Stats } from "./stats";

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
  /** A1: ms per start+join, per start method. */
  spawnJoin: Record<SpawnMethod, Stats>;
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

  /** One repetition of A1 for fork, spawn and forkserver (cpython_mp.py's b_spawn when present). */
  async spawnJoinOnce(): Promise<Record<SpawnMethod, number>> {
    const refArgs = existsSync(this.reference) ? ["--reference", this.reference] : [];
    const r = await runChecked(PY, [join(this.dir, "spawn_join.py"), "--reps", "1", ...refArgs], {
      cwd: this.repoRoot,
      timeoutMs: 120_000,
      env: pythonEnv(false),
    });
    const out = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as {
      source: string;
      python: string;
      methods: Record<SpawnMethod, number[]>;
    };
    this.python = out.python;
    this.spawnSource = out.source;
    const one = { fork: NaN, spawn: NaN, forkserver: NaN };
    for (const m of ["fork", "spawn", "forkserver"] as const) {
      one[m] = out.methods[m][0] ?? NaN;
      this.spawnJoin[m].push(one[m]);
    }
    return one;
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
    const per = <K extends string>(rec: Record<K, number[]>) =>
      Object.fromEntries(Object.entries<number[]>(rec).map(([k, v]) => [k, stats(v)])) as Record<K, Stats>;
    return {
      python: this.python,
      spawnSource: this.spawnSource,
      spawnJoin: per(this.spawnJoin),
      printLines: per(this.printLines),
      printLinesPipe: per(this.printLinesPipe),
      startupMs: this.startup,
      channelsSource: this.channelsSource,
      channels: per(this.channels),
      envHadUnbuffered: process.env.PYTHONUNBUFFERED !== undefined,
    };
  }
}
