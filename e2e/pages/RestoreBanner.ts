import type { Locator, Page } from "@playwright/test";

/** The banner that offers back the code a link or Revert replaced. */
export class RestoreBanner {
  readonly root: Locator;
  /** "Restore my code" (after a link) or "Undo" (after Revert). */
  readonly restoreButton: Locator;
  readonly undoButton: Locator;
  readonly dismissButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("restore");
    this.restoreButton = this.root.getByRole("button", { name: "Restore my code" });
    this.undoButton = this.root.getByRole("button", { name: "Undo" });
    this.dismissButton = this.root.getByRole("button", { name: "Dismiss" });
  }
}
