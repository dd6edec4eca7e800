/**
 * Bad input: syntax errors, uncaught exceptions, programs that never end, too many
 * processes, floods of output, and links that cannot be read.
 */
import { expect, test } from "./fixtures";
import { escapeRegExp, exampleSource, lineOf, snippet } from "./support/snippets";

test.describe("Errors and bad input", () => {
  test("a syntax error is reported, marked in the editor, and nothing runs", async ({ app }) => {
    // Not a snippet file: it cannot be type-checked, by design.
    const code = ['print("line one");', "", "const broken = ;", 'print("never");', ""].join("\n");
    const errorLine = lineOf(code, "const broken");
    await app.goto(code);
    await app.toolbar.run();

    await app.waitForStatus("syntax-error");
    await expect(app.console.statusRows.filter({ hasText: /SyntaxError/ })).not.toHaveCount(0);
    await expect(app.console.statusRows.filter({ hasText: `line ${errorLine}` })).not.toHaveCount(0);
    await expect(app.console.lines, "no program output").toHaveCount(0);

    await expect(app.editor.syntaxBadge).toBeVisible();
    await expect(app.editor.syntaxBadge).toContainText(`line ${errorLine}`);
    await expect(app.editor.errorSquiggles.first()).toBeVisible();
    await expect.poll(() => app.editor.errorLines()).toEqual([errorLine]);

    await expect(app.timeline.lanes).toHaveCount(0);
    await expect(app.toolbar.runButton).toBeEnabled();
  });

  test("an exception in the main process prints a traceback and exits with code 1", async ({ app }) => {
    const code = snippet("main-raises");
    await app.goto(code);
    await app.run();
    await app.expectFinished(1);

    const raiseLine = lineOf(code, "throw new ValueError");
    const callLine = lineOf(code, "check(-1);");
    await app.console.expectLine(/^Traceback \(most recent call last\):$/);
    await app.console.expectLine(new RegExp(`^\\s*File "main\\.ts", line ${callLine}, in <module>$`));
    await app.console.expectLine(new RegExp(`^\\s*File "main\\.ts", line ${raiseLine}, in check$`));
    await app.console.expectLine(/^ValueError: negative value: -1$/);
    await expect(app.console.linesMatching("never printed")).toHaveCount(0);
    // The caller's frame comes before the frame that raised, as in CPython.
    const texts = await app.console.texts();
    const callAt = texts.findIndex((t) => t.includes(`line ${callLine}`));
    const raiseAt = texts.findIndex((t) => t.includes(`line ${raiseLine}`));
    expect(callAt).toBeGreaterThan(-1);
    expect(raiseAt).toBeGreaterThan(callAt);

    await app.timeline.expectExited("MainProcess", 1);
    await expect(app.console.statusRows.last()).toContainText("exit code 1");
  });

  test("an exception in a child prints CPython's report for that process", async ({ app }) => {
    const code = snippet("child-raises");
    await app.goto(code);
    await app.run();
    // The parent did not fail: only the child did.
    await app.expectFinished(0);

    const childPid = await app.timeline.lanePid("Process-1");
    const report = app.console.linesOf(childPid);
    await expect(report.filter({ hasText: /^Process Process-1:$/ })).toHaveCount(1);
    await expect(report.filter({ hasText: /^Traceback \(most recent call last\):$/ })).toHaveCount(1);
    await expect(
      report.filter({
        hasText: new RegExp(`File "main\\.ts", line ${lineOf(code, "throw new ValueError")}, in worker$`),
      }),
    ).toHaveCount(1);
    await expect(report.filter({ hasText: /^ValueError: child went wrong$/ })).toHaveCount(1);
    // The report goes to stderr.
    await expect(report.filter({ hasText: /^ValueError: child went wrong$/ })).toHaveAttribute("data-stream", "2");
    // The header comes first.
    const texts = await report.allTextContents();
    expect(texts.indexOf("Process Process-1:")).toBeLessThan(texts.indexOf("ValueError: child went wrong"));

    await app.timeline.expectExited("Process-1", 1);
    await app.console.expectLine(/^child exitcode=1$/);
  });

  test("Stop ends an infinite loop in the main process, and the page stays responsive", async ({ app, page }) => {
    await app.goto(snippet("main-loops"));
    await app.run();
    await app.console.expectLine("looping forever");
    await app.waitForStatus("running");
    await expect(app.toolbar.stopButton).toBeEnabled();
    // The loop runs in the process's worker, not on the page.
    expect(await app.frameRoundTrip()).toBeLessThan(500);

    await app.stop();
    await app.waitForStatus("stopped", 3_000);
    await expect(app.toolbar.runButton).toBeEnabled();
    await expect(app.toolbar.stopButton).toBeDisabled();
    await expect(app.timeline.lane("MainProcess")).toHaveAttribute("data-state", "exited");

    // The page answers at once...
    const t0 = Date.now();
    expect(await page.evaluate(() => 1)).toBe(1);
    expect(Date.now() - t0).toBeLessThan(500);
    // ...and the editor takes typing.
    await app.editor.focusAtEnd();
    await app.editor.type("// still editable");
    await expect.poll(() => app.editor.visibleText()).toContain("// still editable");
  });

  test("Stop ends an infinite loop in a child while the main process joins it", async ({ app }) => {
    await app.goto(snippet("child-loops"));
    await app.run();
    await app.console.expectLine("child spinning");
    const main = app.timeline.lane("MainProcess");
    const child = app.timeline.lane("Process-1");
    await expect(main).toHaveAttribute("data-state", "blocked");
    await expect(child).toHaveAttribute("data-state", "running");

    await app.stop();
    await app.waitForStatus("stopped", 3_000);
    await expect(main).toHaveAttribute("data-state", "exited");
    await expect(child).toHaveAttribute("data-state", "exited");
    // A new run can start right away.
    await expect(app.toolbar.runButton).toBeEnabled();
  });

  // A race: it shows in somewhere between 1 run in 20 and 1 in 3 here, so the scenario is repeated.
  test("after Stop, the main process does not return from join() and run more code", async ({ app }) => {
    test.setTimeout(120_000);
    const code = snippet("child-loops");
    for (let attempt = 1; attempt <= 12; attempt++) {
      await app.goto(code);
      await app.run();
      await app.console.expectLine("child spinning");
      const main = app.timeline.lane("MainProcess");
      await expect(main).toHaveAttribute("data-state", "blocked");
      await expect(app.timeline.lane("Process-1")).toHaveAttribute("data-state", "running");
      await app.stop();
      await app.waitForStatus("stopped", 3_000);
      await expect(main).toHaveAttribute("data-state", "exited");
      await expect(app.console.linesMatching("never printed"), `attempt ${attempt}`).toHaveCount(0);
      // The main lane's exit code is the one the toolbar reports for the stopped run.
      const stoppedWith = await app.toolbar.exitCode();
      await expect(main, `attempt ${attempt}`).toHaveAttribute("data-exit-code", String(stoppedWith));
    }
  });

  test("starting more than 64 processes raises OSError, and the run still finishes", async ({ app }) => {
    test.setTimeout(90_000);
    await app.goto(snippet("too-many-processes"));
    await app.run();
    await app.expectFinished(0, 60_000);

    const error = app.console.linesMatching(/^OSError: /);
    await expect(error).toHaveCount(1);
    await expect(error).toContainText(/\b64\b/);

    // Every process that did start was joined, and its lane shows a clean exit.
    const joined = app.console.linesMatching(/^joined \d+$/);
    await expect(joined).toHaveCount(1);
    const started = Number(((await joined.textContent()) ?? "").replace("joined ", ""));
    expect(started).toBeGreaterThan(0);
    expect(started).toBeLessThan(80);
    await expect(app.timeline.lanes).toHaveCount(started + 1);
    await expect(app.timeline.root.locator('[data-testid="timeline.lane"]:not([data-exit-code="0"])')).toHaveCount(0);
  });

  test("a million printed lines: the UI stays responsive and the console holds them all", async ({ app }) => {
    test.setTimeout(120_000);
    const code = snippet("million-lines");
    const n = Number(/const N = ([\d_]+)/.exec(code)?.[1]?.replace(/_/g, ""));
    expect(n).toBeGreaterThan(0);
    await app.goto(code);
    await app.run();

    // While it prints, frames keep coming.
    await expect(app.console.lines.first()).toBeVisible();
    const samples: number[] = [];
    // Sampled back to back: a fast machine prints the million lines in a couple of seconds.
    while (samples.length < 20 && (await app.toolbar.status.getAttribute("data-status")) === "running") {
      samples.push(await app.frameRoundTrip());
    }
    test.info().annotations.push({ type: "frame round trips (ms)", description: samples.join(", ") });
    expect(samples.length, "the run lasted long enough to sample").toBeGreaterThanOrEqual(3);
    expect(Math.max(...samples), `frame round trips: ${samples.join(", ")} ms`).toBeLessThan(500);

    await app.expectFinished(0, 90_000);
    const count = await app.console.reportedLineCount();
    expect(count).toBeGreaterThanOrEqual(n);
    expect(count).toBeLessThanOrEqual(n + 1);

    // The console holds the first line and the last: scroll up to one, then down to the other.
    const firstLine = app.console.linesMatching(/^0$/);
    const lastLine = app.console.linesMatching(new RegExp(`^${n - 1}$`));
    await app.console.scrollToTop();
    await expect(firstLine).toBeVisible();
    await expect(lastLine).toHaveCount(0);
    await app.console.scrollToBottom();
    await expect(lastLine).toBeVisible();
    await expect(firstLine).toHaveCount(0);
    await expect(app.console.statusRows.last()).toContainText("exit code 0");
  });

  test("a malformed #code= link opens the default example with a notice", async ({ app }) => {
    await app.gotoHash("#code=%%%not-lz");
    await expect(app.notice).toBeVisible();
    await expect(app.notice).toContainText(/link/i);

    const [first] = await app.toolbar.exampleOptions();
    await expect(app.toolbar.examples).toHaveValue(first!.value);
    await expect(app.editor.subtitle).toHaveText(first!.label);
    const defaultFirstLine = exampleSource(first!.value).split("\n")[0] ?? "";
    await expect.poll(() => app.editor.visibleText()).toContain(defaultFirstLine);
    await app.toolbar.expectStatus("idle");

    await app.notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(app.notice).toBeHidden();
  });

  test("a valid #code= link puts the code in the editor and does not run it", async ({ app, page }) => {
    const code = snippet("hello");
    await app.goto(code);
    await expect(app.notice).toBeHidden();
    await expect.poll(() => app.editor.visibleText()).toContain(code.split("\n").slice(0, 4).join("\n"));
    await expect(app.editor.subtitle).toHaveText("Shared code");

    // Give a run that should not happen time to show itself, then check nothing ran.
    await page.waitForTimeout(1_500);
    await app.toolbar.expectStatus("idle");
    await expect(app.console.lines).toHaveCount(0);
    await expect(app.timeline.lanes).toHaveCount(0);

    // It runs when asked to.
    await app.run();
    await app.expectFinished(0);
    await app.console.expectLine(new RegExp(`^${escapeRegExp("hello from MainProcess")}$`));
  });
});
