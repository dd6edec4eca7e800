import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page } from "@playwright/test";

export type RunStatus = "idle" | "running" | "stopping" | "finished" | "stopped" | "deadlocked" | "syntax-error";

/** Where a toolbar control lies, in CSS pixels. */
export interface ControlBox {
  name: string;
  left: number;
  right: number;
}

/** The bar across the top: Run, Stop, the run's status, the Examples menu, Export trace, Share, Presentation. */
export class ToolbarPanel {
  readonly root: Locator;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly status: Locator;
  readonly examples: Locator;
  readonly exportTraceButton: Locator;
  readonly shareButton: Locator;
  /** Switches presentation mode (aria-pressed says whether it is on). */
  readonly presentationButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole("banner");
    this.runButton = this.root.getByRole("button", { name: "Run", exact: true });
    this.stopButton = this.root.getByRole("button", { name: "Stop", exact: true });
    this.status = page.getByTestId("toolbar.status");
    this.examples = this.root.getByRole("combobox", { name: "Examples" });
    this.exportTraceButton = this.root.getByRole("button", { name: "Export trace", exact: true });
    this.shareButton = this.root.getByRole("button", { name: "Share", exact: true });
    this.presentationButton = this.root.getByRole("button", { name: "Presentation", exact: true });
  }

  /** Every control of the bar, by its accessible name, with the status pill and the title. */
  controls(): [string, Locator][] {
    return [
      ["title", this.root.getByRole("heading", { level: 1 })],
      ["Run", this.runButton],
      ["Stop", this.stopButton],
      ["status", this.status],
      ["Examples", this.examples],
      ["Export trace", this.exportTraceButton],
      ["Share", this.shareButton],
      ["Presentation", this.presentationButton],
    ];
  }

  /** The controls' boxes, measured where they are drawn. */
  async controlBoxes(): Promise<ControlBox[]> {
    const boxes: ControlBox[] = [];
    for (const [name, control] of this.controls()) {
      const box = await control.boundingBox();
      if (!box) throw new Error(`${name} is not drawn`);
      boxes.push({ name, left: box.x, right: box.x + box.width });
    }
    return boxes;
  }

  /**
   * How the bar fits the window: the controls that reach outside it (or overlap the one
   * before them), and whether the page has grown wider than the window.
   */
  async fit(): Promise<{ outside: ControlBox[]; overlapping: string[]; scrollWidth: number; innerWidth: number }> {
    const boxes = await this.controlBoxes();
    const { scrollWidth, innerWidth } = await this.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    const outside = boxes.filter((b) => b.left < 0 || b.right > innerWidth);
    const overlapping = boxes
      .slice(1)
      .flatMap((b, i) => (b.left < boxes[i]!.right ? [`${boxes[i]!.name}/${b.name}`] : []));
    return { outside, overlapping, scrollWidth, innerWidth };
  }

  /** Whether the status pill's text ends in an ellipsis (it is wider than its room). */
  async statusCut(): Promise<boolean> {
    return this.status.locator(".status__text").evaluate((text) => text.scrollWidth > text.clientWidth);
  }

  /** The names of the bar's buttons and menus that are not wholly inside the window. */
  async controlsOutsideWindow(): Promise<string[]> {
    return this.root.locator("button, select").evaluateAll((controls) =>
      controls
        .filter((c) => {
          const box = c.getBoundingClientRect();
          return box.left < 0 || box.top < 0 || box.right > window.innerWidth || box.bottom > window.innerHeight;
        })
        .map((c) => c.getAttribute("aria-label") ?? (c.textContent ?? "").trim()),
    );
  }

  /** Presses the Presentation button, and checks it switched the mode to `on`. */
  async togglePresentation(on: boolean): Promise<void> {
    await this.presentationButton.click();
    await expect(this.presentationButton).toHaveAttribute("aria-pressed", String(on));
  }

  /** Downloads the last run's trace with the Export trace button and returns the file's text and name. */
  async exportTrace(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.exportTraceButton.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, "utf8") };
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

  /** The label of the Examples menu's option with this value ("" is the shared code). */
  async optionLabel(value: string): Promise<string> {
    const label = await this.examples.locator(`option[value="${value}"]`).textContent();
    return (label ?? "").trim();
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
