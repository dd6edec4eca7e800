/**
 * Synchronisation objects (queues, connections, later locks) cross to another
 * process as *handles*: a kind and a plain state holding SharedArrayBuffers, so the
 * child's object works on the very same shared memory. Each kind registers how to
 * rebuild itself from its state.
 */
import { RuntimeError } from "../lib/exceptions";

export const HANDLE = Symbol("mp.handle");

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

/**
 * CPython refuses to send synchronisation objects through a queue or pipe (only
 * inheritance, as a Process argument, shares them); a Connection may travel, but
 * the playground's queues carry bytes only, so it is refused with a clear reason.
 */
export function refuseInQueue(v: object): undefined {
  if (!(HANDLE in v)) return undefined;
  const kind = (v as { __mp_kind__?: string }).__mp_kind__ ?? v.constructor.name;
  if (kind === "Connection") {
    throw new RuntimeError("sending a Connection through a Queue or Pipe is not supported in the playground yet: pass it to the Process as an argument");
  }
  throw new RuntimeError(`${kind} objects should only be shared between processes through inheritance`);
}
