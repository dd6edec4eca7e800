/// <reference lib="webworker" />
/** Browser entry of a process worker (created only by kernel/browserPlatform.ts). */
import type { KernelToProcess, ProcessToKernel } from "../protocol";
import { serveProcess } from "./serve";

const scope = self as unknown as DedicatedWorkerGlobalScope;
serveProcess({
  post: (m: ProcessToKernel) => scope.postMessage(m),
  onMessage: (h) => scope.addEventListener("message", (e: MessageEvent<KernelToProcess>) => h(e.data)),
});
