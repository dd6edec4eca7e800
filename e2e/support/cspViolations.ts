/**
 * Content-Security-Policy violations the page reports: its `securitypolicyviolation`
 * events (recorded from the first script on) and the console errors Chromium logs
 * for them. Call before the page loads.
 */
import type { Page } from "@playwright/test";

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export class CspViolations {
  private readonly logged: string[] = [];

  private constructor(private readonly page: Page) {
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) this.logged.push(m.text());
    });
  }

  static async watch(page: Page): Promise<CspViolations> {
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__cspViolations?.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
    });
    return new CspViolations(page);
  }

  /** "connect-src http://127.0.0.1:…" for each event so far, then each console error. */
  async all(): Promise<string[]> {
    const events = await this.page.evaluate(() => window.__cspViolations ?? []);
    return [...events, ...this.logged];
  }
}
