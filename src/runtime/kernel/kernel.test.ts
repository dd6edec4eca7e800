import { afterAll, describe, expect, it } from "vitest";
import { Kernel } from "./kernel";
import { createNodePlatform } from "../node/nodePlatform";
import { runSnippet } from "../node/runSnippet";

const SEQUENTIAL = `import { Process } from "multiprocessing";
function empty() {}
if (__name__ === "__main__") {
  for (let i = 0; i < 30; i++) {
    const p = new Process({ target: empty });
    p.start();
    p.join();
  }
  print("done");
}
`;

describe("the warm pool", () => {
  const platform = createNodePlatform();
  let boots = 0;
  const counting = {
    ...platform,
    createWorker: (...args: Parameters<typeof platform.createWorker>) => {
      boots++;
      return platform.createWorker(...args);
    },
  };
  const kernel = new Kernel(counting, { warmWorkers: 2 });
  afterAll(() => kernel.dispose());

  it("gives sequential start+joins the worker their last child exited from, booting no more", async () => {
    kernel.prewarm();
    const before = boots;
    const r = await runSnippet(SEQUENTIAL, { kernel });
    expect(r.stdout).toBe("done\n");
    // The main process takes a warm worker and one boots in its place; every child after
    // the first reuses the worker of the child before. A start() that took a fresh worker
    // instead (the parent's start() often arrives before the child's "exited") would boot
    // one more each time: a few per 30 in the CLI.
    expect(boots - before).toBeLessThanOrEqual(2);
  }, 60_000);
});
