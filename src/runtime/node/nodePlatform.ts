/** Threads on Node's worker_threads: the CLI's and the runtime tests' platform, and the one module that starts them. */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { WorkerPlatform } from "../kernel/kernel";
import type { ProcessToKernel } from "../protocol";
import { hostClock } from "../hostClock";

/** A plain .mjs entry registers tsx inside the worker, then loads the TypeScript. */
const entry = new URL("./process.node.mjs", import.meta.url);

export function createNodePlatform(): WorkerPlatform {
  return {
    cpuCount: availableParallelism(),
    clock: hostClock,
    createWorker(onMessage, onError) {
      const w = new Worker(entry, { stdout: false, stderr: false });
      w.on("message", (m: ProcessToKernel) => onMessage(m));
      w.on("error", (e: Error) => onError(e.message));
      w.unref();
      return {
        post: (m) => w.postMessage(m),
        terminate: () => void w.terminate(),
      };
    },
  };
}

/** A thread running `script` with `workerData` (tests that drive shared memory from several threads). */
export function startThread(script: URL, workerData: unknown): Worker {
  return new Worker(script, { workerData });
}
