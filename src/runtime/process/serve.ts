/**
 * The body of every process worker, browser or Node: wait for one `run` message,
 * become that process, report the exit. A worker serves exactly one process; the
 * kernel terminates it afterwards, so no state leaks from one process to the next.
 */
import type { KernelToProcess, ProcessToKernel } from "../protocol";
import { runProcess } from "./bootstrap";

export interface Endpoint {
  post(m: ProcessToKernel): void;
  onMessage(handler: (m: KernelToProcess) => void): void;
}

export function serveProcess(endpoint: Endpoint): void {
  let started = false;
  endpoint.onMessage((m) => {
    if (m.type !== "run" || started) return;
    started = true;
    runProcess(m.spec, (msg) => endpoint.post(msg));
  });
  endpoint.post({ type: "ready" });
}
