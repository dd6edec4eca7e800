import { expect, type Locator, type Page } from "@playwright/test";

/** The code panel: Monaco (once loaded), its header and the marks drawn on lines. */
export class EditorPanel {
  readonly panel: Locator;
  readonly root: Locator;
  readonly monaco: Locator;
  /** Monaco's rendered text lines. */
  readonly viewLines: Locator;
  /** The "SyntaxError · line N" badge in the panel header. */
  readonly syntaxBadge: Locator;
  /** The example's title (or "Shared code") in the panel header. */
  readonly subtitle: Locator;
  /** "Revert" in the panel header, there while the code has edits. */
  readonly revertButton: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole("region", { name: "Program" });
    this.root = page.getByTestId("editor.root");
    this.monaco = this.root.locator(".monaco-editor");
    this.viewLines = this.monaco.locator(".view-lines");
    this.syntaxBadge = page.getByTestId("editor.syntax");
    this.subtitle = this.panel.locator(".panel__subtitle");
    this.revertButton = this.panel.getByRole("button", { name: "Revert" });
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.root).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
    await expect(this.viewLines).toBeVisible();
  }

  /**
   * The text of the lines Monaco has drawn, top to bottom (what the learner sees). Long
   * lines wrap on screen; their pieces are joined back into one line (a piece that starts
   * a line is the one with a line number in the gutter).
   */
  async visibleText(): Promise<string> {
    return this.monaco.evaluate((editor) => {
      const numberTops = Array.from(editor.querySelectorAll<HTMLElement>(".line-numbers"))
        .filter((n) => (n.textContent ?? "").trim() !== "")
        .map((n) => n.getBoundingClientRect().top);
      const pieces = Array.from(editor.querySelectorAll<HTMLElement>(".view-lines .view-line"))
        .map((line) => ({
          top: line.getBoundingClientRect().top,
          text: (line.textContent ?? "").replace(/\u00a0/g, " "),
        }))
        .sort((a, b) => a.top - b.top);
      const lines: string[] = [];
      for (const piece of pieces) {
        const startsLine = lines.length === 0 || numberTops.some((t) => Math.abs(t - piece.top) < 2);
        if (startsLine) lines.push(piece.text);
        else lines[lines.length - 1] += piece.text.replace(/^ +/, "");
      }
      return lines.join("\n");
    });
  }

  /** The size of the code's type as drawn, css px (Monaco's fontSize). */
  async fontSize(): Promise<number> {
    return this.viewLines.evaluate((lines) => parseFloat(getComputedStyle(lines).fontSize));
  }

  /** Puts the caret at the end of the program, with the editor focused. */
  async focusAtEnd(): Promise<void> {
    await this.viewLines.click();
    await this.page.keyboard.press("Control+End");
    await expect(this.monaco).toHaveClass(/\bfocused\b/);
  }

  /** Puts the caret at the start of the program, with the editor focused. */
  async focusAtStart(): Promise<void> {
    await this.viewLines.click();
    await this.page.keyboard.press("Control+Home");
    await expect(this.monaco).toHaveClass(/\bfocused\b/);
  }

  /** Types at the caret as a learner would. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /**
   * The line numbers (from the gutter) of the lines carrying a whole-line decoration with
   * `className` (the timeline highlight is `pg-line-highlight`, a syntax error `pg-error-line`).
   */
  async linesDecoratedWith(className: string): Promise<number[]> {
    return this.monaco.evaluate((editor, cls) => {
      const numbers = Array.from(editor.querySelectorAll<HTMLElement>(".line-numbers")).map((n) => ({
        top: n.getBoundingClientRect().top,
        n: Number((n.textContent ?? "").trim()),
      }));
      const found = new Set<number>();
      for (const deco of Array.from(editor.querySelectorAll<HTMLElement>(`.view-overlays .${cls}`))) {
        const top = deco.getBoundingClientRect().top;
        const match = numbers.find((x) => Math.abs(x.top - top) < 2 && Number.isFinite(x.n) && x.n > 0);
        if (match) found.add(match.n);
      }
      return [...found].sort((a, b) => a - b);
    }, className);
  }

  async highlightedLines(): Promise<number[]> {
    return this.linesDecoratedWith("pg-line-highlight");
  }

  async errorLines(): Promise<number[]> {
    return this.linesDecoratedWith("pg-error-line");
  }

  /** Monaco's red squiggles (error markers). */
  get errorSquiggles(): Locator {
    return this.monaco.locator(".squiggly-error");
  }

  /** The rows of the completion list (quick suggestions while typing, or Ctrl+Space). */
  get suggestions(): Locator {
    return this.monaco.locator(".suggest-widget.visible .monaco-list-row");
  }

  /** Asks for completions at the caret, as Ctrl+Space does. */
  async suggest(): Promise<void> {
    await this.page.keyboard.press("Control+Space");
  }
}
