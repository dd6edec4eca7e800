/**
 * The sandbox: a shared link that someone runs must not be able to phone home. Each
 * test aims real requests at a local server and counts what arrives there.
 */
import { RESPONSE_HEADERS } from "../server/responseHeaders";
import { expect, test } from "./fixtures";
import { AppPage } from "./pages/AppPage";
import { CspViolations } from "./support/cspViolations";
import { ProbeServer } from "./support/probeServer";
import { StaticHost } from "./support/staticHost";

const POLICY = RESPONSE_HEADERS["Content-Security-Policy"];

/** Every way a process could try to reach `origin`, in the main process and in a child. */
function probes(origin: string): string {
  const ws = origin.replace(/^http/, "ws");
  return `import { Process } from "multiprocessing";
import * as time from "time";

function attempt(who: string, what: string, action: () => unknown) {
  try {
    action();
    print(\`\${who} \${what}: called\`);
  } catch (e) {
    print(\`\${who} \${what}: \${(e as Error).name}: \${(e as Error).message}\`);
  }
}

function attempts(who: string) {
  attempt(who, "fetch", () => fetch("${origin}/fetch"));
  attempt(who, "XMLHttpRequest", () => {
    const xhr = new XMLHttpRequest();
    xhr.open("GET", "${origin}/xhr");
    xhr.send();
  });
  attempt(who, "WebSocket", () => new WebSocket("${ws}/ws"));
  attempt(who, "EventSource", () => new EventSource("${origin}/events"));
  attempt(who, "importScripts", () => importScripts("${origin}/script.js"));
  attempt(who, "blob Worker", () => {
    const code = new Blob(['fetch("${origin}/blob-worker")'], { type: "text/javascript" });
    return new Worker(URL.createObjectURL(code), { type: "module" });
  });
  attempt(who, "data Worker", () => new Worker('data:text/javascript,fetch("${origin}/data-worker")'));
  // Out of the compiler's sight: only the Content-Security-Policy stops this one.
  attempt(who, "import()", () => new Function("u", "return import(u)")("${origin}/module.js"));
}

if (__name__ === "__main__") {
  const p = new Process({ target: attempts, args: ["child"] });
  p.start();
  attempts("main");
  p.join();
  // An import() starts only once its process yields: the child's worker, idle now, lets it.
  time.sleep(1);
  fetch("${origin}/uncaught");
}
`;
}

test.describe("The sandbox", () => {
  let server: ProbeServer;

  test.beforeAll(async () => {
    server = await ProbeServer.start();
  });
  test.afterAll(async () => {
    await server.close();
  });
  test.beforeEach(() => server.reset());

  /** Runs the probes and checks each was refused where the snippet made it, and that nothing arrived. */
  async function expectProbesRefused(app: AppPage): Promise<void> {
    await app.run();
    await app.expectFinished(1, 30_000);
    // The console is virtualised and follows the end; the refusals are its first lines.
    await app.console.scrollToTop();
    for (const who of ["main", "child"]) {
      for (const api of ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts"]) {
        await app.console.expectLine(`${who} ${api}: PermissionError: snippets cannot use the network (${api})`);
      }
      for (const kind of ["blob", "data"]) {
        await app.console.expectLine(
          `${who} ${kind} Worker: PermissionError: snippets cannot start workers (Worker): use multiprocessing.Process`,
        );
      }
    }
    // The uncaught one: the traceback ends with it, and the run with exit code 1.
    await app.console.scrollToBottom();
    await app.console.expectLine(/^PermissionError: snippets cannot use the network \(fetch\)$/);
    // Let anything in flight land before counting (before the policy, 12 requests did).
    await app.page.waitForTimeout(1000);
    expect(server.received).toEqual([]);
  }

  test("a snippet reaches no server: every network API is refused", async ({ app }) => {
    await app.goto(probes(server.origin));
    await expectProbesRefused(app);
  });

  test("on a static host, the service worker brings the same policy", async ({ app, page }) => {
    const host = await StaticHost.start();
    try {
      const violations = await CspViolations.watch(page);
      await app.gotoIsolated(host.url + AppPage.linkHash(probes(server.origin)));
      await expectProbesRefused(app);
      // The page's own fetch is refused by the policy the service worker added.
      expect(await page.evaluate((url) => fetch(url).then(String, String), `${server.origin}/page`)).toMatch(
        /TypeError/,
      );
      expect(await violations.all()).toContainEqual(`connect-src ${server.origin}/page`);
      expect(server.received).toEqual([]);
    } finally {
      await host.close();
    }
  });

  test("import() is refused by the compiler, at its line, and nothing runs", async ({ app }) => {
    await app.goto(`print("never");\nconst m = import("${server.origin}/module.js");\n`);
    await app.toolbar.run();
    await app.waitForStatus("syntax-error");
    await expect(app.console.statusRows.filter({ hasText: "line 2" })).not.toHaveCount(0);
    await expect(
      app.console.statusRows.filter({ hasText: "SyntaxError: dynamic import() is not available" }),
    ).not.toHaveCount(0);
    await expect(app.console.lines).toHaveCount(0);
    expect(server.received).toEqual([]);
  });

  test("every response carries the policy: page, assets and each kind of worker script", async ({ app, page }) => {
    const policies = new Map<string, string | undefined>();
    page.on("response", (r) => policies.set(new URL(r.url()).pathname, r.headers()["content-security-policy"]));
    await app.goto('print("hi");\n');
    await app.run();
    await app.expectFinished(0);

    const paths = [...policies.keys()];
    for (const worker of ["kernel.worker", "process.worker", "ts.worker", "editor.worker"]) {
      expect(
        paths.some((p) => p.includes(`/${worker}`)),
        worker,
      ).toBe(true);
    }
    for (const [path, policy] of policies) expect(policy, path).toBe(POLICY);
    expect(policies.size).toBeGreaterThan(8);
    const missing = await page.request.get("/no-such-file");
    expect(missing.headers()["content-security-policy"]).toBe(POLICY);
  });

  test("the page itself reaches no server either", async ({ app, page }) => {
    const violations = await CspViolations.watch(page);
    await app.goto('print("hi");\n');
    const outcomes = await page.evaluate(async (origin) => {
      const settle = (p: Promise<unknown>) =>
        p.then(
          () => "loaded",
          (e: unknown) => `refused: ${String(e)}`,
        );
      // eslint-disable-next-line no-restricted-syntax -- the page's own attempt, which the policy must refuse
      const worker = new Worker(URL.createObjectURL(new Blob([`fetch("${origin}/blob-worker")`])));
      const workerFailed = new Promise<string>((resolve) => worker.addEventListener("error", () => resolve("error")));
      new WebSocket(`${origin.replace("http", "ws")}/ws`);
      new EventSource(`${origin}/events`);
      return {
        fetch: await settle(fetch(`${origin}/fetch`)),
        import: await settle(import(/* @vite-ignore */ `${origin}/module.js`)),
        worker: await workerFailed,
      };
    }, server.origin);
    expect(outcomes.fetch).toMatch(/^refused: TypeError/);
    expect(outcomes.import).toMatch(/^refused: TypeError/);
    expect(outcomes.worker).toBe("error");
    await page.waitForTimeout(1000);
    expect(server.received).toEqual([]);
    const seen = await violations.all();
    for (const directive of ["connect-src", "script-src-elem", "worker-src"]) {
      expect(
        seen.some((v) => v.startsWith(`${directive} `)),
        `${directive} in ${seen.join(", ")}`,
      ).toBe(true);
    }
  });

  test("the editor works under the policy: types, completes, no violation", async ({ app, page }) => {
    const violations = await CspViolations.watch(page);
    await app.goto('print("hi");\n');
    expect(await violations.all()).toEqual([]);
    await expect(app.editor.errorSquiggles).toHaveCount(0);

    await app.editor.focusAtEnd();
    await app.editor.type('const n: number = "text";\n');
    // The TypeScript worker checked the new line.
    await expect(app.editor.errorSquiggles.first()).toBeVisible();

    await app.editor.type("pri");
    await app.editor.suggest();
    await expect(app.editor.suggestions.filter({ hasText: /^print/ }).first()).toBeVisible();
    // The suggestion's kind icon is a glyph of Monaco's own font, loaded from this origin.
    await expect
      .poll(() => page.evaluate(() => [...document.fonts].some((f) => f.family === "codicon" && f.status === "loaded")))
      .toBe(true);
    expect(await violations.all()).toEqual([]);
  });
});
