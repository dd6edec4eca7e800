/**
 * The timeline: a blocked span while the main process joins a sleeping child, exit
 * markers, click-to-source, tooltips, and the playhead.
 */
import { expect, test } from "./fixtures";
import { escapeRegExp, lineOf, snippet } from "./support/snippets";

const code = snippet("child-sleeps");

test.describe("Timeline", () => {
  test("the main lane shows a blocked span while it joins, and exit markers show the codes", async ({ app }) => {
    await app.goto(code);
    await app.run();
    const { timeline } = app;

    // While the child sleeps, the main process is blocked in join() on it.
    const main = timeline.lane("MainProcess");
    await expect(timeline.lanes).toHaveCount(2);
    const childName = (await timeline.laneNames()).find((n) => n !== "MainProcess") ?? "";
    expect(childName).toBe("Process-1");
    const join = timeline.blocksOn(main, "join");
    await expect(join).toHaveCount(1);
    await expect(join).toHaveAttribute("data-outcome", "waiting");
    await expect(app.toolbar.status).toHaveAttribute("data-status", "running");
    await expect(join).toHaveAttribute("data-label", new RegExp(`join.*${escapeRegExp(childName)}`));
    await expect(main).toHaveAttribute("data-state", "blocked");

    await app.expectFinished(0);
    // The wait ended when the child did.
    await expect(join).toHaveAttribute("data-outcome", "ok");
    await expect(main).not.toHaveAttribute("data-state", "blocked");

    // The child's exit marker shows the code the parent saw (p.exitcode), which is sys.exit's 3.
    const printed = app.console.linesMatching(/^exitcode=/);
    await expect(printed).toHaveText("exitcode=3");
    const seen = ((await printed.textContent()) ?? "").replace("exitcode=", "");
    const childExit = timeline.exitMarker(timeline.lane(childName));
    await expect(childExit).toHaveText(seen);
    await expect(childExit).toHaveAttribute("data-code", seen);
    await expect(timeline.exitMarker(main)).toHaveText("0");
  });

  test("clicking the join span highlights the line of p.join() in the editor", async ({ app }) => {
    await app.goto(code);
    await app.run();
    await app.expectFinished(0);

    const join = app.timeline.blocksOn(app.timeline.lane("MainProcess"), "join");
    await expect(join).toHaveCount(1);
    await expect(join).not.toHaveClass(/\bselected\b/);
    expect(await app.editor.highlightedLines()).toEqual([]);

    await join.click();
    await expect(join).toHaveClass(/\bselected\b/);
    // The highlight fades after a few seconds: look for it right away.
    await expect.poll(() => app.editor.highlightedLines(), { timeout: 3_000 }).toEqual([lineOf(code, "p.join()")]);
  });

  test("hovering a span shows a tooltip about it", async ({ app }) => {
    await app.goto(code);
    await app.run();
    await app.expectFinished(0);

    await expect(app.timeline.tooltip).toBeHidden();
    const join = app.timeline.blocksOn(app.timeline.lane("MainProcess"), "join");
    await join.hover();
    await expect(app.timeline.tooltip).toBeVisible();
    const label = (await join.getAttribute("data-label")) ?? "";
    await expect(app.timeline.tooltip).toContainText(`Blocked in ${label}`);
    await expect(app.timeline.tooltip).toContainText("MainProcess");
    await expect(app.timeline.tooltip).toContainText(`line ${lineOf(code, "p.join()")}`);

    // Moving away hides it.
    await app.console.log.hover();
    await expect(app.timeline.tooltip).toBeHidden();
  });

  test("clicking the axis sets the playhead, and Live goes back to following the run", async ({ app }) => {
    await app.goto(code);
    await app.run();
    await app.expectFinished(0);
    const { timeline } = app;

    await expect(timeline.liveButton).toHaveAttribute("aria-pressed", "true");
    await expect(timeline.playhead).toBeHidden();

    // Click the axis above the middle of the main process's join span.
    const main = timeline.lane("MainProcess");
    const join = timeline.blocksOn(main, "join");
    const box = await join.boundingBox();
    expect(box).not.toBeNull();
    await timeline.clickAxisAt(box!.x + box!.width / 2);

    await expect(timeline.playhead).toBeVisible();
    await expect(timeline.liveButton).toHaveAttribute("aria-pressed", "false");
    await expect(timeline.readout).toContainText("Playhead");
    // The playhead line stands where we clicked.
    const line = await timeline.playhead.boundingBox();
    expect(Math.abs(line!.x - (box!.x + box!.width / 2))).toBeLessThan(4);
    // At that moment the main process was blocked in join().
    const label = (await join.getAttribute("data-label")) ?? "";
    await expect(timeline.stateAtPlayhead(main)).toContainText(`blocked in ${label}`);

    await timeline.goLive();
    await expect(timeline.liveButton).toHaveAttribute("aria-pressed", "true");
    await expect(timeline.playhead).toBeHidden();
    await expect(timeline.stateAtPlayhead(main)).toHaveCount(0);
    await expect(timeline.readout).not.toContainText("Playhead");
  });
});
