/**
 * Accessibility: an axe-core audit (WCAG 2.0 and 2.1, A and AA, every impact) of the main
 * states a learner sees finds nothing: idle, after a run, after an error, with the
 * Inspector open on a queue, with the banner that offers saved code back, and in
 * presentation mode on a 1280x720 projector.
 */
import { expect, test } from "./fixtures";
import { auditViolations } from "./support/axe";
import { AppPage } from "./pages/AppPage";
import { snippet } from "./support/snippets";

// Each audit takes 8-25 s on two cores (Monaco's DOM is large).
test.describe.configure({ timeout: 120_000 });

test.describe("Accessibility", () => {
  test("idle, with the default example", async ({ app, page }) => {
    await app.goto();
    expect(await auditViolations(page)).toEqual([]);
  });

  test("after the default example ran", async ({ app, page }) => {
    await app.goto();
    await app.run();
    await app.expectFinished(0);
    expect(await auditViolations(page)).toEqual([]);
  });

  test("after an uncaught error", async ({ app, page }) => {
    await app.goto(snippet("main-raises"));
    await app.run();
    await app.expectFinished(1);
    await app.console.expectLine(/^ValueError: negative value: -1$/);
    expect(await auditViolations(page)).toEqual([]);
  });

  test("with the Inspector open on the bounded queue", async ({ app, page }) => {
    await app.goto();
    await app.toolbar.selectExample("bounded-queue");
    await app.run();
    await app.expectFinished(0, 30_000);
    await app.timeline
      .object("Queue-1")
      .getByRole("button", { name: /Queue-1/ })
      .click();
    await expect(app.inspector.label).toHaveText("Queue-1");
    await expect(app.inspector.gauge).toHaveAttribute("aria-valuemax", "3");
    // The item list scrolls when long, so the keyboard can reach it.
    await expect(app.inspector.itemList).toHaveAttribute("tabindex", "0");
    expect(await auditViolations(page)).toEqual([]);
  });

  test("in presentation mode at 1280x720, after a five-process run", async ({ app, page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.goto();
    await app.toolbar.togglePresentation(true);
    await app.toolbar.selectExample("producers-consumers");
    await app.run();
    await app.expectFinished(0, 30_000);
    expect(await auditViolations(page)).toEqual([]);
  });

  test("with edited code and the banner that offers it back after a link", async ({ app, page }) => {
    await app.goto();
    await app.editor.focusAtStart();
    await app.editor.type("// mine\n");
    await page.goto(`/${AppPage.linkHash(snippet("hello"))}`);
    await expect(app.restore.restoreButton).toBeVisible();
    expect(await auditViolations(page)).toEqual([]);
  });
});
