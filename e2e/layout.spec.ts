/**
 * The toolbar fits every window from 1280 CSS px (a 1920 px screen at 150% zoom) up,
 * whatever the run's state: no control leaves the screen, none covers another, the
 * page never scrolls sideways, and a status as long as "Finished · exit code 0" is
 * never cut.
 */
import { expect, test } from "./fixtures";
import type { AppPage } from "./pages/AppPage";
import { snippet } from "./support/snippets";

const WIDTHS = [1280, 1366, 1600, 1920];

async function expectToolbarFits(app: AppPage, state: string, { statusWhole = false } = {}): Promise<void> {
  for (const width of WIDTHS) {
    await app.page.setViewportSize({ width, height: 800 });
    await app.frameRoundTrip();
    const fit = await app.toolbar.fit();
    const where = `${state}, ${width} px wide`;
    expect(fit.innerWidth, where).toBe(width);
    expect(fit.outside, `controls outside the window: ${where}`).toEqual([]);
    expect(fit.overlapping, `controls over one another: ${where}`).toEqual([]);
    expect(fit.scrollWidth, `page width: ${where}`).toBeLessThanOrEqual(width);
    if (statusWhole) expect(await app.toolbar.statusCut(), `status cut: ${where}`).toBe(false);
  }
}

test.describe("Toolbar layout", () => {
  test("fits when idle, running and stopped", async ({ app }) => {
    await app.goto(snippet("main-loops"));
    await app.toolbar.expectStatus("idle");
    await expectToolbarFits(app, "idle");

    await app.run();
    await app.toolbar.expectStatus("running");
    await expectToolbarFits(app, "running");

    await app.stop();
    await app.waitForStatus("stopped");
    await expectToolbarFits(app, "stopped");
  });

  test("fits when finished, with an exit code", async ({ app }) => {
    await app.goto(snippet("hello"));
    await app.run();
    await app.expectFinished(0);
    await expect(app.toolbar.status).toHaveText("Finished · exit code 0");
    await expectToolbarFits(app, "finished", { statusWhole: true });
  });

  test("fits with the longest status, whose whole text stays readable", async ({ app }) => {
    await app.goto(snippet("exit-large"));
    await app.run();
    await app.expectFinished(2147483647);
    const text = "Finished · exit code 2147483647";
    await expect(app.toolbar.status).toHaveText(text);
    await expect(app.toolbar.status).toHaveAttribute("title", text);
    await expectToolbarFits(app, "finished with a long exit code");
  });

  test("fits after an exception and after a syntax error", async ({ app }) => {
    await app.goto(snippet("main-raises"));
    await app.run();
    await app.expectFinished(1);
    await expectToolbarFits(app, "error (exit code 1)");

    await app.goto("print('a');\nconst broken = ;\n");
    await app.toolbar.run();
    await app.waitForStatus("syntax-error");
    await expectToolbarFits(app, "syntax error");
  });
});
