/**
 * The headers every response of the playground carries: the page, its assets and,
 * what matters most, the worker scripts (a worker's Content-Security-Policy is the
 * one its own script response brings, not the page's). One definition, used by
 * `npm run dev`, `npm start` and `npm run preview` (the plugin below), and by the
 * service worker that adds them on static hosts (public/coi-serviceworker.js keeps
 * a copy as a literal; responseHeaders.test.ts checks the copy is this).
 */
import { randomBytes } from "node:crypto";
import type { Connect, Plugin } from "vite";

/** SharedArrayBuffer needs a cross-origin isolated page, in dev and in the built preview alike. */
export const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
} as const;

/**
 * Code from a shared link runs in process workers and must not phone home: nothing
 * may be fetched from, connected to or run from another origin. Measured before this
 * policy: a snippet's fetch, XMLHttpRequest, WebSocket, EventSource, import() and a
 * data: worker's fetch all reached a server on 127.0.0.1 (only the responses were
 * blocked, by COEP). Same-origin stays open: the app's own modules, workers, fonts,
 * and in dev Vite's HMR WebSocket (`'self'` matches ws: on the same host and port).
 */
const DIRECTIVES = {
  "default-src": ["'self'"],
  // Each process evaluates the compiled snippet with eval (process/bootstrap.ts).
  "script-src": ["'self'", "'unsafe-eval'"],
  // No blob: or data: workers: a worker's script comes from this origin or not at all.
  "worker-src": ["'self'"],
  "connect-src": ["'self'"],
  // Monaco writes <style> elements; index.html has one.
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'", "data:"],
  "object-src": ["'none'"],
  "frame-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'none'"],
} satisfies Record<string, string[]>;

/** `nonce`, in dev only: the inline module script Vite's React plugin injects into index.html. */
export function contentSecurityPolicy(nonce?: string): string {
  const scripts = DIRECTIVES["script-src"];
  const directives = { ...DIRECTIVES, "script-src": nonce ? [...scripts, `'nonce-${nonce}'`] : scripts };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** What the built app's every response carries (the service worker's copy must equal this). */
export const RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  ...ISOLATION_HEADERS,
  "Content-Security-Policy": contentSecurityPolicy(),
};

/**
 * Sets the headers on every response of the dev and preview servers, before Vite's
 * own middlewares run: 404s and transformed modules included (Vite's
 * `server.headers` does not reach all of them).
 */
export function responseHeaders(): Plugin {
  const nonce = randomBytes(16).toString("base64");
  const setAll =
    (headers: Record<string, string>): Connect.NextHandleFunction =>
    (_req, res, next) => {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      next();
    };
  return {
    name: "playground:response-headers",
    // The dev server puts the nonce on every <script> of the page it serves.
    config: (_config, env) => (env.command === "serve" && !env.isPreview ? { html: { cspNonce: nonce } } : {}),
    configureServer(server) {
      server.middlewares.use(setAll({ ...ISOLATION_HEADERS, "Content-Security-Policy": contentSecurityPolicy(nonce) }));
    },
    configurePreviewServer(server) {
      server.middlewares.use(setAll(RESPONSE_HEADERS));
    },
  };
}
