/** The process worker body on Node (loaded by process.node.mjs). */
import { parentPort } from "node:worker_threads";
import type { KernelToProcess } from "../protocol";
import { serveProcess } from "../process/serve";

const port = parentPort;
if (!port) throw new Error("process.node.ts must run in a worker thread");
serveProcess({
  post: (m) => port.postMessage(m),
  onMessage: (h) => port.on("message", (m: KernelToProcess) => h(m)),
});
