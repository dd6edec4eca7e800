/**
 * Hover and click on a process lane's parts (a blocked span, a mark, the exit, the
 * creation dot, the running bar): the words for the tooltip and the event a click
 * selects. Pure: reads the model, no DOM.
 */
import { describeBlock, type Lane, type LaneMark, type RunEvent } from "../../../state";
import type { TooltipContent } from "../hover/hoverTargets";
import { formatDuration, formatTime } from "../view/scale";
import { exitBadge } from "./exitBadge";

export type ProcessTarget =
  | { kind: "block"; pid: number; first: number; count: number }
  | { kind: "mark"; pid: number; members: number[] }
  | { kind: "exit"; pid: number }
  | { kind: "create"; pid: number }
  | { kind: "run"; pid: number; t: number };

const MARK_TITLES: Record<LaneMark["kind"], string> = {
  "create-child": "Started a child",
  signal: "Sent a signal",
  output: "Output",
  error: "Wrote to stderr",
  note: "Note",
};

function who(lane: Lane): string {
  return `${lane.name} · pid ${lane.pid}`;
}

function outcomeWords(outcome: string | null): string | null {
  switch (outcome) {
    case "timeout":
      return "⏱ timed out";
    case "error":
      return "ended with an error";
    case "ok":
      return null;
    default:
      return null;
  }
}

export function describeProcessTarget(
  target: ProcessTarget,
  lanes: ReadonlyMap<number, Lane>,
  now: number,
  resolution = 10,
): TooltipContent | null {
  const ft = (t: number) => formatTime(t, resolution);
  const lane = lanes.get(target.pid);
  if (!lane) return null;
  switch (target.kind) {
    case "block": {
      const blocks = lane.blocks.slice(target.first, target.first + target.count);
      const b = blocks[0];
      if (!b) return null;
      if (blocks.length > 1) {
        const last = blocks[blocks.length - 1] ?? b;
        const total = blocks.reduce((sum, s) => sum + ((s.t1 ?? now) - s.t0), 0);
        return {
          title: `${blocks.length} short waits`,
          tone: "blocked",
          rows: [
            who(lane),
            `${ft(b.t0)} – ${ft(last.t1 ?? now)}`,
            `blocked ${formatDuration(total)} in total`,
            "zoom in to see each one",
          ],
          line: b.line,
        };
      }
      const open = b.t1 === null;
      const end = b.t1 ?? now;
      const rows = [
        who(lane),
        open
          ? `since ${ft(b.t0)} · waiting ${formatDuration(end - b.t0)} so far`
          : `${ft(b.t0)} → ${ft(end)} · waited ${formatDuration(end - b.t0)}`,
      ];
      const o = outcomeWords(b.outcome);
      if (o) rows.push(o);
      if (b.line !== undefined) rows.push(`line ${b.line} · click to show in the editor`);
      return {
        title: `Blocked in ${describeBlock(b.on)}`,
        tone: b.outcome === "timeout" ? "warn" : "blocked",
        rows,
        line: b.line,
      };
    }
    case "mark": {
      const marks = target.members.map((i) => lane.marks[i]).filter((m): m is LaneMark => m !== undefined);
      const m = marks[0];
      if (!m) return null;
      if (marks.length > 1) {
        const rows = [who(lane), ...marks.slice(0, 6).map((x) => `${ft(x.t)}  ${x.label}`)];
        if (marks.length > 6) rows.push(`… and ${marks.length - 6} more (zoom in)`);
        return {
          title: `${marks.length} events`,
          tone: marks.some((x) => x.kind === "error") ? "error" : "normal",
          rows,
          line: m.line,
        };
      }
      const rows = [who(lane), `at ${ft(m.t)}`];
      if (m.line !== undefined) rows.push(`line ${m.line} · click to show in the editor`);
      return {
        title: `${MARK_TITLES[m.kind]}: ${m.label}`,
        tone: m.kind === "error" ? "error" : m.kind === "signal" ? "signal" : "normal",
        rows,
        line: m.line,
      };
    }
    case "exit": {
      if (lane.exitedAt === null) return null;
      const badge = exitBadge(lane.exitCode, lane.exitReason);
      const rows = [who(lane), `at ${ft(lane.exitedAt)}`];
      if (lane.startedAt !== null) rows.push(`ran for ${formatDuration(lane.exitedAt - lane.startedAt)}`);
      const title =
        badge.tone === "signal"
          ? `Exit code ${badge.code}: ${badge.words}`
          : `Exited with code ${badge.code}${badge.tone === "ok" || !badge.words ? "" : ` (${badge.words})`}`;
      return { title, tone: badge.tone === "unknown" ? "normal" : badge.tone, rows };
    }
    case "create": {
      const parent = lane.ppid === null ? undefined : lanes.get(lane.ppid);
      const rows = [who(lane), `at ${ft(lane.createdAt)}`];
      if (lane.target) rows.push(`target: ${lane.target}`);
      if (lane.daemon) rows.push("daemon");
      if (lane.startedAt !== null) rows.push(`started after ${formatDuration(lane.startedAt - lane.createdAt)}`);
      if (lane.createLine !== undefined) rows.push(`line ${lane.createLine} · click to show in the editor`);
      return {
        title: parent ? `Created by ${parent.name}` : `${lane.name} created`,
        tone: "normal",
        rows,
        line: lane.createLine,
      };
    }
    case "run": {
      const rows = [who(lane)];
      if (lane.startedAt !== null) rows.push(`started at ${ft(lane.startedAt)}`);
      rows.push(
        lane.exitedAt === null
          ? `running for ${formatDuration(now - (lane.startedAt ?? lane.createdAt))}`
          : `exited at ${ft(lane.exitedAt)}`,
      );
      rows.push(`pointer at ${ft(target.t)}`);
      return { title: `${lane.name} running`, tone: "normal", rows };
    }
  }
}

/** The event a click on a target selects: its seq and editor line. */
export function processTargetEvent(
  target: ProcessTarget,
  lanes: ReadonlyMap<number, Lane>,
  events: readonly RunEvent[],
): { seq: number; line: number | null } | null {
  const lane = lanes.get(target.pid);
  if (!lane) return null;
  switch (target.kind) {
    case "block": {
      const b = lane.blocks[target.first];
      return b ? { seq: b.seq, line: b.line ?? null } : null;
    }
    case "mark": {
      const m = lane.marks[target.members[0] ?? -1];
      return m ? { seq: m.seq, line: m.line ?? null } : null;
    }
    case "create":
      return { seq: lane.createSeq, line: lane.createLine ?? null };
    case "exit": {
      for (let i = events.length - 1; i >= 0; i--) {
        const e = events[i];
        if (e && e.kind === "proc.exit" && e.pid === lane.pid) return { seq: e.seq, line: e.line ?? null };
      }
      return null;
    }
    case "run":
      return null;
  }
}

/**
 * The event with this seq, by binary search: the timeline keeps its events in seq
 * order. Queue and pipe operations are not among them (a selected transfer finds none).
 */
export function findEvent(events: readonly RunEvent[], seq: number): RunEvent | undefined {
  let lo = 0;
  let hi = events.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = events[mid];
    if (!e) break;
    if (e.seq === seq) return e;
    if (e.seq < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
