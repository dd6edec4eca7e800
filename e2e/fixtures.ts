/** The specs' `test`: Playwright's, plus `app`, the playground's page object. */
import { test as base } from "@playwright/test";
import { AppPage } from "./pages/AppPage";

export const test = base.extend<{ app: AppPage }>({
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
});

export { expect } from "@playwright/test";
