/**
 * Runs a snippet to completion on Node and returns what it printed: the harness of
 * the runtime tests and the CLI's twin for programs (one shared kernel, warm workers).
 */
import type { RunEvent } from "../events/types";
import { Kernel } from "../kernel/kernel";
import type { RunOutcome } from "../protocol";
import { expandBatch } from "../events/opPack";
import { createNodePlatform } from "./nodePlatform";

export interface SnippetResult extends RunOutcome {
  stdout: string;
  stderr: string;
  /** stdout and stderr in the one order they were written. */
  combined: string;
  events: RunEvent[];
}

let shared: Kernel | null = null;

export function sharedKernel(): Kernel {
  if (!shared) {
    shared = new Kernel(createNodePlatform(), { warmWorkers: 2 });
    shared.prewarm();
  }
  return shared;
}

export function disposeSharedKernel(): void {
  shared?.dispose();
  shared = null;
}

export interface RunSnippetOptions {
  /** Press Stop this long after the run begins. */
  stopAfterMs?: number;
  /** Press Stop as soon as the events so far satisfy this. */
  stopWhen?: (events: readonly RunEvent[]) => boolean;
  kernel?: Kernel;
}

export async function runSnippet(source: string, opts: RunSnippetOptions = {}): Promise<SnippetResult> {
  const kernel = opts.kernel ?? sharedKernel();
  const events: RunEvent[] = [];
  let stdout = "";
  let stderr = "";
  let combined = "";
  const timer = opts.stopAfterMs === undefined ? null : setTimeout(() => void kernel.stop(), opts.stopAfterMs);
  const outcome = await kernel.run(source, (batch) => {
    for (const e of expandBatch(batch)) {
      events.push(e);
      // As the CLI and the app's console do: the deadlock report is written to stderr.
      if (e.kind === "deadlock") {
        stderr += e.text;
        combined += e.text;
      }
      if (e.kind !== "out") continue;
      if (e.stream === 1) stdout += e.text;
      else stderr += e.text;
      combined += e.text;
    }
    if (opts.stopWhen?.(events)) void kernel.stop();
  });
  if (timer) clearTimeout(timer);
  return { ...outcome, stdout, stderr, combined, events };
}
