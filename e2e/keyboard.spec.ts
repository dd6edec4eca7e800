/** Keyboard: Ctrl+Enter runs the program. */
import { expect, test } from "./fixtures";
import { snippet } from "./support/snippets";

test.describe("Keyboard", () => {
  test("Ctrl+Enter in the editor runs the program", async ({ app }) => {
    const code = snippet("hello");
    await app.goto(code);
    await app.toolbar.expectStatus("idle");
    await expect(app.toolbar.runButton).toHaveAttribute("aria-keyshortcuts", /Control\+Enter/);
    const before = await app.editor.visibleText();

    await app.runWithKeyboard();
    await app.expectFinished(0);
    await app.console.expectLine("hello from MainProcess");
    // The shortcut ran the program instead of typing a line break.
    expect(await app.editor.visibleText()).toBe(before);
  });

  test("Ctrl+Enter outside the editor runs the program too", async ({ app, page }) => {
    await app.goto(snippet("hello"));
    await app.console.log.focus();
    await page.keyboard.press("Control+Enter");
    await app.expectFinished(0);
    await app.console.expectLine("hello from MainProcess");
  });
});
