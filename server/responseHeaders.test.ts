import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { RESPONSE_HEADERS, contentSecurityPolicy, responseHeaders } from "./responseHeaders";

type Middleware = (req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => void;

/** The directives of a policy, as name -> sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name = "", ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

/** What the service worker answers for a same-origin request whose server sent `headers`. */
async function serviceWorkerResponse(headers: Record<string, string>): Promise<Response> {
  const source = readFileSync(new URL("../public/coi-serviceworker.js", import.meta.url), "utf8");
  const listeners = new Map<string, (event: unknown) => void>();
  const self = {
    location: { origin: "https://example.test" },
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
  };
  const fetch = async () => new Response("body", { status: 200, headers });
  runInNewContext(source, { self, fetch, URL, Headers, Response });
  let answer: Promise<Response> | null = null;
  const request = { url: "https://example.test/assets/process.worker.js", cache: "default", mode: "same-origin" };
  listeners.get("fetch")?.({ request, respondWith: (r: Promise<Response>) => (answer = r) });
  if (!answer) throw new Error("the service worker did not answer");
  return answer;
}

describe("the response headers", () => {
  it("allow no other origin anywhere: no scheme, host or wildcard, no blob: or data: code", () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("worker-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-eval'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    for (const [name, sources] of policy) {
      for (const s of sources) {
        const allowed = s.startsWith("'") || (s === "data:" && (name === "img-src" || name === "font-src"));
        expect(allowed, `${name} ${s}`).toBe(true);
      }
    }
  });

  it("add a nonce to script-src only, and only when given one", () => {
    const policy = directives(contentSecurityPolicy("abc"));
    expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-eval'", "'nonce-abc'"]);
    expect(contentSecurityPolicy("abc").match(/nonce/g)).toHaveLength(1);
    expect(contentSecurityPolicy()).not.toContain("nonce");
  });

  it("are what the service worker adds on static hosts, replacing the host's own", async () => {
    const response = await serviceWorkerResponse({
      "Content-Type": "text/javascript",
      "Content-Security-Policy": "default-src *",
    });
    for (const [name, value] of Object.entries(RESPONSE_HEADERS)) expect(response.headers.get(name), name).toBe(value);
    expect(response.headers.get("Content-Type")).toBe("text/javascript");
    expect(await response.text()).toBe("body");
  });

  it("are set by the preview server's first middleware on every request, whatever it asks for", () => {
    const middlewares: Middleware[] = [];
    const plugin = responseHeaders();
    const hook = plugin.configurePreviewServer as (server: unknown) => void;
    hook({ middlewares: { use: (m: Middleware) => middlewares.push(m) } });
    expect(middlewares).toHaveLength(1);
    const set: Record<string, string> = {};
    let nextCalled = false;
    middlewares[0]?.({ url: "/missing" }, { setHeader: (n, v) => (set[n] = v) }, () => (nextCalled = true));
    expect(set).toEqual(RESPONSE_HEADERS);
    expect(nextCalled).toBe(true);
  });
});
