/**
 * The one place the UI reaches the runtime: it owns the kernel worker (which in turn
 * owns every process worker) and talks to it with comlink, for control only.
 *
 * If the kernel ever fails to answer Stop in time, the bridge terminates the kernel
 * worker itself, which ends every nested process worker with it, and starts afresh.
 */
import * as Comlink from "comlink";
import type { KernelApi, KernelBatch, RunOutcome, SyntaxErrorInfo } from "../runtime/protocol";

const STOP_GRACE_MS = 1500;

export function createKernelBridge(): KernelApi {
  let worker: Worker | null = null;
  let remote: Comlink.Remote<KernelApi> | null = null;
  let abortRun: ((o: RunOutcome) => void) | null = null;

  const ensure = () => {
    if (!remote) {
      worker = new Worker(new URL("../runtime/kernel/kernel.worker.ts", import.meta.url), {
        type: "module",
        name: "kernel",
      });
      remote = Comlink.wrap<KernelApi>(worker);
    }
    return remote;
  };

  const hardReset = () => {
    worker?.terminate();
    worker = null;
    remote = null;
  };

  return {
    check(source: string): Promise<SyntaxErrorInfo | null> {
      return ensure().check(source);
    },
    run(source: string, onBatch: (b: KernelBatch) => void): Promise<RunOutcome> {
      const k = ensure();
      return new Promise<RunOutcome>((resolve, reject) => {
        abortRun = resolve;
        k.run(source, Comlink.proxy(onBatch))
          .then(resolve, reject)
          .finally(() => {
            abortRun = null;
          });
      });
    },
    /** Null without a kernel: one that was reset took its last run with it. */
    exportTrace(): Promise<string | null> {
      return remote ? remote.exportTrace() : Promise.resolve(null);
    },
    async stop(): Promise<void> {
      const k = remote;
      if (!k) return;
      const answered = await Promise.race([
        k.stop().then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), STOP_GRACE_MS)),
      ]);
      if (!answered) {
        hardReset();
        abortRun?.({ runId: -1, exitCode: -15, stopped: true, deadlock: null, syntaxError: null });
      }
    },
  };
}
