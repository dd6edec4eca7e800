/** Process workers in the browser: the one module that creates them. */
import type { ProcessToKernel } from "../protocol";
import type { WorkerPlatform } from "./kernel";
import { hostClock } from "../hostClock";

export function createBrowserPlatform(): WorkerPlatform {
  return {
    cpuCount: navigator.hardwareConcurrency || 2,
    clock: hostClock,
    createWorker(onMessage, onError) {
      const w = new Worker(new URL("../process/process.worker.ts", import.meta.url), {
        type: "module",
        name: "process",
      });
      w.addEventListener("message", (e: MessageEvent<ProcessToKernel>) => onMessage(e.data));
      w.addEventListener("error", (e: ErrorEvent) => {
        e.preventDefault();
        onError(e.message || "worker error");
      });
      return { post: (m) => w.postMessage(m), terminate: () => w.terminate() };
    },
  };
}
