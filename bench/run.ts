/**
 * `npm run bench [-- --quick]`: builds the app, serves it cross-origin isolated, and
 * runs each workload in headless Chromium interleaved with its CPython twin from
 * bench/python/ (so each pair of repetitions shares the machine's load), A1 also in
 * the CLI, then prints one table (also written to bench/results/latest.json).
 *
 * A report, not a test: exits 0 when targets are missed (they say MISSED); exits 1
 * only when the benchmark itself could not run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser";
import { Cli } from "./cli";
import { CHANNEL_BENCHES, Cpython, PRINT_VARIANTS } from "./cpython";
import { killAll, killGroup, runChecked, startServer, waitExit } from "./proc";
import { SYNC_BENCHES } from "./programs";
import { buildReport } from "./report";
import { formatTable } from "./table";
import { Playground } from "./workloads";

/** The preview server's port; BENCH_PORT lets two benches run at once on one machine. */
const PORT = Number(process.env.BENCH_PORT ?? 4392);
if (!Number.isInteger(PORT) || PORT <= 0)
  throw new Error(`BENCH_PORT must be a port number, got ${process.env.BENCH_PORT}`);
const BASE_URL = `http://localhost:${PORT}/`;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const quick = process.argv.includes("--quick");
const reps = quick ? 1 : 3;
const log = (s: string) => console.log(`· ${s}`);

const outDir = mkdtempSync(join(tmpdir(), "mp-bench-dist-"));
let server: ReturnType<typeof startServer> | null = null;
let browser: Browser | null = null;
let interrupted = false;

async function cleanup(): Promise<void> {
  const b = browser;
  browser = null;
  await b?.close().catch(() => {});
  const s = server;
  server = null;
  if (s) {
    killGroup(s.child, "SIGTERM");
    if (!(await waitExit(s.child, 5000))) killGroup(s.child, "SIGKILL");
  }
  killAll("SIGKILL");
  rmSync(outDir, { recursive: true, force: true });
}

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    interrupted = true;
    console.error(`\n${sig}: shutting down the preview server and the browser…`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function portAnswers(): Promise<boolean> {
  try {
    await fetch(BASE_URL, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/** Resolves once the preview answers with cross-origin isolation headers. */
async function waitForServer(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server && server.child.exitCode !== null)
      throw new Error(`vite preview exited ${server.child.exitCode}:\n${server.output()}`);
    try {
      const res = await fetch(BASE_URL, { signal: AbortSignal.timeout(2000) });
      if (res.ok) {
        if (res.headers.get("cross-origin-embedder-policy") !== "require-corp")
          throw new Error("vite preview does not send COEP: require-corp");
        return;
      }
    } catch (e) {
      if (e instanceof Error && e.message.includes("COEP")) throw e;
    }
    if (Date.now() > deadline)
      throw new Error(`vite preview did not answer on ${BASE_URL} within ${timeoutMs} ms:\n${server?.output() ?? ""}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main(): Promise<void> {
  const started = new Date();
  const loadBefore = loadavg();
  log(`building the app (vite build → ${outDir})…`);
  await runChecked("npx", ["vite", "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], {
    cwd: repoRoot,
    timeoutMs: 300_000,
  });

  log(`serving on ${BASE_URL} (vite preview)…`);
  if (await portAnswers())
    throw new Error(`something already answers on ${BASE_URL}; stop it first (the bench needs port ${PORT})`);
  server = startServer(
    "npx",
    ["vite", "preview", "--port", String(PORT), "--strictPort", "--outDir", outDir],
    repoRoot,
  );
  await waitForServer(60_000);
  browser = await launchBrowser();
  log(
    `Chromium ${browser.version()}, CPython via python3: A1 (also in the CLI), P1, A2, A3, L1, L2 and V1, ${reps} interleaved repetition${reps === 1 ? "" : "s"} each`,
  );
  const py = new Cpython(repoRoot);
  await py.measureStartup(5);
  const cli = new Cli(repoRoot);
  const pg = await Playground.open(browser, BASE_URL);
  for (let i = 1; i <= reps; i++) {
    const c = await py.spawnJoinOnce();
    const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);
    for (const m of ["fork", "spawn", "forkserver"] as const)
      log(
        `A1 ${i}/${reps} CPython ${m}: mean of 20 ${ms(c[m].mean)} ms/proc, each p50 ${ms(c[m].p50)} / p95 ${ms(c[m].p95)} / max ${ms(c[m].max)} ms`,
      );
    log(`A1 ${i}/${reps} playground: ${await pg.spawnJoinOnce()}`);
    log(`A1 ${i}/${reps} CLI: ${await cli.spawnJoinOnce()}`);
  }
  for (let i = 1; i <= reps; i++) {
    for (const variant of PRINT_VARIANTS) {
      const c = await py.printLinesOnce(variant);
      log(
        `P1 ${i}/${reps} CPython [${variant}]: start→join ${c.inner.toFixed(0)} ms, launch→EOF − start-up ${c.outer.toFixed(0)} ms`,
      );
    }
    log(`P1 ${i}/${reps} playground: ${await pg.printLinesOnce()}`);
  }
  for (let i = 1; i <= reps; i++) {
    for (const which of CHANNEL_BENCHES) {
      const unit = which === "pingpong" ? "µs/round trip" : "msg/s";
      log(`${which} ${i}/${reps} CPython: ${(await py.channelOnce(which)).toFixed(1)} ${unit}`);
      log(`${which} ${i}/${reps} playground: ${(await pg.channelOnce(which)).line}`);
    }
  }
  for (let i = 1; i <= reps; i++) {
    for (const which of SYNC_BENCHES) {
      const unit = which === "lock_contended" ? "ops/s" : "ns";
      log(`${which} ${i}/${reps} CPython: ${(await py.syncOnce(which)).toFixed(1)} ${unit}`);
      log(`${which} ${i}/${reps} playground: ${await pg.syncOnce(which)}`);
    }
  }
  const playground = pg.results();
  const cpython = py.results();
  const inCli = cli.results();
  await pg.close();
  const loadAfter = loadavg();
  await cleanup();

  const { rows, verdicts } = buildReport(playground, inCli, cpython);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
  console.log("");
  console.log(
    `Multiprocessing Playground bench ${quick ? "(--quick, 1 rep)" : `(${reps} reps)`} · ${started.toISOString()} · ` +
      `${cpus().length} CPUs, load avg ${load(loadBefore)} → ${load(loadAfter)} · CPython ${cpython.python} (A1 means from ${cpython.spawnSource}; A2/A3 from ${cpython.channelsSource}; L1/L2/V1 from bench/python/locks.py)`,
  );
  console.log(formatTable(rows));
  const missed = verdicts.filter((v) => !v.met);
  console.log(
    missed.length === 0
      ? "All targets met."
      : missed
          .map(
            (v) =>
              `MISSED: ${v.description} (${v.playground.toFixed(1)} ${v.unit ?? "ms"} ${v.atLeast ? "<" : ">"} ${v.limit.toFixed(1)} ${v.unit ?? "ms"})`,
          )
          .join("\n"),
  );
  if (playground.pageErrors.length > 0)
    console.log(`Page errors during the run:\n  ${playground.pageErrors.join("\n  ")}`);

  const resultsDir = join(repoRoot, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  const json = {
    date: started.toISOString(),
    quick,
    reps,
    host: { cpus: cpus().length, loadBefore, loadAfter },
    cpython,
    playground,
    cli: inCli,
    verdicts,
    rows,
  };
  writeFileSync(join(resultsDir, "latest.json"), JSON.stringify(json, null, 2) + "\n");
  log(`results written to bench/results/latest.json`);
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    if (interrupted) return; // the signal handler is shutting down; this is just the fallout
    console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await cleanup();
    process.exit(1);
  },
);
