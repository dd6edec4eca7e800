/**
 * The event log in Chrome's Trace Event format, so Perfetto (ui.perfetto.dev) or
 * chrome://tracing opens a run: one track per process, its lifetime and every
 * blocking call as slices, output and signals as instants, queue and pipe operations
 * as zero-length slices with a flow arrow from each put (or send) to the get (or recv)
 * that took its item, as the timeline draws them.
 *
 * The one encoder of the format: the CLI's `--trace` and the app's Export trace both
 * come through here (traceLog.ts).
 */
import { GET_OPS, PUT_OPS } from "./events/opColumns";
import type { RunEvent } from "./events/types";

export interface TraceEvent {
  name: string;
  ph: "X" | "i" | "M" | "B" | "E";
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  s?: "t" | "p" | "g";
  cat?: string;
  args?: Record<string, unknown>;
  /**
   * Flow events in the "v2" form, on the slice itself: the put's slice has `flow_out`,
   * its get's `flow_in`, both the same `bind_id`. Perfetto binds a v2 flow to the very
   * slice that carries it; a v1 pair ("s"/"f" events) binds to whatever slice is open
   * on the track at that moment, which for an operation is the enclosing blocked call
   * or the process's whole lifetime, so the arrow would start at the wrong place.
   */
  bind_id?: number;
  flow_out?: true;
  flow_in?: true;
}

export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: "ms";
}

const us = (ms: number) => Math.round(ms * 1000);

export function toChromeTrace(events: readonly RunEvent[]): ChromeTrace {
  const out: TraceEvent[] = [];
  const flows = new FlowJoiner();
  const starts = new Map<number, number>();
  const names = new Map<number, string>();
  const blocks = new Map<number, { t: number; name: string; args: Record<string, unknown> }>();
  let end = 0;
  for (const e of events) {
    end = Math.max(end, e.t);
    switch (e.kind) {
      case "proc.create":
        names.set(e.child, e.name);
        out.push({
          name: `start ${e.name}`,
          ph: "i",
          s: "t",
          pid: e.pid,
          tid: e.pid,
          ts: us(e.t),
          cat: "process",
          args: { child: e.child, target: e.target, line: e.line },
        });
        break;
      case "proc.start":
        names.set(e.pid, e.name);
        starts.set(e.pid, e.t);
        break;
      case "proc.block": {
        const on = e.on;
        const name =
          on.op === "join"
            ? `join(${on.targetName})`
            : on.op === "sleep"
              ? `sleep(${on.secs})`
              : on.op === "exit"
                ? "exit: join children"
                : `${on.call}(${on.objLabel})`;
        blocks.set(e.pid, { t: e.t, name, args: { ...on, line: e.line } });
        break;
      }
      case "proc.unblock": {
        const b = blocks.get(e.pid);
        if (b) {
          out.push({
            name: b.name,
            ph: "X",
            pid: e.pid,
            tid: e.pid,
            ts: us(b.t),
            dur: us(e.t - b.t),
            cat: "blocked",
            args: { ...b.args, outcome: e.outcome },
          });
          blocks.delete(e.pid);
        }
        break;
      }
      case "proc.signal":
        out.push({
          name: e.signal === 9 ? "kill" : "terminate",
          ph: "i",
          s: "t",
          pid: e.pid,
          tid: e.pid,
          ts: us(e.t),
          cat: "signal",
          args: { target: e.target },
        });
        break;
      case "proc.exit": {
        const t0 = starts.get(e.pid) ?? e.t;
        const b = blocks.get(e.pid);
        if (b)
          out.push({
            name: b.name,
            ph: "X",
            pid: e.pid,
            tid: e.pid,
            ts: us(b.t),
            dur: us(e.t - b.t),
            cat: "blocked",
            args: b.args,
          });
        blocks.delete(e.pid);
        out.push({
          name: names.get(e.pid) ?? `pid ${e.pid}`,
          ph: "X",
          pid: e.pid,
          tid: e.pid,
          ts: us(t0),
          dur: us(e.t - t0),
          cat: "process",
          args: { exitcode: e.code, reason: e.reason },
        });
        starts.delete(e.pid);
        break;
      }
      case "out":
        out.push({
          name: e.stream === 1 ? "stdout" : "stderr",
          ph: "i",
          s: "t",
          pid: e.pid,
          tid: e.pid,
          ts: us(e.t),
          cat: "output",
          args: { text: e.text },
        });
        break;
      case "note":
        out.push({ name: e.text, ph: "i", s: "p", pid: e.pid, tid: e.pid, ts: us(e.t), cat: "note" });
        break;
      case "obj.create":
        out.push({
          name: `create ${e.label}`,
          ph: "i",
          s: "t",
          pid: e.pid,
          tid: e.pid,
          ts: us(e.t),
          cat: "object",
          args: { ...e },
        });
        break;
      case "obj.op": {
        // A slice of no length, not an instant: Perfetto shows both alike, and binds flows only to slices.
        const op: TraceEvent = {
          name: e.op,
          ph: "X",
          pid: e.pid,
          tid: e.pid,
          ts: us(e.t),
          dur: 0,
          cat: "object",
          args: { ...e },
        };
        out.push(op);
        flows.op(e, op);
        break;
      }
    }
  }
  for (const [pid, t0] of starts)
    out.push({
      name: names.get(pid) ?? `pid ${pid}`,
      ph: "X",
      pid,
      tid: pid,
      ts: us(t0),
      dur: us(end - t0),
      cat: "process",
      args: { exitcode: null },
    });
  const meta: TraceEvent[] = [];
  for (const [pid, name] of names) {
    meta.push({ name: "process_name", ph: "M", pid, tid: pid, args: { name: `${name} (pid ${pid})` } });
    meta.push({ name: "thread_name", ph: "M", pid, tid: pid, args: { name } });
    meta.push({ name: "process_sort_index", ph: "M", pid, tid: pid, args: { sort_index: pid } });
  }
  return { traceEvents: [...meta, ...out], displayTimeUnit: "ms" };
}

/** Joins each put (or send) to the get (or recv) that took the same item out of the same object. */
class FlowJoiner {
  /** Per object, the puts whose item is still inside, by item number. */
  private readonly inside = new Map<number, Map<number, TraceEvent>>();
  private flows = 0;

  op(e: Extract<RunEvent, { kind: "obj.op" }>, slice: TraceEvent): void {
    if (e.outcome !== "ok" || e.itemId === undefined) return;
    let items = this.inside.get(e.objId);
    if (!items) this.inside.set(e.objId, (items = new Map()));
    if (PUT_OPS.has(e.op)) items.set(e.itemId, slice);
    else if (GET_OPS.has(e.op)) {
      const put = items.get(e.itemId);
      if (!put) return;
      items.delete(e.itemId);
      put.bind_id = slice.bind_id = ++this.flows;
      put.flow_out = true;
      slice.flow_in = true;
      // A time may be a few operations stale (events/emitter.ts): an item never leaves before it came,
      // and Perfetto would point the arrow from the earlier slice to the later.
      slice.ts = Math.max(slice.ts ?? 0, put.ts ?? 0);
    }
  }
}
