import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OSError, PermissionError } from "../lib/exceptions";
import { disposeSharedKernel, runSnippet } from "../node/runSnippet";
import { sandboxScope } from "./sandbox";

afterAll(() => disposeSharedKernel());

/** A global scope as an engine lays one out: some names on the object, some up its prototype chain. */
function fakeScope() {
  const reached: string[] = [];
  const api = (name: string) =>
    function () {
      reached.push(name);
    };
  const proto = { fetch: api("fetch"), importScripts: api("importScripts"), BroadcastChannel: api("BroadcastChannel") };
  const scope = Object.assign(Object.create(proto) as Record<string, unknown>, {
    XMLHttpRequest: api("XMLHttpRequest"),
    WebSocket: api("WebSocket"),
    EventSource: api("EventSource"),
    Worker: api("Worker"),
    caches: { open: api("caches.open") },
    navigator: { sendBeacon: api("sendBeacon"), hardwareConcurrency: 2 },
  });
  return { scope, proto, reached };
}

function refusal(action: () => unknown): unknown {
  try {
    action();
  } catch (e) {
    return e;
  }
  throw new Error("not refused");
}

describe("sandboxScope", () => {
  it("makes every network API and Worker raise PermissionError, and reaches none of them", () => {
    const { scope, proto, reached } = fakeScope();
    sandboxScope(scope);
    const call = (name: string) => () => (scope[name] as () => unknown)();
    const make = (name: string) => () => new (scope[name] as new () => unknown)();
    const cases: [string, () => unknown, string][] = [
      ["fetch", call("fetch"), "snippets cannot use the network (fetch)"],
      ["importScripts", call("importScripts"), "snippets cannot use the network (importScripts)"],
      ["XMLHttpRequest", make("XMLHttpRequest"), "snippets cannot use the network (XMLHttpRequest)"],
      ["WebSocket", make("WebSocket"), "snippets cannot use the network (WebSocket)"],
      ["EventSource", make("EventSource"), "snippets cannot use the network (EventSource)"],
      ["Worker", make("Worker"), "snippets cannot start workers (Worker): use multiprocessing.Process"],
      ["caches", () => (scope.caches as { open(): unknown }).open(), "snippets cannot use the network (caches)"],
      [
        "sendBeacon",
        () => (scope.navigator as { sendBeacon(): unknown }).sendBeacon(),
        "snippets cannot use the network (navigator.sendBeacon)",
      ],
    ];
    for (const [name, action, message] of cases) {
      const e = refusal(action);
      expect(e, name).toBeInstanceOf(PermissionError);
      expect(e, name).toBeInstanceOf(OSError);
      expect((e as Error).message, name).toBe(message);
    }
    expect(reached).toEqual([]);
    // Withheld where it was defined, too: the prototype holds no way back.
    expect(() => (proto.fetch as () => unknown)()).toThrow(PermissionError);
    expect((scope.fetch as () => unknown).name).toBe("fetch");
  });

  it("leaves what the engine lacks absent, and what is not a way out alone", () => {
    const { scope } = fakeScope();
    sandboxScope(scope);
    for (const name of ["WebTransport", "SharedWorker", "RTCPeerConnection", "WebSocketStream", "FontFace"]) {
      expect(name in scope, name).toBe(false);
    }
    expect(() => (scope.BroadcastChannel as () => unknown)()).not.toThrow();
    expect((scope.navigator as { hardwareConcurrency: number }).hardwareConcurrency).toBe(2);
  });

  it("cannot be undone by the snippet: the replacements are neither writable nor configurable", () => {
    const { scope, proto } = fakeScope();
    sandboxScope(scope);
    const refusing = scope.WebSocket;
    expect(() => (scope.WebSocket = () => "mine")).toThrow(TypeError);
    expect(() => Object.defineProperty(scope, "WebSocket", { value: () => "mine" })).toThrow(TypeError);
    expect(() => delete (scope as Record<string, unknown>).WebSocket).toThrow(TypeError);
    expect(scope.WebSocket).toBe(refusing);
    expect(() => (scope.fetch = () => "mine")).toThrow(TypeError);
    expect(() => delete (proto as Record<string, unknown>).fetch).toThrow(TypeError);
  });
});

describe("a snippet on Node's worker threads", () => {
  const received: string[] = [];
  const server = createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    res.end("reached");
  });
  let origin = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("gets PermissionError from fetch, in the main process and in a child, and reaches no server", async () => {
    const r = await runSnippet(
      `import { Process } from "multiprocessing";
import * as time from "time";
function tryFetch(who: string) {
  try {
    fetch("${origin}/" + who);
  } catch (e) {
    print(who, (e as Error).name, (e as Error).message);
  }
  time.sleep(0.3);
}
if (__name__ === "__main__") {
  const p = new Process({ target: tryFetch, args: ["child"] });
  p.start();
  tryFetch("main");
  p.join();
  fetch("${origin}/uncaught");
}
`,
    );
    expect(received).toEqual([]);
    expect(r.stdout).toContain("main PermissionError snippets cannot use the network (fetch)\n");
    expect(r.stdout).toContain("child PermissionError snippets cannot use the network (fetch)\n");
    expect(r.stderr).toMatch(
      /File "main\.ts", line 16, in <module>\n.*\nPermissionError: snippets cannot use the network \(fetch\)\n$/,
    );
    expect(r.exitCode).toBe(1);
  });

  it("cannot import(): the compiler refuses it at its line, and nothing runs", async () => {
    const r = await runSnippet(`print("never");\nconst m = import("${origin}/module.js");\n`);
    expect(r.syntaxError?.line).toBe(2);
    expect(r.syntaxError?.report).toContain(
      'SyntaxError: dynamic import() is not available: snippets cannot load code (import modules with import ... from "name")',
    );
    expect(r.events).toHaveLength(0);
    expect(received).toEqual([]);
  });
});
