/**
 * The browser workloads A1, P1, A2, A3, L1, L2 and V1 in one page of the playground, one run per call,
 * so run.ts can interleave them with the CPython repetitions.
 */
import type { Browser, Page } from "playwright-core";
import { loadSnippet, openPlayground, RunFailed, runOnce } from "./browser";
import { saysNotAvailable } from "./benchLine";
import type { ChannelBench } from "./cpython";
import {
  PIPE_ONE_WAY,
  PIPE_PING_PONG,
  PRINT_LINES,
  PRINT_LINES_PER_PROC,
  queueProgram,
  SPAWN_JOIN,
  SYNC_PROGRAMS,
  type SyncBench,
} from "./programs";
import { PERCENTILES, percentileSeries, percentileStats, stats, statsOf, type Percentiles, type Stats } from "./stats";

export const PRINT_TOTAL_LINES = 2 * PRINT_LINES_PER_PROC;
/**
 * Idle time before each measured run, so every run starts from a settled page: the
 * kernel's warm process workers refilled and the editor's TypeScript worker done with
 * the new code (both otherwise compete for the CPU with the run).
 */
const SETTLE_MS = 1500;

export interface BrowserResults {
  userAgent: string;
  /** A1: mean ms per start+join, one value per run of the snippet (each after 2 warm-up rounds). */
  spawnJoin: Stats;
  /** A1: mean ms spent inside start() per process. */
  spawnJoinInStart: Stats;
  /** A1: p50, p95 and max of a run's single start+joins, ms. */
  spawnJoinEach: Percentiles;
  /** P1: click on Run until all 100,000 lines are in the console and painted, ms. */
  printShown: Stats;
  /** P1: click until the status pill says finished, ms. */
  printFinished: Stats;
  /** P1: the program's own start()..join() time, ms. */
  printInProgram: Stats;
  /** P1: click on Run until the line count reached 100,000 (before the next frame), ms. */
  printCount: Stats;
  /** P1 split by wall clock: click → program start, click → first line, program end → all shown, ms. */
  printBreakdown: {
    clickToStart: Stats;
    firstLine: Stats;
    endToShown: Stats;
    shownAtJoin: Stats;
    longTasksMs: Stats;
    longestTaskMs: Stats;
  };
  /** A2/A3: msg/s for the throughputs, µs per round trip for ping-pong, one value per run. */
  channels: Record<ChannelBench, Stats>;
  /** A2/A3: click on Run until the status pill says finished, ms (start-up, the workload, exit). */
  channelsFinished: Record<ChannelBench, Stats>;
  /**
   * L1 ops/s, L2 ns per pair, V1 ns per increment, one value per run; null when the
   * program died of NotImplementedError (what it uses is not in this runtime yet).
   */
  sync: Record<SyncBench, Stats | null>;
  /** L1/L2/V1: click on Run until the status pill says finished, ms. */
  syncFinished: Record<SyncBench, Stats>;
  pageErrors: string[];
}

type SnippetId = "A1" | "P1" | ChannelBench | SyncBench;

const SNIPPETS: Record<SnippetId, { code: string; bench: string }> = {
  A1: { code: SPAWN_JOIN, bench: "spawn_join_ms" },
  P1: { code: PRINT_LINES, bench: "print_lines_ms" },
  queue_ints: { code: queueProgram("ints"), bench: "queue_ints_msg_s" },
  queue_bytes: { code: queueProgram("bytes"), bench: "queue_bytes_msg_s" },
  pipe: { code: PIPE_ONE_WAY, bench: "pipe_msg_s" },
  pingpong: { code: PIPE_PING_PONG, bench: "pingpong_us" },
  lock_contended: { code: SYNC_PROGRAMS.lock_contended.code, bench: "lock_contended_ops_s" },
  lock_uncontended: { code: SYNC_PROGRAMS.lock_uncontended.code, bench: "lock_uncontended_ns" },
  value_incr: { code: SYNC_PROGRAMS.value_incr.code, bench: "value_incr_ns" },
};

const series = <K extends string>(...keys: K[]) =>
  Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;

export class Playground {
  private readonly a1 = series("value", "inStart");
  private readonly a1Each = percentileSeries();
  private readonly p1 = series(
    "shown",
    "finished",
    "inner",
    "count",
    "clickToStart",
    "firstLine",
    "endToShown",
    "shownAtJoin",
    "longTasks",
    "longest",
  );
  private readonly ch = series<ChannelBench>("queue_ints", "queue_bytes", "pipe", "pingpong");
  private readonly chFinished = series<ChannelBench>("queue_ints", "queue_bytes", "pipe", "pingpong");
  private readonly sync = series<SyncBench>("lock_contended", "lock_uncontended", "value_incr");
  private readonly syncFinished = series<SyncBench>("lock_contended", "lock_uncontended", "value_incr");
  /** The sync benches whose program raised NotImplementedError: not in this runtime yet. */
  private readonly unavailable = new Set<SyncBench>();
  private loaded: SnippetId = "A1";

  private constructor(
    private readonly page: Page,
    private readonly errors: string[],
    private readonly userAgent: string,
  ) {}

  static async open(browser: Browser, baseUrl: string): Promise<Playground> {
    const { page, errors } = await openPlayground(browser, baseUrl, SPAWN_JOIN);
    return new Playground(page, errors, await page.evaluate(() => navigator.userAgent));
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => {});
  }

  /** One run of the A1 snippet; returns a line for the progress log. */
  async spawnJoinOnce(): Promise<string> {
    await this.load("A1");
    await this.page.waitForTimeout(SETTLE_MS);
    const m = await runOnce(this.page, { targetLines: null, timeoutMs: 60_000 });
    expectBench(m.bench.name, "spawn_join_ms");
    this.a1.value.push(m.bench.value);
    const f = m.bench.fields;
    this.a1.inStart.push(f.start_ms ?? NaN);
    for (const q of PERCENTILES) this.a1Each[q].push(f[`${q}_ms`] ?? NaN);
    return `${m.bench.value.toFixed(2)} ms/proc, each p50 ${f.p50_ms} / p95 ${f.p95_ms} / max ${f.max_ms} ms (in start() ${f.start_ms} ms; run took ${m.finishedMs.toFixed(0)} ms)`;
  }

  /**
   * One run of an L1/L2/V1 snippet; returns a line for the progress log. A program
   * that dies of NotImplementedError marks its row "not available", not the bench failed.
   */
  async syncOnce(which: SyncBench): Promise<string> {
    if (this.unavailable.has(which)) return "not available in this runtime (skipped)";
    await this.load(which);
    await this.page.waitForTimeout(SETTLE_MS);
    let m;
    try {
      m = await runOnce(this.page, { targetLines: null, timeoutMs: 180_000 });
    } catch (e) {
      if (!(e instanceof RunFailed) || !saysNotAvailable(e.tail.join("\n"))) throw e;
      this.unavailable.add(which);
      return `not available: ${e.tail.find((l) => saysNotAvailable(l)) ?? "NotImplementedError"}`;
    }
    expectBench(m.bench.name, SNIPPETS[which].bench);
    this.sync[which].push(m.bench.value);
    this.syncFinished[which].push(m.finishedMs);
    return `${m.bench.value.toFixed(1)} (run took ${m.finishedMs.toFixed(0)} ms)`;
  }

  /** One run of an A2/A3 snippet; returns its figure and a line for the progress log. */
  async channelOnce(which: ChannelBench): Promise<{ value: number; line: string }> {
    await this.load(which);
    await this.page.waitForTimeout(SETTLE_MS);
    const m = await runOnce(this.page, { targetLines: null, timeoutMs: 180_000 });
    expectBench(m.bench.name, SNIPPETS[which].bench);
    this.ch[which].push(m.bench.value);
    this.chFinished[which].push(m.finishedMs);
    const unit = which === "pingpong" ? "µs/round trip" : "msg/s";
    const join = m.bench.fields.join_ms !== undefined ? `, join() after the last get ${m.bench.fields.join_ms} ms` : "";
    return {
      value: m.bench.value,
      line: `${m.bench.value.toFixed(1)} ${unit} (run took ${m.finishedMs.toFixed(0)} ms${join})`,
    };
  }

  /** One run of the P1 snippet; returns a line for the progress log. */
  async printLinesOnce(): Promise<string> {
    await this.load("P1");
    await this.page.waitForTimeout(SETTLE_MS);
    const m = await runOnce(this.page, { targetLines: PRINT_TOTAL_LINES, timeoutMs: 180_000 });
    expectBench(m.bench.name, "print_lines_ms");
    if (m.lineCount !== PRINT_TOTAL_LINES + 1)
      throw new Error(
        `P1: console holds ${m.lineCount} lines, expected ${PRINT_TOTAL_LINES + 1} (incl. the BENCH line)`,
      );
    const startAt = (m.bench.fields.start_epoch_ms ?? NaN) - m.clickEpochMs;
    const endAt = (m.bench.fields.end_epoch_ms ?? NaN) - m.clickEpochMs;
    const atJoin = m.countSamples.filter(([t]) => t <= endAt).pop()?.[1] ?? 0;
    const add = (k: keyof typeof this.p1, v: number) => this.p1[k].push(v);
    add("shown", m.shownMs);
    add("finished", m.finishedMs);
    add("inner", m.bench.value);
    add("count", m.countMs);
    add("clickToStart", startAt);
    add("firstLine", m.firstLineMs);
    add("endToShown", m.shownMs - endAt);
    add("shownAtJoin", atJoin);
    add("longTasks", m.longTasks.totalMs);
    add("longest", m.longTasks.longestMs);
    return (
      `all lines shown ${m.shownMs.toFixed(0)} ms, finished ${m.finishedMs.toFixed(0)} ms, in-program ${m.bench.value.toFixed(0)} ms ` +
      `(program started at +${startAt.toFixed(0)} ms, first line at +${m.firstLineMs.toFixed(0)} ms, program ended at +${endAt.toFixed(0)} ms ` +
      `with ${atJoin} lines on screen; ${m.countSamples.length} console updates; ` +
      `UI thread long tasks ${m.longTasks.count}, ${m.longTasks.totalMs.toFixed(0)} ms, longest ${m.longTasks.longestMs.toFixed(0)} ms)`
    );
  }

  results(): BrowserResults {
    const a = (k: keyof typeof this.a1) => stats(this.a1[k]);
    const p = (k: keyof typeof this.p1) => stats(this.p1[k]);
    return {
      userAgent: this.userAgent,
      spawnJoin: a("value"),
      spawnJoinInStart: a("inStart"),
      spawnJoinEach: percentileStats(this.a1Each),
      printShown: p("shown"),
      printFinished: p("finished"),
      printInProgram: p("inner"),
      printCount: p("count"),
      printBreakdown: {
        clickToStart: p("clickToStart"),
        firstLine: p("firstLine"),
        endToShown: p("endToShown"),
        shownAtJoin: p("shownAtJoin"),
        longTasksMs: p("longTasks"),
        longestTaskMs: p("longest"),
      },
      channels: statsOf(this.ch),
      channelsFinished: statsOf(this.chFinished),
      sync: {
        lock_contended: this.syncStats("lock_contended"),
        lock_uncontended: this.syncStats("lock_uncontended"),
        value_incr: this.syncStats("value_incr"),
      },
      syncFinished: statsOf(this.syncFinished),
      pageErrors: [...this.errors],
    };
  }

  private syncStats(which: SyncBench): Stats | null {
    return this.unavailable.has(which) ? null : stats(this.sync[which]);
  }

  private async load(which: SnippetId): Promise<void> {
    if (this.loaded === which) return;
    await loadSnippet(this.page, SNIPPETS[which].code);
    this.loaded = which;
  }
}

function expectBench(got: string, want: string): void {
  if (got !== want) throw new Error(`expected a BENCH ${want} line, got BENCH ${got} (wrong snippet in the editor?)`);
}
