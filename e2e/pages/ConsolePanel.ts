import { expect, type Locator, type Page } from "@playwright/test";

/** The console: every process's output, one row per line, with per-process filter chips. */
export class ConsolePanel {
  readonly root: Locator;
  /** The scrolling log itself (role="log", named "Console"). */
  readonly log: Locator;
  /** Output rows (one per line of program output). */
  readonly lines: Locator;
  /** The rows after the output: "Process finished with exit code N", a syntax error report. */
  readonly statusRows: Locator;
  /** Output rows and status rows together, in order. */
  readonly rows: Locator;
  readonly filters: Locator;
  /** "N lines" / "N of M lines". */
  readonly lineCount: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("console.root");
    this.log = this.root.getByRole("log", { name: "Console" });
    this.lines = this.log.getByTestId("console.line");
    this.statusRows = this.log.getByTestId("console.status");
    this.rows = this.log.locator('[data-testid="console.line"], [data-testid="console.status"]');
    this.filters = this.root.getByRole("toolbar", { name: "Show output of" }).getByTestId("console.filter");
    this.lineCount = this.root.getByText(/^[\d,]+( of [\d,]+)? lines?$/);
  }

  /** The size of the first output line's type as drawn, css px. */
  async fontSize(): Promise<number> {
    return this.lines
      .first()
      .locator(".con-text")
      .evaluate((text) => parseFloat(getComputedStyle(text).fontSize));
  }

  /** Output rows whose text matches. */
  linesMatching(text: string | RegExp): Locator {
    return this.lines.filter({ hasText: text });
  }

  /** Output rows written by the process with this pid. */
  linesOf(pid: number | string): Locator {
    return this.log.locator(`[data-testid="console.line"][data-pid="${pid}"]`);
  }

  /** Output rows that hold stderr (data-stream="2") or only stdout ("1"). */
  linesOfStream(stream: 1 | 2): Locator {
    return this.log.locator(`[data-testid="console.line"][data-stream="${stream}"]`);
  }

  /** The filter chip of a process, by its name. */
  filter(processName: string): Locator {
    return this.root
      .getByRole("toolbar", { name: "Show output of" })
      .getByRole("button", { name: processName, exact: true });
  }

  /** The text of every drawn row (the console is virtualised: rows in view only). */
  async texts(): Promise<string[]> {
    return this.rows.allTextContents();
  }

  /** Computed text colour of the first piece of output in `row`. */
  async textColor(row: Locator): Promise<string> {
    return row
      .locator(".con-text > span")
      .first()
      .evaluate((el) => getComputedStyle(el).color);
  }

  async expectLine(text: string | RegExp, options: { timeout?: number } = {}): Promise<void> {
    await expect(this.linesMatching(text).first()).toBeVisible(options);
  }

  /** The number of lines the count in the bar reports (the first number of "N of M"). */
  async reportedLineCount(): Promise<number> {
    const text = (await this.lineCount.textContent()) ?? "";
    return Number(text.replace(/ of .*/, "").replace(/[^\d]/g, ""));
  }

  /** How far the log scrolls sideways (0: every line fits its width). */
  async horizontalOverflow(): Promise<number> {
    return this.log.evaluate((el) => el.scrollWidth - el.clientWidth);
  }

  /**
   * The box of the last word of `row` (where its text ends on screen) and the log's box,
   * in page coordinates.
   */
  async lastWordBox(row: Locator): Promise<{ word: DOMRect; log: DOMRect; wordText: string }> {
    return row.evaluate((el) => {
      const log = el.closest('[role="log"]')!.getBoundingClientRect();
      const walker = document.createTreeWalker(el.querySelector(".con-text")!, NodeFilter.SHOW_TEXT);
      let last: Text | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n.textContent ?? "").trim()) last = n as Text;
      if (!last) throw new Error("The row has no text");
      const text = last.textContent ?? "";
      const end = text.trimEnd().length;
      const start = text.slice(0, end).lastIndexOf(" ") + 1;
      const range = document.createRange();
      range.setStart(last, start);
      range.setEnd(last, end);
      return { word: range.getBoundingClientRect().toJSON(), log: log.toJSON(), wordText: text.slice(start, end) };
    });
  }

  /** Scrolls the log to its start with the keyboard (Home), as a learner would. */
  async scrollToTop(): Promise<void> {
    await this.log.focus();
    await this.page.keyboard.press("Home");
  }

  /** Scrolls the log to its end with the keyboard (Ctrl+End), as a learner would. */
  async scrollToBottom(): Promise<void> {
    await this.log.focus();
    await this.page.keyboard.press("Control+End");
  }
}
