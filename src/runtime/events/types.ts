/**
 * The event model: everything a run does, as a totally ordered log.
 *
 * Every event carries a global sequence number (`seq`, one shared atomic counter)
 * and a time (`t`, milliseconds since the run began on one shared clock), so the
 * console and the timeline can replay a run exactly as it happened. The seq order is
 * causal (contract section 10; see emitter.ts for how). Events are written by each
 * process into its own ring (see ring.ts) and drained in batches by the kernel; no
 * event ever costs a round trip to another thread.
 *
 * Every synchronisation object gets an `obj.create`, every operation on it an `obj.op`
 * naming the item that moved (`itemId` joins a put to its get) and the outcome; a
 * process that waits emits `proc.block` naming what it waits on, and `proc.unblock`
 * when it stops waiting. "Blocked on X since t" is the block event's `t` while no
 * unblock has followed.
 */

export type Pid = number;

/** What a blocked process waits on. */
export type BlockReason =
  | { op: "join"; target: Pid; targetName: string; timeout: number | null }
  | { op: "sleep"; secs: number }
  | { op: "exit"; children: Pid[] }
  | { op: "obj"; objId: number; objLabel: string; call: string; timeout: number | null };

/** Why the kernel ended a process that did not exit by itself. */
export type ExitReason = "stopped" | "crashed" | "deadlock";

export type UnblockOutcome = "ok" | "timeout" | "error";

/** Kinds of shared objects the timeline can show a place for. */
export type ObjKind =
  | "Queue"
  | "SimpleQueue"
  | "JoinableQueue"
  | "Pipe"
  | "Lock"
  | "RLock"
  | "Semaphore"
  | "BoundedSemaphore"
  | "Event"
  | "Condition"
  | "Barrier"
  | "Value"
  | "Array"
  | "Pool";

export type OpOutcome = "ok" | "timeout" | "busy" | "full" | "empty" | "closed" | "eof" | "error";

interface Base {
  /** Global order across all processes. */
  seq: number;
  /** Milliseconds since the run started, on the run's shared clock. */
  t: number;
  /** The process that did it. */
  pid: Pid;
  /** 1-based line in the user's TypeScript source, when known. */
  line?: number;
}

export type RunEvent = Base &
  (
    | { kind: "proc.create"; child: Pid; name: string; daemon: boolean; target: string }
    | { kind: "proc.start"; name: string; ppid: Pid | null }
    | { kind: "proc.block"; on: BlockReason }
    | { kind: "proc.unblock"; outcome: UnblockOutcome }
    | { kind: "proc.signal"; target: Pid; signal: 9 | 15 }
    | { kind: "proc.exit"; code: number; reason?: ExitReason }
    | { kind: "out"; stream: 1 | 2; text: string }
    | {
        kind: "obj.create";
        objId: number;
        objKind: ObjKind;
        label: string;
        /** A bounded queue's maxsize. */
        maxsize?: number;
        /** A semaphore's start value, a Value's or Array's initial value(s). */
        value?: number | number[];
        /** A barrier's parties. */
        parties?: number;
        /** A Value's or Array's typecode. */
        typecode?: string;
        /** An Array's length. */
        length?: number;
        /** The object this one uses as its lock: a Condition's lock, a Value's get_lock(). */
        lockId?: number;
      }
    | {
        kind: "obj.op";
        objId: number;
        op: string;
        outcome: OpOutcome;
        /** The item as Python would print it (repr, cut to a label's length). */
        item?: string;
        /** Joins the two ends of a causal pair: a put and its get, a release and the acquire it let through. */
        itemId?: number;
        /** The object's size after the operation: a queue's length, a semaphore's count. */
        size?: number;
        /** A number the operation read or wrote (a Value's value). */
        value?: number;
      }
    | { kind: "note"; level: "info" | "error"; text: string }
    /** The kernel found the run deadlocked (kernel/waitGraph.ts) and ended it. */
    | { kind: "deadlock"; text: string; pids: Pid[]; objIds: number[] }
  );

/** A distributive Omit, so that omitting the header keeps the union discriminated. */
export type EventBody = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, "seq" | "t" | "pid"> : never) : never;
/** An event before the collector gives it its seq. */
export type UnsequencedEvent = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, "seq"> : never) : never;
