/**
 * Hover and click on the queues' and pipes' parts of the timeline: a transfer (an item's
 * trip from the process that put it to the one that got it) and a failed operation's mark.
 * Pure: reads the models, no DOM.
 */
import type { Lane, ObjectModel } from "../../../state";
import { formatDuration, formatTime } from "../view/scale";
import type { TooltipContent } from "../hover/hoverTargets";

export type ObjectTarget =
  | { kind: "transfer"; pid: number; objId: number; item: number }
  | { kind: "objmark"; pid: number; objId: number; mark: number };

export const isObjectTarget = (t: { kind: string }): t is ObjectTarget => t.kind === "transfer" || t.kind === "objmark";

const MARK_WORDS: Record<string, string> = {
  "queue.Full": "The queue was full: put() raised queue.Full",
  "queue.Empty": "The queue was empty: get() raised queue.Empty",
  EOFError: "Nothing left to receive: recv() raised EOFError",
};

function name(lanes: ReadonlyMap<number, Lane>, pid: number | undefined): string {
  if (pid === undefined) return "?";
  const lane = lanes.get(pid);
  return lane ? `${lane.name} (pid ${pid})` : `pid ${pid}`;
}

export function describeObjectTarget(
  target: ObjectTarget,
  objects: ObjectModel,
  lanes: ReadonlyMap<number, Lane>,
  now: number,
  resolution = 10,
): TooltipContent | null {
  const obj = objects.byId.get(target.objId);
  if (!obj) return null;
  const ft = (t: number) => formatTime(t, resolution);
  const pipe = obj.kind === "Pipe";
  if (target.kind === "transfer") {
    const it = obj.items.at(target.item);
    if (!it) return null;
    const rows = [`${pipe ? "sent" : "put"} by ${name(lanes, it.putBy)} at ${ft(it.putAt)}`];
    if (it.gotAt !== undefined) {
      rows.push(`${pipe ? "received" : "got"} by ${name(lanes, it.gotBy)} at ${ft(it.gotAt)}`);
      rows.push(`waited ${formatDuration(it.gotAt - it.putAt)} in ${obj.label}`);
    } else {
      rows.push(`still in ${obj.label} · waiting ${formatDuration(now - it.putAt)} so far`);
    }
    const line = it.putLine ?? it.gotLine;
    if (line !== undefined) rows.push(`line ${line} · click to show in the editor`);
    return { title: `${it.preview} through ${obj.label}`, tone: "normal", rows, line };
  }
  const m = obj.marks[target.mark];
  if (!m) return null;
  const rows = [name(lanes, m.pid), `${m.op}() on ${obj.label} at ${ft(m.t)}`];
  if (m.line !== undefined) rows.push(`line ${m.line} · click to show in the editor`);
  return { title: MARK_WORDS[m.label] ?? `${m.label} on ${obj.label}`, tone: "warn", rows, line: m.line };
}

/** The event a click selects: the put (or send) of a transfer, or the failed operation. */
export function objectTargetEvent(
  target: ObjectTarget,
  objects: ObjectModel,
): { seq: number; line: number | null } | null {
  const obj = objects.byId.get(target.objId);
  if (!obj) return null;
  if (target.kind === "transfer") {
    const it = obj.items.at(target.item);
    return it ? { seq: it.putSeq, line: it.putLine ?? it.gotLine ?? null } : null;
  }
  const m = obj.marks[target.mark];
  return m ? { seq: m.seq, line: m.line ?? null } : null;
}
