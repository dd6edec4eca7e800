import { expect, type Page } from "@playwright/test";
import LZString from "lz-string";
import { ConsolePanel } from "./ConsolePanel";
import { EditorPanel } from "./EditorPanel";
import { InspectorPanel } from "./InspectorPanel";
import { RestoreBanner } from "./RestoreBanner";
import { TimelinePanel } from "./TimelinePanel";
import { ToolbarPanel, type RunStatus } from "./ToolbarPanel";

/** The whole playground page, with one page object per panel. */
export class AppPage {
  readonly toolbar: ToolbarPanel;
  readonly editor: EditorPanel;
  readonly console: ConsolePanel;
  readonly timeline: TimelinePanel;
  readonly inspector: InspectorPanel;
  readonly restore: RestoreBanner;

  constructor(readonly page: Page) {
    this.toolbar = new ToolbarPanel(page);
    this.editor = new EditorPanel(page);
    this.console = new ConsolePanel(page);
    this.timeline = new TimelinePanel(page);
    this.inspector = new InspectorPanel(page);
    this.restore = new RestoreBanner(page);
  }

  /** The notice banner above the work area (e.g. for a link that could not be read). */
  get notice() {
    return this.page.getByTestId("notice");
  }

  /** The page's root: data-presentation says whether presentation mode is on. */
  get root() {
    return this.page.getByTestId("app.root");
  }

  async expectPresentation(on: boolean): Promise<void> {
    await expect(this.root).toHaveAttribute("data-presentation", String(on));
    await expect(this.toolbar.presentationButton).toHaveAttribute("aria-pressed", String(on));
  }

  /** Presses a key with the focus out of the editor (the learner clicked the run's status, which takes no focus). */
  async pressOutsideEditor(key: string): Promise<void> {
    await this.toolbar.status.click();
    await this.page.keyboard.press(key);
  }

  /** How wide the page is and how wide its window shows it (scrollWidth > clientWidth: it scrolls sideways). */
  async pageWidths(): Promise<{ scrollWidth: number; clientWidth: number }> {
    return this.page.evaluate(() => {
      const page = document.scrollingElement ?? document.documentElement;
      return { scrollWidth: page.scrollWidth, clientWidth: page.clientWidth };
    });
  }

  /** The `#code=` fragment a share link carries for `code`. */
  static linkHash(code: string): string {
    return `#code=${LZString.compressToEncodedURIComponent(code)}`;
  }

  /** Opens the playground: with `code` through a `#code=` link, otherwise the default example. */
  async goto(code?: string): Promise<void> {
    await this.gotoHash(code === undefined ? "" : AppPage.linkHash(code));
  }

  /** Opens the playground with a raw fragment (e.g. a malformed link). */
  async gotoHash(hash: string): Promise<void> {
    await this.page.goto(`/${hash}`);
    await this.settle();
  }

  /**
   * Opens the playground at a full address, e.g. on a static host, where the page is
   * isolated only after the service worker's one reload.
   */
  async gotoIsolated(url: string): Promise<void> {
    await this.page.goto(url);
    await expect
      .poll(() => this.page.evaluate(() => window.crossOriginIsolated).catch(() => false), { timeout: 30_000 })
      .toBe(true);
    await this.settle();
  }

  /** Reloads the page, as the learner's F5 would (the page is hidden, then loaded afresh). */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.settle();
  }

  /** Animations off, and the editor ready. */
  private async settle(): Promise<void> {
    await this.page.evaluate(() => {
      document.documentElement.dataset.animations = "off";
    });
    await expect(this.page.locator("html")).toHaveAttribute("data-animations", "off");
    await this.editor.waitUntilReady();
  }

  /** Presses the Run button and waits until the run has begun. */
  async run(): Promise<void> {
    await this.toolbar.run();
    await this.expectRunStarted();
  }

  /** Runs with Ctrl+Enter typed into the editor. */
  async runWithKeyboard(): Promise<void> {
    await this.editor.focusAtEnd();
    await this.page.keyboard.press("Control+Enter");
    await this.expectRunStarted();
  }

  /** The status pill left "idle" (a run that ends very fast may already be finished). */
  async expectRunStarted(): Promise<void> {
    await expect(this.toolbar.status).not.toHaveAttribute("data-status", "idle");
  }

  async stop(): Promise<void> {
    await this.toolbar.stop();
  }

  async waitForStatus(status: RunStatus, timeout = 15_000): Promise<void> {
    await this.toolbar.expectStatus(status, { timeout });
  }

  /** Waits for the run to finish and checks the main process's exit code. */
  async expectFinished(exitCode: number, timeout = 15_000): Promise<void> {
    await this.waitForStatus("finished", timeout);
    await expect(this.toolbar.status).toHaveAttribute("data-exit-code", String(exitCode));
  }

  /** Milliseconds for one round trip to the page and back through a rendered frame. */
  async frameRoundTrip(): Promise<number> {
    const t0 = Date.now();
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    return Date.now() - t0;
  }
}
