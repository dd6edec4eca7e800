/**
 * Drives the built playground in headless Chromium: opens a snippet from a `#code=`
 * link, clicks Run, and times the run from inside the page (a capturing click
 * listener starts the clock; a MutationObserver on the console's line count and the
 * status pill stops it), then reads the snippet's `BENCH` line from the console.
 */
import { existsSync } from "node:fs";
import LZString from "lz-string";
import { chromium, type Browser, type Page } from "playwright-core";
import { lastBench, type Bench } from "./benchLine";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

export function launchBrowser(): Promise<Browser> {
  const executablePath = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
  return chromium.launch({ executablePath, args: ARGS, timeout: 60_000 });
}

export const codeHash = (code: string) => `#code=${LZString.compressToEncodedURIComponent(code)}`;

export interface PageSession {
  page: Page;
  /** Uncaught page errors and console.error messages seen so far. */
  errors: string[];
}

/** Opens the app on `code` and waits until it can run (isolated, Run enabled, kernel warmed). */
export async function openPlayground(browser: Browser, baseUrl: string, code: string): Promise<PageSession> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
  await page.goto(baseUrl + codeHash(code), { waitUntil: "load", timeout: 60_000 });
  await page.getByRole("button", { name: "Run", exact: true }).waitFor({ state: "visible", timeout: 60_000 });
  const isolated = await page.evaluate(() => window.crossOriginIsolated);
  if (!isolated) throw new Error("the page is not crossOriginIsolated (are the COOP/COEP headers served?)");
  // Let the kernel worker (created by the first syntax check) boot its warm process workers.
  await page.waitForTimeout(1000);
  return { page, errors };
}

/** Puts another snippet in the editor of the open page (the app follows hash changes). */
export async function loadSnippet(page: Page, code: string): Promise<void> {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, codeHash(code));
  await page.waitForTimeout(300);
}

export interface RunMeasure {
  /** Click on Run until the status pill says finished, ms. */
  finishedMs: number;
  /** Click until the console's line count first reached `targetLines`, ms (NaN without a target). */
  countMs: number;
  /** As countMs, plus the next animation frame: the lines are on screen, ms. */
  shownMs: number;
  /** Click until the first line appeared in the console, ms (NaN without a target). */
  firstLineMs: number;
  /** Wall-clock time of the click, epoch ms (to line up with the program's time.time()). */
  clickEpochMs: number;
  lineCount: number;
  /** [ms since the click, lines in the console] at every change of the line count. */
  countSamples: [number, number][];
  /** The page's main thread during the run: long tasks (> 50 ms), their total and the longest, ms. */
  longTasks: { count: number; totalMs: number; longestMs: number };
  bench: Bench;
}

interface PageRecord {
  t0: number;
  epoch0: number;
  tFirst: number;
  tCount: number;
  tShown: number;
  tFinished: number;
  status: string;
  exitCode: string | null;
  samples: [number, number][];
  longTasks: { count: number; totalMs: number; longestMs: number };
}

/** A run that did not finish with exit code 0; `tail` is the end of its console. */
export class RunFailed extends Error {
  constructor(
    readonly status: string,
    readonly exitCode: string | null,
    readonly tail: string[],
  ) {
    super(`run ended ${status} with exit code ${exitCode}; console tail:\n${tail.join("\n")}`);
  }
}

/** Clicks Run once and measures; throws unless the run finishes with exit code 0 and prints a BENCH line. */
export async function runOnce(
  page: Page,
  opts: { targetLines: number | null; timeoutMs: number },
): Promise<RunMeasure> {
  // tsx (esbuild keepNames) wraps named inner functions in __name(); define it for the serialised copy.
  await page.evaluate("globalThis.__name ??= (fn) => fn");
  await page.evaluate(instrument, opts.targetLines);
  await page.getByRole("button", { name: "Run", exact: true }).click({ timeout: 10_000 });
  const rec = await withTimeout(
    page.evaluate(() => (window as unknown as { __bench: { done: Promise<PageRecord> } }).__bench.done),
    opts.timeoutMs,
    async () => `run did not finish in ${opts.timeoutMs} ms (status: ${await statusText(page)})`,
  );
  const countText = (await page.locator(".con-count").textContent()) ?? "";
  const lineCount = Number(countText.replace(/[^\d]/g, ""));
  const tail = await consoleTail(page);
  if (rec.status !== "finished" || rec.exitCode !== "0") throw new RunFailed(rec.status, rec.exitCode, tail);
  const bench = await readBench(page);
  const ms = (t: number) => t - rec.t0;
  return {
    finishedMs: ms(rec.tFinished),
    countMs: ms(rec.tCount),
    shownMs: ms(rec.tShown),
    firstLineMs: ms(rec.tFirst),
    clickEpochMs: rec.epoch0,
    lineCount,
    countSamples: rec.samples,
    longTasks: rec.longTasks,
    bench,
  };
}

/** Runs in the page before each click: arms the clock and resolves `__bench.done` when the run ends. */
function instrument(targetLines: number | null): void {
  const q = (sel: string) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`bench: ${sel} not found`);
    return el;
  };
  const runButton = q('[data-testid="toolbar.run"]');
  const pill = q('[data-testid="toolbar.status"]');
  const count = q(".con-count");
  const rec: PageRecord = {
    t0: NaN,
    epoch0: NaN,
    tFirst: NaN,
    tCount: NaN,
    tShown: NaN,
    tFinished: NaN,
    status: "",
    exitCode: null,
    samples: [],
    longTasks: { count: 0, totalMs: 0, longestMs: 0 },
  };
  let sawRunning = false;
  let resolve: (r: PageRecord) => void = () => {};
  const done = new Promise<PageRecord>((r) => (resolve = r));
  const lines = () => Number(/^[\d,]+/.exec(count.textContent ?? "")?.[0].replace(/,/g, "") ?? "0");
  const maybeDone = () => {
    const ended = !Number.isNaN(rec.tFinished);
    if (ended && (targetLines === null || rec.status !== "finished" || !Number.isNaN(rec.tShown))) {
      observer.disconnect();
      for (const e of longTasks.takeRecords()) onLongTask(e);
      longTasks.disconnect();
      resolve(rec);
    }
  };
  const check = () => {
    if (Number.isNaN(rec.t0)) return;
    const now = performance.now();
    const status = pill.getAttribute("data-status") ?? "";
    if (status === "running") sawRunning = true;
    // A syntax error ends the run without it ever running; anything else counts once it ran.
    if (!sawRunning && status !== "syntax-error") return;
    const n = targetLines === null ? 0 : lines();
    if (targetLines !== null && n !== (rec.samples[rec.samples.length - 1]?.[1] ?? 0))
      rec.samples.push([now - rec.t0, n]);
    if (targetLines !== null && Number.isNaN(rec.tFirst) && n >= 1) rec.tFirst = now;
    if (targetLines !== null && Number.isNaN(rec.tCount) && n >= targetLines) {
      rec.tCount = now;
      requestAnimationFrame(() => {
        rec.tShown = performance.now();
        maybeDone();
      });
    }
    if (Number.isNaN(rec.tFinished) && status !== "running" && status !== "stopping") {
      rec.tFinished = now;
      rec.status = status;
      rec.exitCode = pill.getAttribute("data-exit-code");
      maybeDone();
    }
  };
  const onLongTask = (e: PerformanceEntry) => {
    if (Number.isNaN(rec.t0) || e.startTime < rec.t0) return;
    rec.longTasks.count++;
    rec.longTasks.totalMs += e.duration;
    rec.longTasks.longestMs = Math.max(rec.longTasks.longestMs, e.duration);
  };
  const longTasks = new PerformanceObserver((list) => list.getEntries().forEach(onLongTask));
  longTasks.observe({ type: "longtask" });
  const observer = new MutationObserver(check);
  observer.observe(count, { subtree: true, childList: true, characterData: true });
  observer.observe(pill, { attributes: true, attributeFilter: ["data-status"] });
  const onClick = () => {
    rec.t0 = performance.now();
    rec.epoch0 = performance.timeOrigin + rec.t0;
  };
  runButton.addEventListener("click", onClick, { capture: true, once: true });
  (window as unknown as { __bench: unknown }).__bench = { rec, done };
}

/** The last BENCH line on screen (the snippets print it last, so it is at the bottom). */
async function readBench(page: Page): Promise<Bench> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const tail = await consoleTail(page);
    const bench = lastBench(tail);
    if (bench) return bench;
    if (Date.now() > deadline) throw new Error(`no BENCH line in the console; its tail:\n${tail.join("\n")}`);
    await page.waitForTimeout(100);
  }
}

async function consoleTail(page: Page): Promise<string[]> {
  const log = page.getByRole("log", { name: "Console" });
  return (await log.locator('[data-testid="console.line"], [data-testid="console.status"]').allTextContents()).slice(
    -20,
  );
}

async function statusText(page: Page): Promise<string> {
  return (
    (await page
      .locator('[data-testid="toolbar.status"]')
      .textContent({ timeout: 2000 })
      .catch(() => null)) ?? "?"
  );
}

async function withTimeout<T>(p: Promise<T>, ms: number, why: () => Promise<string>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => void why().then((m) => reject(new Error(m)), reject), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
