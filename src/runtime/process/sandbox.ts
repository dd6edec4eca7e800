/**
 * What a process withholds from its snippet: every way out to the network, and
 * workers of its own (a nested worker is outside the process model, and a fresh
 * global scope with fetch in it). The Content-Security-Policy every response
 * carries (server/responseHeaders.ts) already refuses the requests themselves; this
 * makes the call fail where the snippet made it, with an error that says why,
 * instead of a request refused out of sight (a rejected promise nobody awaits).
 *
 * Each name is replaced where the engine defines it (on the global object, or up its
 * prototype chain) by a function that raises PermissionError when called or
 * constructed; the object `caches` by one whose every property read raises it. A
 * name the engine lacks (WebTransport in Node, sendBeacon in workers) stays absent.
 * The runtime itself uses none of them: the kernel, not a process, creates workers.
 * BroadcastChannel stays: it reaches only this origin's own tabs and workers.
 */
import { PermissionError } from "../lib/exceptions";

/** Each of these makes a request: to a URL, a socket, a peer, or (Cache.add) the network behind a cache. */
const NETWORK = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "EventSource",
  "WebTransport",
  "RTCPeerConnection",
  "importScripts",
  "FontFace",
] as const;
const NETWORK_OBJECTS = ["caches"] as const;
const WORKERS = ["Worker", "SharedWorker"] as const;

const NETWORK_WHY = (name: string) => `snippets cannot use the network (${name})`;
const WORKER_WHY = (name: string) => `snippets cannot start workers (${name}): use multiprocessing.Process`;

/** Withholds the network and nested workers from everything that runs in `scope` from now on. */
export function sandboxScope(scope: object = globalThis): void {
  for (const name of NETWORK) withhold(scope, name, refusingFunction(name, NETWORK_WHY(name)));
  for (const name of NETWORK_OBJECTS) withhold(scope, name, refusingObject(NETWORK_WHY(name)));
  for (const name of WORKERS) withhold(scope, name, refusingFunction(name, WORKER_WHY(name)));
  const navigator = (scope as { navigator?: object }).navigator;
  if (navigator) withhold(navigator, "sendBeacon", refusingFunction("sendBeacon", NETWORK_WHY("navigator.sendBeacon")));
}

/** Replaces `name` on `target` and on every prototype of it that has its own. */
function withhold(target: object, name: string, replacement: unknown): void {
  for (let o: object | null = target; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    if (!Object.prototype.hasOwnProperty.call(o, name)) continue;
    Object.defineProperty(o, name, { value: replacement, writable: false, enumerable: false, configurable: false });
  }
}

function refusingFunction(name: string, why: string): (...args: unknown[]) => never {
  const refuse = function (): never {
    throw new PermissionError(why);
  };
  Object.defineProperty(refuse, "name", { value: name });
  return refuse;
}

function refusingObject(why: string): object {
  return new Proxy(Object.freeze({}), {
    get() {
      throw new PermissionError(why);
    },
  });
}
