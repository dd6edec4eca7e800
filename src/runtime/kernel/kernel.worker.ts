/// <reference lib="webworker" />
/**
 * The kernel's own worker in the browser: the UI thread talks to it with comlink
 * (check, run, stop) and receives coalesced event batches, so draining rings and
 * ordering events never costs the UI a frame.
 */
import * as Comlink from "comlink";
import type { RunEvent } from "../events/types";
import type { KernelApi, KernelBatch } from "../protocol";
import { createBrowserPlatform } from "./browserPlatform";
import type { Cancel } from "../hostClock";
import { Kernel } from "./kernel";
import { coalesceOutput } from "./coalesce";
import { concatOps, type PackedOps } from "../events/opPack";
import { TraceLog } from "../traceLog";

const platform = createBrowserPlatform();
const kernel = new Kernel(platform, { warmWorkers: 4 });
kernel.prewarm();

/** Batches go to the UI at most every BATCH_MS, however often the rings are drained. */
const BATCH_MS = 16;

/** The last run, kept for Export trace: as the UI got it (a run of output is one event, as in the console). */
let lastRun = new TraceLog();

const api: KernelApi = {
  async check(source) {
    return kernel.check(source);
  },
  async run(source, onBatch) {
    let events: RunEvent[] = [];
    let ops: PackedOps[] = [];
    /** The pending flush, if one is set (an object: TypeScript does not see closures assign a let). */
    const pendingFlush: { cancel: Cancel | null } = { cancel: null };
    let runId = 0;
    const log = (lastRun = new TraceLog());
    const flush = async (): Promise<void> => {
      pendingFlush.cancel = null;
      if (events.length === 0 && ops.length === 0) return;
      const packed = concatOps(ops);
      const batch: KernelBatch = { runId, events: coalesceOutput(events, packed), ops: packed };
      events = [];
      ops = [];
      log.add(batch.events, batch.ops);
      await onBatch(batch.ops ? Comlink.transfer(batch, [batch.ops.cols.buffer]) : batch);
    };
    const outcome = await kernel.run(source, (batch, id) => {
      runId = id;
      for (const e of batch.events) events.push(e);
      if (batch.ops) ops.push(batch.ops);
      pendingFlush.cancel ??= platform.clock.after(BATCH_MS, () => void flush());
    });
    runId = outcome.runId;
    pendingFlush.cancel?.();
    // Answered on the batch port once the UI holds the batch: only then the outcome.
    await flush();
    return outcome;
  },
  async stop() {
    await kernel.stop();
  },
  async exportTrace() {
    return lastRun.empty ? null : lastRun.json();
  },
};

Comlink.expose(api);
