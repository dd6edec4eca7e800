/**
 * The live wait-for graph, built from the events the kernel releases, and the
 * deadlock it can prove (contract section 10): every live process blocked in a call
 * with no timeout, none of those waits satisfiable by what the log says (a lock that
 * is held, a queue that is empty, a child that is alive), and nothing recorded for
 * QUIET_MS. The quiet window covers what the log cannot see: a woken process that
 * has not run yet (on two loaded cores a wake can take tens of milliseconds) is
 * about to record something.
 *
 * Timed waits and sleeps never count: they end by themselves.
 */
import type { BlockReason, ObjKind, Pid, RunEvent } from "../events/types";
import { ITEM, OBJ, OP, Op, OUTCOME, Outcome, PID, ROW_WIDTH, SIZE } from "../events/opColumns";
import type { PackedOps } from "../events/opPack";
import { isRunHeader, opsAt, rowsAt, runRow } from "../events/runBlock";

/** How long the log must stay still before a set of untimed waits is called a deadlock. */
export const QUIET_MS = 600;

const LOCK_KINDS: ReadonlySet<ObjKind> = new Set(["Lock", "RLock", "Semaphore", "BoundedSemaphore"]);
const QUEUE_KINDS: ReadonlySet<ObjKind> = new Set(["Queue", "SimpleQueue", "JoinableQueue"]);

interface Blocked {
  on: BlockReason;
  line: number | undefined;
}

export interface DeadlockReport {
  text: string;
  /** The processes on the cycle, or every blocked process when the waits form none. */
  pids: Pid[];
  /** The objects on the cycle (or waited on). */
  objIds: number[];
}

export class WaitGraph {
  private readonly names = new Map<Pid, string>();
  private readonly kinds = new Map<number, { kind: ObjKind; label: string }>();
  private readonly blocked = new Map<Pid, Blocked>();
  private readonly exited = new Set<Pid>();
  /** Per lock or semaphore, who holds it (a pid per permit taken). */
  private readonly holders = new Map<number, Pid[]>();
  /** By object id (small integers), its size after its last operation (a queue's length, a semaphore's count). */
  private readonly sizes: number[] = [];
  private lastChange = 0;

  /** Folds one released batch; `now` is the kernel's clock in ms. */
  feed(events: readonly RunEvent[], ops: PackedOps | null, now: number): void {
    if (events.length > 0 || (ops && ops.n > 0)) this.lastChange = now;
    for (const e of events) this.event(e);
    if (ops) this.ops(ops);
  }

  private event(e: RunEvent): void {
    switch (e.kind) {
      case "proc.start":
        this.names.set(e.pid, e.name);
        return;
      case "proc.create":
        this.names.set(e.child, e.name);
        return;
      case "proc.block":
        this.blocked.set(e.pid, { on: e.on, line: e.line });
        return;
      case "proc.unblock":
        this.blocked.delete(e.pid);
        return;
      case "proc.exit":
        this.blocked.delete(e.pid);
        this.exited.add(e.pid);
        return;
      case "obj.create":
        this.kinds.set(e.objId, { kind: e.objKind, label: e.label });
        return;
      case "obj.op":
        return;
      default:
        return;
    }
  }

  private ops(p: PackedOps): void {
    const c = p.cols;
    for (let r = 0; r < p.n;) {
      const o = r * ROW_WIDTH;
      if (isRunHeader(c, o)) {
        this.run(c, o);
        r += rowsAt(c, o);
      } else {
        this.op(c, o);
        r++;
      }
    }
  }

  /**
   * A run's operations (events/runBlock.ts) in order; but once a whole cycle has left
   * the holders of its objects as they were, the cycles after it would too (the same
   * operations by the same process: only ITEM and VALUE move, and of those only ITEM's
   * sign matters here, which a linear step keeps between two cycles that share it), so
   * they are skipped up to the last. A run of 1,000,000 pairs costs a few cycles.
   */
  private run(c: Float64Array, k: number): void {
    const row = this.scratch;
    const n = opsAt(c, k);
    const period = c[k + OBJ] ?? 0;
    let j = 0;
    const step = (to: number) => {
      for (; j < to; j++) {
        runRow(c, k, j, row);
        this.op(row, 0);
      }
    };
    step(Math.min(n, c[k + SIZE] ?? 0));
    const cycles = period > 0 ? Math.floor((n - j) / period) : 0;
    if (cycles > 2) {
      const first = j;
      const before = this.holdersKey(c, k, period);
      step(first + period);
      const last = first + (cycles - 1) * period;
      if (this.holdersKey(c, k, period) === before && this.sameItemSigns(c, k, first, last - period, period)) j = last;
    }
    step(n);
  }

  /** The holders of the objects a run's cycle touches, as a string to compare. */
  private holdersKey(c: Float64Array, k: number, period: number): string {
    let key = "";
    for (let s = 0; s < period; s++) {
      const obj = c[k + (1 + s) * ROW_WIDTH + OBJ] ?? 0;
      key += `${obj}:${(this.holders.get(obj) ?? []).join(",")};`;
    }
    return key;
  }

  /** Whether the cycles at operations a and b of a run have the same ITEM signs, slot by slot. */
  private sameItemSigns(c: Float64Array, k: number, a: number, b: number, period: number): boolean {
    const x = this.scratch;
    const y = this.scratch2;
    for (let s = 0; s < period; s++) {
      runRow(c, k, a + s, x);
      runRow(c, k, b + s, y);
      if ((x[ITEM] ?? 0) < 0 !== (y[ITEM] ?? 0) < 0) return false;
    }
    return true;
  }

  private op(c: Float64Array, o: number): void {
    const obj = c[o + OBJ] as number;
    this.sizes[obj] = c[o + SIZE] as number;
    const op = c[o + OP];
    if ((op !== Op.acquire && op !== Op.release) || c[o + OUTCOME] !== Outcome.ok || (c[o + ITEM] as number) < 0)
      return;
    const pid = c[o + PID] as number;
    const held = this.holders.get(obj) ?? [];
    if (op === Op.acquire) held.push(pid);
    else {
      // Any process may release a Lock or a Semaphore: its own permit first, else the oldest.
      const mine = held.indexOf(pid);
      held.splice(mine >= 0 ? mine : 0, 1);
    }
    this.holders.set(obj, held);
  }

  private readonly scratch = new Float64Array(ROW_WIDTH);
  private readonly scratch2 = new Float64Array(ROW_WIDTH);
  /** A deadlock among `live` (the processes still running), or null. */
  deadlock(live: readonly Pid[], now: number): DeadlockReport | null {
    if (live.length === 0 || now - this.lastChange < QUIET_MS) return null;
    for (const pid of live) {
      const b = this.blocked.get(pid);
      if (!b || !this.untimed(b.on) || this.satisfiable(b.on)) return null;
    }
    return this.report(live);
  }

  private untimed(on: BlockReason): boolean {
    if (on.op === "sleep") return false;
    if (on.op === "exit") return true;
    return on.timeout === null;
  }

  private satisfiable(on: BlockReason): boolean {
    if (on.op === "join") return this.exited.has(on.target);
    if (on.op === "exit") return on.children.every((c) => this.exited.has(c));
    if (on.op !== "obj") return false;
    const kind = this.kinds.get(on.objId)?.kind;
    const size = this.sizes[on.objId];
    if (kind && LOCK_KINDS.has(kind) && on.call === "acquire") return (size ?? 1) > 0;
    if (kind && QUEUE_KINDS.has(kind) && on.call === "get") return (size ?? 0) > 0;
    return false;
  }

  /** Whom `pid` waits for: the holders of its lock, the child it joins. */
  private waitsFor(pid: Pid): Pid[] {
    const on = this.blocked.get(pid)?.on;
    if (!on) return [];
    if (on.op === "join") return [on.target];
    if (on.op === "exit") return on.children.filter((c) => !this.exited.has(c));
    if (on.op === "obj") return this.holders.get(on.objId) ?? [];
    return [];
  }

  private name(pid: Pid): string {
    return this.names.get(pid) ?? `process ${pid}`;
  }

  private label(objId: number): string {
    return this.kinds.get(objId)?.label ?? `object ${objId}`;
  }

  private describe(pid: Pid): string {
    const b = this.blocked.get(pid);
    if (!b) return `${this.name(pid)} is running`;
    const at = b.line ? ` (line ${b.line})` : "";
    const on = b.on;
    switch (on.op) {
      case "join":
        return `${this.name(pid)} waits in join()${at} for ${this.name(on.target)} to exit`;
      case "exit":
        return `${this.name(pid)} has finished and waits for its children to exit: ${this.waitsFor(pid)
          .map((c) => this.name(c))
          .join(", ")}`;
      case "sleep":
        return `${this.name(pid)} sleeps`;
      case "obj": {
        const what = `${this.name(pid)} waits in ${on.call}(${on.objLabel})${at}`;
        const kind = this.kinds.get(on.objId)?.kind;
        const held = this.holders.get(on.objId) ?? [];
        if (kind && LOCK_KINDS.has(kind) && held.length > 0) {
          const by = held.map((h) => this.name(h) + (this.exited.has(h) ? ", which has exited" : ""));
          return `${what}, held by ${by.join(" and ")}`;
        }
        if (kind && LOCK_KINDS.has(kind)) return what;
        if (on.call === "get" || on.call === "recv" || on.call === "recv_bytes")
          return `${what}: it is empty, and no running process can put into it`;
        if (on.call === "put") return `${what}: it is full, and no running process can take from it`;
        return `${what}, and no running process can wake it`;
      }
    }
  }

  private report(live: readonly Pid[]): DeadlockReport {
    const cycle = this.findCycle(live);
    const pids = cycle ?? [...live];
    const objIds = pids.flatMap((p) => {
      const on = this.blocked.get(p)?.on;
      return on?.op === "obj" ? [on.objId] : [];
    });
    const lines = ["Deadlock: every process is waiting, and none of them can wake another."];
    for (const pid of live) lines.push(`  ${this.describe(pid)}`);
    if (cycle) {
      const steps = cycle.map((p) => {
        const on = this.blocked.get(p)?.on;
        return on?.op === "obj" ? `${this.name(p)} → ${this.label(on.objId)}` : this.name(p);
      });
      lines.push(`  The cycle: ${steps.join(" → ")} → ${this.name(cycle[0] as Pid)}`);
    }
    return { text: lines.join("\n") + "\n", pids, objIds };
  }

  /** A cycle of processes each waiting for the next, if the waits make one. */
  private findCycle(live: readonly Pid[]): Pid[] | null {
    for (const start of live) {
      const path: Pid[] = [];
      const seen = new Set<Pid>();
      let at: Pid | undefined = start;
      while (at !== undefined && !seen.has(at)) {
        seen.add(at);
        path.push(at);
        at = this.waitsFor(at)[0];
      }
      if (at !== undefined) return path.slice(path.indexOf(at));
    }
    return null;
  }
}
