/**
 * The run as the UI sees it: status, the console stream and the timeline model,
 * fed by kernel batches. The only bridge between the panels and the runtime.
 * Works without React (zustand/vanilla), so it is tested in Node.
 */
import { createStore } from "zustand/vanilla";
import { forEachRow } from "../runtime/events/opPack";
import { afterNextPaint } from "./paintCost";
import type { KernelApi, KernelBatch, SyntaxErrorInfo } from "../runtime/protocol";
import { ConsoleBuffer } from "./consoleBuffer";
import { ObjectModel } from "./objectModel";
import { SyncObjectModel } from "./sync/syncObjectModel";
import { TimelineModel } from "./timelineModel";

export type RunStatus = "idle" | "running" | "stopping" | "finished" | "stopped" | "deadlocked" | "syntax-error";

export interface RunState {
  status: RunStatus;
  runId: number;
  exitCode: number | null;
  syntaxError: SyntaxErrorInfo | null;
  console: ConsoleBuffer;
  timeline: TimelineModel;
  /** Queues and pipes: what is inside them over time, and what moved between processes. */
  objects: ObjectModel;
  /** Locks and semaphores: who held them when, who waited, their counts. */
  sync: SyncObjectModel;
  /** Bumped once per applied batch; panels subscribe to it rather than to the buffers. */
  version: number;
  /** Wall-clock ms when the run started, to extrapolate "now" while live. */
  startedAtWall: number;
  run(source: string): Promise<void>;
  stop(): Promise<void>;
  /** The last run as Chrome Trace Event JSON (see KernelApi.exportTrace), or null. */
  exportTrace(): Promise<string | null>;
  /**
   * The wait the run store now keeps between flushes, in ms: more than a frame when
   * drawing them is costly. The live timeline compares it with how often flushes
   * actually come (ui/Timeline/view/livePacer.ts).
   */
  flushPace(): number;
}

export type RunStore = ReturnType<typeof createRunStore>;

const MIN_FLUSH_MS = 16;
const MAX_FLUSH_MS = 250;
/** The UI's share of one core while a busy run streams events: the rest stays with the processes. */
const UI_SHARE = 0.25;

/**
 * How long to wait before the next flush, given what folding, rendering and painting
 * the last one cost. The processes being watched share the machine with the UI thread (two
 * cores here): a fast queue run streams 100,000s of events a second, and re-rendering
 * at every frame would take a core from them. Spacing flushes so that the UI works at
 * most UI_SHARE of the time keeps the picture live (a few updates a second at worst)
 * and the run's speed the processes' own.
 */
export function nextFlushDelay(costMs: number): number {
  return Math.min(MAX_FLUSH_MS, Math.max(MIN_FLUSH_MS, (costMs * (1 - UI_SHARE)) / UI_SHARE));
}

export function createRunStore(kernel: () => KernelApi) {
  return createStore<RunState>()((set, get) => {
    /** Batches are applied at most once per frame-ish tick, however fast they arrive. */
    let pending: KernelBatch[] = [];
    let flushScheduled = false;
    /** Wait before the next flush: grows with what the last one cost (see measureFlush). */
    let flushDelay = MIN_FLUSH_MS;
    const flush = () => {
      flushScheduled = false;
      const started = performance.now();
      const { console: out, timeline, objects, sync, runId } = get();
      let lastOpT = -Infinity;
      for (const batch of pending) {
        if (batch.runId !== runId) continue;
        const chunk = batch.ops ? objects.previews.add(batch.ops.items) : 0;
        forEachRow(
          batch.events,
          batch.ops,
          (e) => {
            if (e.kind === "out") out.append(e.pid, e.stream, e.seq, e.text);
            // The CLI prints the report to stderr; the console says it in the same words.
            if (e.kind === "deadlock") out.append(e.pid, 2, e.seq, e.text);
            timeline.apply(e);
            sync.apply(e);
            if (e.kind === "obj.create" || (e.kind === "obj.op" && !sync.byId.has(e.objId))) objects.apply(e);
          },
          (r) => {
            // Straight into the columns of the object's model: no event object per operation.
            if (!sync.applyRow(r)) objects.applyRow(r, chunk);
            if (r.t > lastOpT) lastOpT = r.t;
          },
        );
      }
      timeline.reach(lastOpT);
      pending = [];
      set({ version: get().version + 1 });
      // Panels re-render in a microtask that set() queued: this one runs after it.
      queueMicrotask(() => {
        const js = performance.now() - started;
        flushDelay = nextFlushDelay(js);
        // Then the browser draws what changed: that counts too.
        afterNextPaint((paintMs) => {
          flushDelay = nextFlushDelay(js + paintMs);
        });
      });
    };
    const onBatch = (batch: KernelBatch) => {
      pending.push(batch);
      if (!flushScheduled) {
        flushScheduled = true;
        setTimeout(flush, flushDelay);
      }
    };

    return {
      status: "idle",
      runId: 0,
      exitCode: null,
      syntaxError: null,
      console: new ConsoleBuffer(),
      timeline: new TimelineModel(),
      objects: new ObjectModel(),
      sync: new SyncObjectModel(),
      version: 0,
      startedAtWall: 0,
      flushPace: () => flushDelay,
      async run(source) {
        if (get().status === "running" || get().status === "stopping") await get().stop();
        const runId = get().runId + 1;
        pending = [];
        flushDelay = MIN_FLUSH_MS;
        set({
          status: "running",
          runId,
          exitCode: null,
          syntaxError: null,
          console: new ConsoleBuffer(),
          timeline: new TimelineModel(),
          objects: new ObjectModel(),
          sync: new SyncObjectModel(),
          version: get().version + 1,
          startedAtWall: Date.now(),
        });
        try {
          const outcome = await kernel().run(source, onBatch);
          if (get().runId !== runId) return;
          flush();
          set({
            status: outcome.syntaxError
              ? "syntax-error"
              : outcome.deadlock
                ? "deadlocked"
                : outcome.stopped
                  ? "stopped"
                  : "finished",
            exitCode: outcome.exitCode,
            syntaxError: outcome.syntaxError,
          });
        } catch (err) {
          if (get().runId !== runId) return;
          flush();
          get().console.append(0, 2, Number.MAX_SAFE_INTEGER, `Internal error: ${String(err)}\n`);
          set({ status: "finished", exitCode: 1, version: get().version + 1 });
        }
      },
      async stop() {
        if (get().status !== "running") return;
        set({ status: "stopping" });
        await kernel().stop();
      },
      exportTrace: () => kernel().exportTrace(),
    };
  });
}
