/**
 * The event log in Chrome's Trace Event format, so Perfetto (ui.perfetto.dev) or
 * chrome://tracing opens a run: one track per process, its lifetime and every
 * blocking call as slices, output and signals as instants.
 */
import type { RunEvent } from "./events/types";

interface TraceEvent {
  name: string;
  ph: "X" | "i" | "M" | "B" | "E";
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  s?: "t" | "p" | "g";
  cat?: string;
  args?: Record<string, unknown>;
}

const us = (ms: number) => Math.round(ms * 1000);

export function toChromeTrace(events: readonly RunEvent[]): { traceEvents: TraceEvent[]; displayTimeUnit: "ms" } {
  const out: TraceEvent[] = [];
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
      case "obj.op":
        out.push({
          name: e.kind === "obj.create" ? `create ${e.label}` : e.op,
          ph: "i",
          s: "t",
          pid: e.pid,
          tid: e.pid,
          ts: us(e.t),
          cat: "object",
          args: { ...e },
        });
        break;
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
