/**
 * Real parallel processes share memory (SharedArrayBuffer), which browsers allow only
 * on a cross-origin isolated page. public/coi-serviceworker.js tries to isolate pages
 * served without the headers; if the page still is not isolated, this explains why
 * and how to fix it, instead of a page that silently does nothing.
 */
import { useEffect, useState, type ReactNode } from "react";
import "./Isolation.css";

type CoiStatus = NonNullable<Window["coiStatus"]>;

export function isIsolated(): boolean {
  return (
    typeof window !== "undefined" && window.crossOriginIsolated === true && typeof SharedArrayBuffer === "function"
  );
}

function currentStatus(): CoiStatus | "none" {
  return window.coiStatus ?? "none";
}

export function IsolationGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState(currentStatus);

  useEffect(() => {
    const onStatus = () => setStatus(currentStatus());
    window.addEventListener("coi-status", onStatus);
    // The script may have reported between the first render and this effect.
    onStatus();
    return () => window.removeEventListener("coi-status", onStatus);
  }, []);

  if (isIsolated()) return <>{children}</>;
  // The service worker is being installed; the page reloads by itself in a moment.
  if (status === "pending" || status === "reloading") {
    return (
      <div className="isolation isolation--waiting" role="status">
        <p>Preparing the playground…</p>
      </div>
    );
  }
  return <IsolationNotice />;
}

export function IsolationNotice() {
  const secure = window.isSecureContext;
  return (
    <main className="isolation" data-testid="isolation.notice">
      <div className="isolation__card">
        <h1>Parallel processes need a cross-origin isolated page</h1>
        <p className="isolation__lead">
          This browser could not enable cross-origin isolation, which real parallel processes need: each process is a
          Web Worker, and they share memory through <code>SharedArrayBuffer</code>, which browsers only allow on an
          isolated page. Without it the playground cannot run anything.
        </p>
        <h2>How to fix it</h2>
        <ul>
          <li>
            Try a current Chrome, Edge or Firefox (private windows and some embedded browsers block the helper this page
            uses).
          </li>
          {!secure && (
            <li>
              Open the page over <code>https://</code> or from <code>http://localhost</code>: isolation needs a secure
              context.
            </li>
          )}
          <li>
            If you host the playground yourself, serve it with these two headers:
            <pre className="isolation__headers">
              {"Cross-Origin-Opener-Policy: same-origin\nCross-Origin-Embedder-Policy: require-corp"}
            </pre>
            <code>npm start</code> and <code>npm run preview</code> already send them.
          </li>
        </ul>
        <button type="button" className="isolation__retry" onClick={() => window.location.reload()}>
          Reload and try again
        </button>
      </div>
    </main>
  );
}
