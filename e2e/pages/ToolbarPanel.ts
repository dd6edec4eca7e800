import { expect, type Locator, type Page } from "@playwright/test";

export type RunStatus = "idle" | "running" | "stopping" | "finished" | "stopped" | "deadlocked" | "syntax-error";

/** The bar across the top: Run, Stop, the run's status, the Examples menu. */
export class ToolbarPanel {
  readonly root: Locator;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly status: Locator;
  readonly examples: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole("banner");
    this.runButton = this.root.getByRole("button", { name: "Run", exact: true });
    this.stopButton = this.root.getByRole("button", { name: "Stop", exact: true });
    this.status = page.getByTestId("toolbar.status");
    this.examples = this.root.getByRole("combobox", { name: "Examples" });
  }

  async run(): Promise<void> {
    await this.runButton.click();
  }

  async stop(): Promise<void> {
    await this.stopButton.click();
  }

  async expectStatus(status: RunStatus, options: { timeout?: number } = {}): Promise<void> {
    await expect(this.status).toHaveAttribute("data-status", status, options);
  }

  /** The exit code the status pill reports (null when it reports none). */
  async exitCode(): Promise<number | null> {
    const raw = await this.status.getAttribute("data-exit-code");
    return raw === null ? null : Number(raw);
  }

  /** The options of the Examples menu, in menu order. */
  async exampleOptions(): Promise<{ value: string; label: string }[]> {
    return this.examples
      .locator("option")
      .evaluateAll((options) =>
        (options as HTMLOptionElement[])
          .filter((o) => o.value !== "")
          .map((o) => ({ value: o.value, label: (o.textContent ?? "").trim() })),
      );
  }

  /** The Examples menu's groups (optgroups), in menu order, each with its options' values. */
  async exampleGroups(): Promise<{ label: string; values: string[] }[]> {
    return this.examples.locator("optgroup").evaluateAll((groups) =>
      (groups as HTMLOptGroupElement[]).map((g) => ({
        label: g.label,
        values: [...g.querySelectorAll("option")].map((o) => o.value),
      })),
    );
  }

  async selectExample(value: string): Promise<void> {
    await this.examples.selectOption(value);
  }
}
