/**
 * What the timeline draws, folded incrementally from the event log: one lane per
 * process with its lifecycle (created, running, blocked on what, exited with which
 * code) and the marks worth pointing at. Pure data, no React: the Timeline panel
 * renders it and the tests read it.
 */
import type { BlockReason, ExitReason, Pid, RunEvent, UnblockOutcome } from "../runtime/events/types";

export interface BlockSpan {
  t0: number;
  /** null while still blocked. */
  t1: number | null;
  on: BlockReason;
  outcome: UnblockOutcome | null;
  seq: number;
  line?: number;
}

export interface LaneMark {
  t: number;
  seq: number;
  kind: "create-child" | "signal" | "output" | "error" | "note";
  label: string;
  /** The process a create-child or signal mark points at. */
  other?: Pid;
  line?: number;
}

export interface Lane {
  pid: Pid;
  ppid: Pid | null;
  name: string;
  daemon: boolean;
  target: string;
  /** Index in creation order: picks the colour shared by lane and console. */
  index: number;
  createdAt: number;
  startedAt: number | null;
  exitedAt: number | null;
  exitCode: number | null;
  exitReason?: ExitReason;
  blocks: BlockSpan[];
  marks: LaneMark[];
  createSeq: number;
  createLine?: number;
}

export class TimelineModel {
  readonly lanes: Lane[] = [];
  readonly byPid = new Map<Pid, Lane>();
  /** Every event but output and queue or pipe operations, in seq order, for hover and click. */
  readonly events: RunEvent[] = [];
  /** Latest time seen. */
  end = 0;
  /** The deadlock that ended the run: who waits on what, and the cycle to highlight. */
  deadlock: Extract<RunEvent, { kind: "deadlock" }> | null = null;

  private lane(pid: Pid, t: number, seq: number): Lane {
    let lane = this.byPid.get(pid);
    if (!lane) {
      lane = {
        pid,
        ppid: null,
        name: `pid ${pid}`,
        daemon: false,
        target: "",
        index: this.lanes.length,
        createdAt: t,
        startedAt: null,
        exitedAt: null,
        exitCode: null,
        blocks: [],
        marks: [],
        createSeq: seq,
      };
      this.lanes.push(lane);
      this.byPid.set(pid, lane);
    }
    return lane;
  }

  /** Extends the timeline to t (an operation folded elsewhere, by the object model, happened then). */
  reach(t: number): void {
    if (t > this.end) this.end = t;
  }

  apply(e: RunEvent): void {
    if (e.t > this.end) this.end = e.t;
    // Operations on queues and pipes live in the object model (up to millions of them).
    if (e.kind !== "out" && e.kind !== "obj.op") this.events.push(e);
    switch (e.kind) {
      case "proc.create": {
        const child = this.lane(e.child, e.t, e.seq);
        child.ppid = e.pid;
        child.name = e.name;
        child.daemon = e.daemon;
        child.target = e.target;
        child.createdAt = e.t;
        child.createSeq = e.seq;
        child.createLine = e.line;
        this.lane(e.pid, e.t, e.seq).marks.push({
          t: e.t,
          seq: e.seq,
          kind: "create-child",
          label: `start ${e.name}`,
          line: e.line,
          other: e.child,
        });
        break;
      }
      case "proc.start": {
        const lane = this.lane(e.pid, e.t, e.seq);
        lane.name = e.name;
        lane.ppid = e.ppid;
        lane.startedAt = e.t;
        break;
      }
      case "proc.block":
        this.lane(e.pid, e.t, e.seq).blocks.push({
          t0: e.t,
          t1: null,
          on: e.on,
          outcome: null,
          seq: e.seq,
          line: e.line,
        });
        break;
      case "proc.unblock": {
        const open = this.lane(e.pid, e.t, e.seq).blocks.findLast((b) => b.t1 === null);
        if (open) {
          open.t1 = e.t;
          open.outcome = e.outcome;
        }
        break;
      }
      case "proc.signal":
        this.lane(e.pid, e.t, e.seq).marks.push({
          t: e.t,
          seq: e.seq,
          kind: "signal",
          label: `${e.signal === 9 ? "kill" : "terminate"} ${this.byPid.get(e.target)?.name ?? `pid ${e.target}`}`,
          line: e.line,
          other: e.target,
        });
        break;
      case "proc.exit": {
        const lane = this.lane(e.pid, e.t, e.seq);
        lane.exitedAt = e.t;
        lane.exitCode = e.code;
        lane.exitReason = e.reason;
        for (const b of lane.blocks) if (b.t1 === null) b.t1 = e.t;
        break;
      }
      case "out":
        if (e.stream === 2)
          this.lane(e.pid, e.t, e.seq).marks.push({
            t: e.t,
            seq: e.seq,
            kind: "error",
            label: firstLine(e.text),
            line: e.line,
          });
        break;
      case "note":
        this.lane(e.pid, e.t, e.seq).marks.push({
          t: e.t,
          seq: e.seq,
          kind: e.level === "error" ? "error" : "note",
          label: e.text,
          line: e.line,
        });
        break;
      case "deadlock":
        this.deadlock = e;
        break;
      case "obj.create":
      case "obj.op":
        break;
    }
  }

  /** The lane's state at time t, for the playhead. */
  static stateAt(
    lane: Lane,
    t: number,
  ): { state: "not-started" | "created" | "running" | "blocked" | "exited"; block?: BlockSpan } {
    if (t < lane.createdAt) return { state: "not-started" };
    if (lane.exitedAt !== null && t >= lane.exitedAt) return { state: "exited" };
    if (lane.startedAt === null || t < lane.startedAt) return { state: "created" };
    const block = lane.blocks.find((b) => b.t0 <= t && (b.t1 === null || t < b.t1));
    return block ? { state: "blocked", block } : { state: "running" };
  }
}

function firstLine(text: string): string {
  const s = text.trim();
  const nl = s.indexOf("\n");
  return nl === -1 ? s : s.slice(0, nl);
}

/** Describes a block reason as a short phrase for labels and tooltips. */
export function describeBlock(on: BlockReason): string {
  switch (on.op) {
    case "join":
      return `join(${on.targetName}${on.timeout === null ? "" : `, timeout=${formatSeconds(on.timeout)}`})`;
    case "sleep":
      return `sleep(${formatSeconds(on.secs)})`;
    case "exit":
      return `exiting: joining ${on.children.length} child${on.children.length === 1 ? "" : "ren"}`;
    case "obj":
      return `${on.call} on ${on.objLabel}${on.timeout === null ? "" : ` (timeout ${formatSeconds(on.timeout)})`}`;
  }
}

/** Seconds for a label: float noise such as 0.30000000000000004 reads as 0.3. */
function formatSeconds(s: number): string {
  return String(Number(s.toPrecision(6)));
}
