/**
 * Synchronisation objects (queues, connections) cross to another
 * process as *handles*: a kind and a plain state holding SharedArrayBuffers, so the
 * child's object works on the very same shared memory. Each kind registers how to
 * rebuild itself from its state.
 */
import { RuntimeError } from "../lib/exceptions";

export const HANDLE = Symbol("mp.handle");
/** Marks a handle in a process's pickled arguments (process/pickle.ts). */
export const HANDLE_TAG = "__mp_handle__";

export interface HandleDescription {
  kind: string;
  state: unknown;
}

export interface Shareable {
  /** Describes a new handle to this object for another process. */
  [HANDLE](): HandleDescription;
}

const revivers = new Map<string, (state: unknown) => unknown>();

export function registerHandleKind(kind: string, revive: (state: unknown) => unknown): void {
  revivers.set(kind, revive);
}

export function handleOf(v: unknown): HandleDescription | undefined {
  if (v === null || typeof v !== "object" || !(HANDLE in v)) return undefined;
  return (v as Shareable)[HANDLE]();
}

export function reviveHandle(kind: string, state: unknown): unknown {
  const revive = revivers.get(kind);
  if (!revive) throw new RuntimeError(`cannot rebuild a ${kind} in this process`);
  return revive(state);
}

/** Kinds that may travel inside a queue item or a pipe message, and how. */
const travellers = new Map<
  string,
  { encode(v: object): HandleDescription | undefined; revive(state: unknown): unknown }
>();

export function registerTraveller(
  kind: string,
  encode: (v: object) => HandleDescription | undefined,
  revive: (state: unknown) => unknown,
): void {
  travellers.set(kind, { encode, revive });
}

/**
 * A synchronisation object met while pickling a queue item or pipe message. CPython
 * refuses them (only inheritance, as a Process argument, shares them), except a
 * Connection, which travels (see pipePool.ts).
 */
export function encodeInQueue(v: object): HandleDescription | undefined {
  if (!(HANDLE in v)) return undefined;
  for (const t of travellers.values()) {
    const d = t.encode(v);
    if (d) return d;
  }
  const kind = (v as { __mp_kind__?: string }).__mp_kind__ ?? v.constructor.name;
  throw new RuntimeError(`${kind} objects should only be shared between processes through inheritance`);
}

/** Undo actions of handles counted while pickling the item now being sent. */
let travelUndo: (() => void)[] = [];

/** For encoders: what to take back if the item carrying this handle is not delivered. */
export function onTravelFailed(undo: () => void): void {
  travelUndo.push(undo);
}

/**
 * After a put or send: keeps the handle counts its item added when it went in (`ok`),
 * or takes them back (Full, a timeout, a closed queue, or pickling failed half-way),
 * so a Connection that never travelled does not hold its pipe open.
 */
export function settleTravel(ok: boolean): void {
  const undo = travelUndo;
  travelUndo = [];
  if (!ok) for (const f of undo) f();
}

export function decodeFromQueue(kind: string, state: unknown): unknown {
  const t = travellers.get(kind);
  if (!t) throw new RuntimeError(`cannot rebuild a ${kind} in this process`);
  return t.revive(state);
}

/**
 * The handles inside pickled process arguments, as the kernel sees them on their way
 * to the child: each occurrence once, in no particular order.
 */
export function handlesIn(value: unknown): HandleDescription[] {
  const out: HandleDescription[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) {
        walk(k);
        walk(x);
      }
      return;
    }
    if (v instanceof Set) {
      for (const x of v) walk(x);
      return;
    }
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer || v instanceof Date || v instanceof RegExp) return;
    const rec = v as Record<string, unknown>;
    const kind = rec[HANDLE_TAG];
    if (typeof kind === "string") {
      out.push({ kind, state: rec.state });
      return;
    }
    for (const k of Object.keys(rec)) walk(rec[k]);
  };
  walk(value);
  return out;
}
