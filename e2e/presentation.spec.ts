/**
 * Presentation mode: a layout made for a 1280x720 projector, switched by its button or
 * by P (not while typing in the editor), left by Escape, and remembered. Measured at
 * 1280x720 in Chromium: type of 20 px and up in the editor and the console, a timeline
 * of at least 35% of the height, no sideways scroll, every toolbar control in the
 * window, and all five lanes of a five-process run on screen.
 */
import { expect, test } from "./fixtures";
import type { AppPage } from "./pages/AppPage";

const PROJECTOR = { width: 1280, height: 720 };
/** Main, two producers and two consumers. */
const FIVE_PROCESSES = "producers-consumers";

async function runExample(app: AppPage, id: string): Promise<void> {
  await app.toolbar.selectExample(id);
  await app.run();
  await app.expectFinished(0, 30_000);
}

async function expectProjectorFit(app: AppPage, where: string): Promise<void> {
  expect(await app.editor.fontSize(), `editor type, ${where}`).toBeGreaterThanOrEqual(20);
  expect(await app.timeline.heightShare(), `timeline's share of the height, ${where}`).toBeGreaterThanOrEqual(0.35);
  const { scrollWidth, clientWidth } = await app.pageWidths();
  expect(scrollWidth, `page width, ${where}`).toBeLessThanOrEqual(clientWidth);
  expect(await app.toolbar.controlsOutsideWindow(), `toolbar controls out of the window, ${where}`).toEqual([]);
}

test.describe("Presentation mode", () => {
  test("the Presentation button switches it on and off, and a reload remembers it", async ({ app }) => {
    await app.goto();
    await app.expectPresentation(false);
    const normalFont = await app.editor.fontSize();

    await app.toolbar.togglePresentation(true);
    await app.expectPresentation(true);
    expect(await app.editor.fontSize()).toBeGreaterThan(normalFont);

    await app.reload();
    await app.expectPresentation(true);

    await app.toolbar.togglePresentation(false);
    await app.expectPresentation(false);
    expect(await app.editor.fontSize()).toBe(normalFont);
    await app.reload();
    await app.expectPresentation(false);
  });

  test("P switches it outside the editor, Escape leaves it, and in the editor P types a p", async ({ app }) => {
    await app.goto();
    await app.pressOutsideEditor("p");
    await app.expectPresentation(true);
    await app.pressOutsideEditor("p");
    await app.expectPresentation(false);
    await app.pressOutsideEditor("p");
    await app.expectPresentation(true);
    await app.pressOutsideEditor("Escape");
    await app.expectPresentation(false);

    await app.editor.focusAtEnd();
    await app.editor.type("\np");
    await expect.poll(() => app.editor.visibleText()).toMatch(/\np$/);
    await app.expectPresentation(false);

    // Nor does it leave the mode from the editor.
    await app.toolbar.togglePresentation(true);
    await app.editor.focusAtEnd();
    await app.editor.type("p");
    await expect.poll(() => app.editor.visibleText()).toMatch(/\npp$/);
    await app.expectPresentation(true);
  });

  test("at 1280x720: large type, a prominent timeline, five lanes on screen, nothing cut off", async ({
    app,
    page,
  }) => {
    await page.setViewportSize(PROJECTOR);
    await app.goto();
    await app.toolbar.togglePresentation(true);
    await expectProjectorFit(app, "idle");

    await runExample(app, FIVE_PROCESSES);
    await expect(app.timeline.lanes).toHaveCount(5);
    await expectProjectorFit(app, "after a five-process run");
    expect(await app.console.fontSize()).toBeGreaterThanOrEqual(20);
    expect(await app.timeline.lanesOutOfView()).toEqual([]);
  });

  test("at 1280x720 the rows divider cannot squeeze the timeline under 35%", async ({ app, page }) => {
    await page.setViewportSize(PROJECTOR);
    await app.goto();
    await app.toolbar.togglePresentation(true);
    const divider = page.getByRole("separator", { name: "Resize code and timeline" });
    const box = await divider.boundingBox();
    if (!box) throw new Error("the divider is not drawn");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, PROJECTOR.height - 5, { steps: 8 });
    await page.mouse.up();
    await expect(divider).toHaveAttribute("aria-valuenow", "60");
    expect(await app.timeline.heightShare()).toBeGreaterThanOrEqual(0.35);

    // The everyday layout kept its own divider.
    await app.toolbar.togglePresentation(false);
    await expect(divider).toHaveAttribute("aria-valuenow", "64");
  });

  for (const size of [PROJECTOR, { width: 1600, height: 900 }]) {
    for (const id of [FIVE_PROCESSES, "lock"]) {
      test(`screenshot at ${size.width}x${size.height} after the ${id} example`, async ({ app, page }, info) => {
        await page.setViewportSize(size);
        await app.goto();
        await app.toolbar.togglePresentation(true);
        await runExample(app, id);
        await expectProjectorFit(app, `${id} at ${size.width}x${size.height}`);
        await page.screenshot({ path: info.outputPath(`presentation-${id}-${size.width}x${size.height}.png`) });
      });
    }
  }
});
