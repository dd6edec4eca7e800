/**
 * The body of every process worker, browser or Node: wait for a `run` message,
 * become that process, report the exit. Within one run the kernel may hand a worker
 * whose process exited another process of the same program (a fresh context and a
 * fresh evaluation of the module, as spawn does), which saves booting a worker; a
 * worker never serves two runs. Before anything runs, the worker withholds the
 * network and nested workers from the code it will evaluate (sandbox.ts).
 */
import type { KernelToProcess, ProcessToKernel } from "../protocol";
import { runProcess } from "./bootstrap";
import { sandboxScope } from "./sandbox";

export interface Endpoint {
  post(m: ProcessToKernel): void;
  onMessage(handler: (m: KernelToProcess) => void): void;
}

export function serveProcess(endpoint: Endpoint): void {
  sandboxScope();
  endpoint.onMessage((m) => {
    if (m.type === "run") runProcess(m.spec, (msg) => endpoint.post(msg));
  });
  endpoint.post({ type: "ready" });
}
