/** Processes share memory, which needs a cross-origin isolated page. */
import { expect, test } from "./fixtures";

test("the served page is cross-origin isolated", async ({ app, page }) => {
  const response = await page.goto("/");
  expect(response?.ok()).toBe(true);
  // Isolated by the server's own headers, not by the service worker's reload.
  expect(response?.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  expect(response?.headers()["cross-origin-embedder-policy"]).toBe("require-corp");

  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe("function");
  await expect(page.getByTestId("isolation.notice")).toHaveCount(0);
  await expect(app.toolbar.runButton).toBeVisible();
});
