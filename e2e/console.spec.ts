/**
 * The console: every process's output in one stream, each process in its own colour,
 * stderr set apart, a per-process filter, Python's print formatting.
 */
import { expect, test } from "./fixtures";
import { snippet } from "./support/snippets";

test.describe("Console", () => {
  test("output from two processes is in two colours, each its lane's colour", async ({ app }) => {
    await app.goto(snippet("stdout-and-stderr"));
    await app.run();
    await app.expectFinished(0);

    const mainPid = await app.timeline.lanePid("MainProcess");
    const childPid = await app.timeline.lanePid("Process-1");
    const mainLine = app.console.linesOf(mainPid).filter({ hasText: "main says hello" });
    const childLine = app.console.linesOf(childPid).filter({ hasText: "child says hello" });
    await expect(mainLine).toHaveCount(1);
    await expect(childLine).toHaveCount(1);

    const mainColor = await app.console.textColor(mainLine);
    const childColor = await app.console.textColor(childLine);
    expect(mainColor).not.toBe(childColor);
    // Every row of a process is in that process's colour.
    for (const row of await app.console.linesOf(mainPid).all())
      expect(await app.console.textColor(row)).toBe(mainColor);
    // The lane's swatch on the timeline is the same colour as the process's text.
    expect(await app.timeline.swatchColor(app.timeline.lane("MainProcess"))).toBe(mainColor);
    expect(await app.timeline.swatchColor(app.timeline.lane("Process-1"))).toBe(childColor);
  });

  test("stderr rows are styled apart from stdout rows", async ({ app }) => {
    await app.goto(snippet("stdout-and-stderr"));
    await app.run();
    await app.expectFinished(0);

    const childPid = await app.timeline.lanePid("Process-1");
    const errRow = app.console.linesOfStream(2);
    await expect(errRow).toHaveCount(1);
    await expect(errRow).toHaveText("child complains");
    await expect(errRow).toHaveAttribute("data-pid", String(childPid));
    const outRow = app.console.linesOf(childPid).filter({ hasText: "child says hello" });
    await expect(outRow).toHaveAttribute("data-stream", "1");

    const look = (row: typeof errRow) =>
      row.evaluate((el) => {
        const text = el.querySelector(".con-text > span") ?? el;
        return { background: getComputedStyle(el).backgroundColor, weight: getComputedStyle(text).fontWeight };
      });
    const err = await look(errRow);
    const out = await look(outRow);
    expect(err.background, "a stderr row has its own background").not.toBe(out.background);
    expect(Number(err.weight), "stderr text is bolder").toBeGreaterThan(Number(out.weight));
  });

  test("the per-process filter hides a process's lines and shows them again", async ({ app }) => {
    await app.goto(snippet("stdout-and-stderr"));
    await app.run();
    await app.expectFinished(0);

    const mainPid = await app.timeline.lanePid("MainProcess");
    const childPid = await app.timeline.lanePid("Process-1");
    const childLines = app.console.linesOf(childPid);
    const mainLines = app.console.linesOf(mainPid);
    const childCount = await childLines.count();
    const mainCount = await mainLines.count();
    expect(childCount).toBeGreaterThan(0);
    expect(mainCount).toBeGreaterThan(0);

    const chip = app.console.filter("Process-1");
    await expect(chip).toHaveAttribute("data-pid", String(childPid));
    await expect(chip).toHaveAttribute("aria-pressed", "true");

    await chip.click();
    await expect(chip).toHaveAttribute("aria-pressed", "false");
    await expect(childLines).toHaveCount(0);
    await expect(app.console.linesMatching("child says hello")).toHaveCount(0);
    await expect(mainLines).toHaveCount(mainCount);
    await expect(app.console.lineCount).toHaveText(new RegExp(`^${mainCount} of ${mainCount + childCount} lines$`));

    await chip.click();
    await expect(chip).toHaveAttribute("aria-pressed", "true");
    await expect(childLines).toHaveCount(childCount);
    await expect(app.console.linesMatching("child says hello")).toHaveCount(1);
    await expect(mainLines).toHaveCount(mainCount);
  });

  test("print formats a list as Python does", async ({ app }) => {
    await app.goto(snippet("print-list"));
    await app.run();
    await app.expectFinished(0);
    await expect(app.console.lines).toHaveCount(1);
    await expect(app.console.lines).toHaveText("['one', 'two', 3]");
  });

  test("a long error line wraps: its end is on screen, with no sideways scrolling", async ({ app, page }) => {
    await app.goto(snippet("pickle-error"));
    // Narrow enough that the error is far wider than the console.
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.run();
    await app.expectFinished(1);

    const error = app.console.linesMatching(/^_pickle\.PicklingError: /);
    await expect(error).toHaveCount(1);
    await expect(error).toHaveText(
      "_pickle.PicklingError: Can't pickle <function target>: attribute lookup target on __main__ failed",
    );
    expect(await app.console.horizontalOverflow()).toBeLessThanOrEqual(0);
    const { word, log, wordText } = await app.console.lastWordBox(error);
    expect(wordText).toBe("failed");
    expect(word.width).toBeGreaterThan(0);
    expect(word.left).toBeGreaterThanOrEqual(log.left);
    expect(word.right).toBeLessThanOrEqual(log.right);
    // It wrapped: the row is more than one line high, and the row after it starts below it.
    const rowBox = await error.boundingBox();
    expect(rowBox!.height).toBeGreaterThan(30);
    const status = app.console.statusRows.last();
    await expect(status).toContainText("exit code 1");
    expect((await status.boundingBox())!.y).toBeGreaterThanOrEqual(rowBox!.y + rowBox!.height - 1);

    // A wider console re-wraps the line into fewer lines, and the next row moves up with it.
    await page.setViewportSize({ width: 1920, height: 1000 });
    // While it re-wraps, the row is drawn anew and for a moment has no box: poll on until it has one.
    await expect
      .poll(async () => (await error.boundingBox())?.height ?? Number.POSITIVE_INFINITY)
      .toBeLessThan(rowBox!.height);
    const wider = (await error.boundingBox())!;
    await expect
      .poll(async () => (await status.boundingBox())?.y ?? Number.POSITIVE_INFINITY)
      .toBeLessThanOrEqual(wider.y + wider.height + 1);
    expect((await status.boundingBox())!.y).toBeGreaterThanOrEqual(wider.y + wider.height - 1);
    expect(await app.console.horizontalOverflow()).toBeLessThanOrEqual(0);
  });
});
