/*
 * Cross-origin isolation for static hosts that cannot send headers.
 *
 * SharedArrayBuffer (which the playground's processes share memory through) needs
 * `crossOriginIsolated`, which needs two response headers:
 *   Cross-Origin-Opener-Policy: same-origin
 *   Cross-Origin-Embedder-Policy: require-corp
 * `npm start` and `vite preview` send them. Elsewhere this one file does it:
 * - loaded by the page (a classic <script>), it registers itself as a service
 *   worker and reloads the page once, so the worker controls it;
 * - running as the service worker, it re-serves every same-origin response with
 *   those headers added, with Cross-Origin-Resource-Policy and the playground's
 *   Content-Security-Policy (which keeps snippets off the network), as the servers
 *   of `npm start` and `npm run dev` send them.
 * A sessionStorage flag allows one automatic reload only: if the page is still not
 * isolated after it, `window.coiStatus` says "failed" and the app explains why.
 */
/* eslint-disable */
if (typeof window === "undefined") {
  // ---- Service worker side ----
  /** A copy of server/responseHeaders.ts's RESPONSE_HEADERS (a plain file cannot import it; a test compares them). */
  const RESPONSE_HEADERS = {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Content-Security-Policy":
      "default-src 'self'; script-src 'self' 'unsafe-eval'; worker-src 'self'; connect-src 'self'; " +
      "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; " +
      "frame-src 'none'; base-uri 'self'; form-action 'none'",
  };

  self.addEventListener("install", () => self.skipWaiting());
  self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

  self.addEventListener("fetch", (event) => {
    const request = event.request;
    // Chrome quirk: such requests fail when fetched from a service worker.
    if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
    // Leave other origins alone (the app loads none; nothing to add headers to).
    if (new URL(request.url).origin !== self.location.origin) return;

    event.respondWith(
      fetch(request).then((response) => {
        if (response.status === 0) return response; // opaque: headers cannot be changed
        const headers = new Headers(response.headers);
        for (const [name, value] of Object.entries(RESPONSE_HEADERS)) headers.set(name, value);
        return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
      }),
    );
  });
} else {
  // ---- Page side ----
  (() => {
    const FLAG = "coi-serviceworker-reloaded";
    const setStatus = (status, detail) => {
      window.coiStatus = status;
      window.dispatchEvent(new CustomEvent("coi-status", { detail: { status, detail } }));
    };

    if (window.crossOriginIsolated) {
      sessionStorage.removeItem(FLAG);
      setStatus("isolated");
      return;
    }
    if (!window.isSecureContext || !("serviceWorker" in navigator)) {
      setStatus(
        "unsupported",
        window.isSecureContext ? "no service workers" : "not a secure context (use https or localhost)",
      );
      return;
    }
    if (sessionStorage.getItem(FLAG)) {
      // We already reloaded once and it did not help: stop here, let the app explain.
      sessionStorage.removeItem(FLAG);
      setStatus("failed", "still not isolated after the service worker took over");
      return;
    }

    setStatus("pending");
    const reloadOnce = () => {
      sessionStorage.setItem(FLAG, "1");
      setStatus("reloading");
      window.location.reload();
    };
    navigator.serviceWorker
      .register(document.currentScript.src)
      .then((registration) => {
        // Controlled already (e.g. a new tab of a registered site): one reload applies the headers.
        if (navigator.serviceWorker.controller) return reloadOnce();
        const worker = registration.installing || registration.waiting || registration.active;
        if (worker && worker.state === "activated") return reloadOnce();
        navigator.serviceWorker.addEventListener("controllerchange", reloadOnce, { once: true });
      })
      .catch((err) => setStatus("failed", String(err)));
  })();
}
