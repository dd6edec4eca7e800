/// <reference types="vite/client" />

/** Set by public/coi-serviceworker.js (a classic script that runs before the app). */
type CoiStatus = "isolated" | "pending" | "reloading" | "unsupported" | "failed";

interface Window {
  coiStatus?: CoiStatus;
}

interface WindowEventMap {
  "coi-status": CustomEvent<{ status: CoiStatus; detail?: string }>;
}
