/**
 * Nothing a learner writes is lost: the code is kept as they type and comes back on
 * reload; a `#code=` link wins but offers their code back; each example keeps its edits.
 */
import { expect, test } from "./fixtures";
import { AppPage } from "./pages/AppPage";
import { exampleSource, snippet } from "./support/snippets";

const DEFAULT_EXAMPLE = "process-basics";
const NOTE = "// my own note, typed by the learner";

test.describe("Saved work", () => {
  test("typed code comes back after a reload", async ({ app }) => {
    await app.goto();
    await app.editor.focusAtStart();
    await app.editor.type(`${NOTE}\n`);
    await expect.poll(() => app.editor.visibleText()).toContain(NOTE);

    // At once: the page being hidden saves what the debounce has not yet written.
    await app.reload();
    await expect.poll(() => app.editor.visibleText()).toContain(NOTE);
    await expect(app.toolbar.examples).toHaveValue(DEFAULT_EXAMPLE);
    expect(await app.toolbar.optionLabel(DEFAULT_EXAMPLE)).toMatch(/\(edited\)$/);
    await expect(app.restore.root).toBeHidden();
  });

  test("a #code= link wins on load, and Restore brings the saved code back", async ({ app, page }) => {
    const linked = snippet("hello");
    const linkedFirstLine = linked.split("\n")[0]!;
    await app.goto();
    await app.editor.focusAtStart();
    await app.editor.type(`${NOTE}\n`);
    await expect.poll(() => app.editor.visibleText()).toContain(NOTE);

    // A fresh load of a link, as from a chat message.
    await page.goto("about:blank");
    await app.gotoHash(AppPage.linkHash(linked));
    await expect.poll(() => app.editor.visibleText()).toContain(linkedFirstLine);
    await expect(app.editor.subtitle).toHaveText("Shared code");
    await expect(app.restore.root).toContainText("This link replaced your saved code");

    // Reloaded before deciding: the link again, and the offer still stands.
    await app.reload();
    await expect.poll(() => app.editor.visibleText()).toContain(linkedFirstLine);
    await app.restore.restoreButton.click();
    await expect(app.restore.root).toBeHidden();
    await expect.poll(() => app.editor.visibleText()).toContain(NOTE);
    await expect(app.toolbar.examples).toHaveValue(DEFAULT_EXAMPLE);
    // The link no longer describes the page, so a reload opens the learner's code.
    expect(new URL(page.url()).hash).toBe("");
    await app.reload();
    await expect.poll(() => app.editor.visibleText()).toContain(NOTE);

    // The link's code is still one choice away in the menu.
    await app.toolbar.selectExample("");
    await expect.poll(() => app.editor.visibleText()).toContain(linkedFirstLine);
  });

  test("a link pasted into the open page offers the code back too; Dismiss keeps the edits in the menu", async ({
    app,
    page,
  }) => {
    await app.goto();
    await app.editor.focusAtStart();
    await app.editor.type(`${NOTE}\n`);
    await page.goto(`/${AppPage.linkHash(snippet("hello"))}`);
    await expect(app.restore.root).toContainText("This link replaced your saved code");
    await app.restore.dismissButton.click();
    await expect(app.restore.root).toBeHidden();

    expect(await app.toolbar.optionLabel(DEFAULT_EXAMPLE)).toMatch(/\(edited\)$/);
    await app.toolbar.selectExample(DEFAULT_EXAMPLE);
    await expect.poll(() => app.editor.visibleText()).toContain(NOTE);
  });

  test("edits survive a switch to another example, and Revert can be undone", async ({ app }) => {
    await app.goto();
    await app.editor.focusAtStart();
    await app.editor.type(`${NOTE}\n`);

    await app.toolbar.selectExample("queue");
    const queueFirstLine = exampleSource("queue").split("\n")[0]!;
    await expect.poll(() => app.editor.visibleText()).toContain(queueFirstLine);
    expect(await app.editor.visibleText()).not.toContain(NOTE);
    expect(await app.toolbar.optionLabel(DEFAULT_EXAMPLE)).toMatch(/\(edited\)$/);
    expect(await app.toolbar.optionLabel("queue")).not.toMatch(/\(edited\)$/);
    // Undo history is the example's own: Ctrl+Z does not pour the other example's code in.
    await app.editor.focusAtStart();
    await app.page.keyboard.press("Control+z");
    await expect.poll(() => app.editor.visibleText()).toContain(queueFirstLine);
    expect(await app.toolbar.optionLabel("queue")).not.toMatch(/\(edited\)$/);

    await app.toolbar.selectExample(DEFAULT_EXAMPLE);
    await expect.poll(() => app.editor.visibleText()).toContain(NOTE);

    // Revert goes back to the example's code; the banner's Undo brings the edits back.
    await app.editor.revertButton.click();
    await expect.poll(() => app.editor.visibleText()).not.toContain(NOTE);
    await expect(app.editor.revertButton).toBeHidden();
    await app.restore.undoButton.click();
    await expect.poll(() => app.editor.visibleText()).toContain(NOTE);
  });

  test("storage that refuses to save (private mode, a full quota) does not break the app", async ({ app, page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await app.goto();
    await app.editor.focusAtStart();
    await app.editor.type(`${NOTE}\n`);
    await expect(app.notice).toContainText("not keeping your code");
    await app.run();
    await app.expectFinished(0);
    await app.reload();
    await expect.poll(() => app.editor.visibleText()).not.toContain(NOTE);
  });
});
