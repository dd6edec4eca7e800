/**
 * The API docs' snippets that Node cannot run (docs/docCode.ts: "ts browser-only"), run
 * in the app as a learner would, and compared with their Output blocks line by line.
 */
import { expect, test } from "./fixtures";
import { codeBlocks, readDocs } from "../docs/docCode";

const browserOnly = readDocs()
  .flatMap(codeBlocks)
  .filter((b) => b.runsIn === "browser");

test.describe("The API docs in the browser", () => {
  test("there is a browser-only snippet to run", () => {
    expect(browserOnly.length).toBeGreaterThan(0);
  });

  for (const block of browserOnly) {
    test(`${block.where} prints its Output block`, async ({ app }) => {
      await app.goto(block.code);
      await app.run();
      await app.expectFinished(block.expected.exitCode);
      const lines = block.expected.output.replace(/\n$/, "").split("\n");
      await expect(app.console.lines).toHaveText(lines);
    });
  }
});
