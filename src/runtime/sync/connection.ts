/**
 * multiprocessing.Pipe and Connection on shared-memory byte queues, one per
 * direction. Each end counts the handles open on it across processes (a child's
 * copy is counted when it is sent, so a parent may close its own copy right after
 * start()); when the last handle of an end closes, the queue it sends on is closed
 * and the peer's recv() raises EOFError once it has read what is left.
 */
import { BrokenPipeError, EOFError, OSError, RuntimeError, ValueError } from "../lib/exceptions";
import { ctx } from "../process/context";
import { syncPoint } from "../process/syncPoint";
import { keywordArgs, timeoutWaitMs } from "../lib/options";
import { NONE, Op, opName, Outcome } from "../events/opColumns";
import { ByteQueue, type ByteQueueState } from "../share/byteQueue";
import {
  HANDLE,
  onTravelFailed,
  registerHandleKind,
  registerTraveller,
  settleTravel,
  type HandleDescription,
} from "./handles";
import { PIPE_POOL_SIZE, POOL_DUPLEX, POOL_ID, sendQueueOf } from "./pipePool";
import { briefPart, waitAnnouncedRest } from "./announcedWait";
import { pickleItem, previewItem, unpickleItem } from "./itemCodec";

export interface PipeState {
  id: number;
  label: string;
  /** Index in the run's pipe pool, or -1 for a pipe made beyond it (which cannot travel in a queue). */
  slot: number;
  /** Queue carrying messages from end 0 to end 1, and from 1 to 0 (null when not duplex). */
  to1: ByteQueueState;
  to0: ByteQueueState | null;
  /** Int32 [open handles of end 0, of end 1]. */
  refs: SharedArrayBuffer;
}

export interface ConnectionHandle {
  pipe: PipeState;
  end: 0 | 1;
  readable: boolean;
  writable: boolean;
  /**
   * Set by the kernel on a child's copy: Int32 [handles of this end the child holds
   * and has not closed]. If the child is killed, the kernel closes them for it, as the
   * OS closes a killed process's descriptors (see releaseConnections).
   */
  held?: SharedArrayBuffer;
  /** Where in `held` this handle's count is (0 for a Process argument; slot * 2 + end for one that came in a queue item). */
  heldIndex?: number;
}

/** First byte of a message: what follows is a pickled object, or raw bytes from send_bytes. */
const PICKLED = 0;
const RAW = 1;

/** Open connections of this process, closed when it exits (as its file descriptors would be). */
const openHere = new Set<Connection>();

export class Connection {
  readonly #h: ConnectionHandle;
  readonly #send: ByteQueue | null;
  readonly #recv: ByteQueue | null;
  readonly #refs: Int32Array;
  readonly #held: Int32Array | null;
  readonly #heldIndex: number;
  #closed = false;

  /** Built by Pipe() or from a handle; not by snippets. */
  constructor(h: ConnectionHandle) {
    this.#h = h;
    const { to1, to0 } = h.pipe;
    const towardsPeer = sendQueueOf(to1, to0, h.end);
    const towardsMe = sendQueueOf(to1, to0, h.end === 0 ? 1 : 0);
    this.#send = h.writable ? new ByteQueue(towardsPeer) : null;
    this.#recv = h.readable ? new ByteQueue(towardsMe) : null;
    this.#refs = new Int32Array(h.pipe.refs);
    this.#held = h.held ? new Int32Array(h.held) : null;
    this.#heldIndex = h.heldIndex ?? 0;
    openHere.add(this);
  }

  [HANDLE](): HandleDescription {
    this.check();
    Atomics.add(this.#refs, this.#h.end, 1);
    const { held: _ours, heldIndex: _at, ...state } = this.#h;
    return { kind: "connection", state };
  }

  get __mp_kind__(): string {
    return "Connection";
  }

  get closed(): boolean {
    return this.#closed;
  }
  get readable(): boolean {
    return this.#h.readable;
  }
  get writable(): boolean {
    return this.#h.writable;
  }

  private check(): void {
    if (this.#closed) throw new OSError("handle is closed");
  }

  send(obj: unknown): void {
    this.sendMessage(pickleItem(obj, PICKLED), previewItem(obj));
  }

  send_bytes(buf: Uint8Array, offset = 0, size: number | null = null): void {
    if (!(buf instanceof Uint8Array)) throw new TypeError("a bytes-like object is required");
    if (offset < 0 || offset > buf.length) throw new ValueError("offset is negative or out of range");
    const n = size ?? buf.length - offset;
    if (n < 0 || offset + n > buf.length) throw new ValueError("buffer length < offset + size");
    const bytes = buf.subarray(offset, offset + n);
    const msg = new Uint8Array(n + 1);
    msg[0] = RAW;
    msg.set(bytes, 1);
    this.sendMessage(msg, previewItem(bytes));
  }

  /** `msg` is the kind byte (PICKLED or RAW) and the payload. */
  private sendMessage(msg: Uint8Array, preview: string): void {
    syncPoint(Op.send, this.#h.pipe.id);
    let sent = false;
    try {
      this.check();
      if (!this.#send) throw new OSError("connection is read-only");
      if (Atomics.load(this.#refs, 1 - this.#h.end) === 0 || this.#send.put(msg, null, ctx().emitter) !== "ok")
        throw new BrokenPipeError("[Errno 32] Broken pipe");
      sent = true;
    } finally {
      settleTravel(sent);
    }
    this.opEvent(Op.send, Outcome.ok, this.#send.lastPutSeq, preview);
  }

  recv(): unknown {
    const msg = this.receive(Op.recv);
    const seq = this.#recv?.lastGetSeq;
    const value = msg[0] === RAW ? msg.subarray(1) : unpickleItem(msg, 1);
    this.opEvent(Op.recv, Outcome.ok, seq);
    return value;
  }

  recv_bytes(maxlength: number | null = null): Uint8Array {
    const msg = this.receive(Op.recv_bytes);
    const body = msg.subarray(1);
    this.opEvent(Op.recv_bytes, Outcome.ok, this.#recv?.lastGetSeq);
    if (maxlength !== null && body.length > maxlength) {
      this.close();
      throw new OSError("bad message length");
    }
    return body;
  }

  /** Waits for the next message (or EOF); the caller records the operation (the queue's lastGetSeq numbers it). */
  private receive(op: number): Uint8Array {
    syncPoint(op, this.#h.pipe.id);
    this.check();
    const q = this.#recv;
    if (!q) throw new OSError("connection is write-only");
    let r = q.get(briefPart(null));
    if (r === "empty") {
      const target = { objId: this.#h.pipe.id, objLabel: this.#h.pipe.label, call: opName(op) };
      r = waitAnnouncedRest(
        null,
        target,
        (wait) => q.get(wait),
        (x) => (typeof x === "string" ? "error" : "ok"),
      );
    }
    if (typeof r === "string") {
      this.opEvent(op, Outcome.eof);
      throw new EOFError();
    }
    return r;
  }

  /** True when recv() would not block: a message waits, or the other end is gone. */
  poll(timeout: number | null | { timeout?: number | null } = 0): boolean {
    this.check();
    if (!this.#recv) throw new OSError("connection is write-only");
    syncPoint(Op.poll, this.#h.pipe.id);
    return this.#recv.poll(timeoutWaitMs("poll", [timeout])) !== "empty";
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    openHere.delete(this);
    // Our count first: a kill between the two lines leaks a handle, never closes one twice.
    if (this.#held && Atomics.sub(this.#held, this.#heldIndex, 1) <= 0) return;
    if (Atomics.sub(this.#refs, this.#h.end, 1) === 1) this.#send?.close();
  }

  fileno(): number {
    this.check();
    return 3 + this.#h.end;
  }

  __enter__(): this {
    return this;
  }
  __exit__(): void {
    this.close();
  }
  [Symbol.dispose](): void {
    this.close();
  }

  /**
   * This end as it travels inside a queue item or pipe message: its pool slot. The
   * copy on its way counts as an open handle from now on, as a descriptor sent over a
   * socket does.
   */
  static toTraveller(v: object): HandleDescription | undefined {
    if (!(v instanceof Connection)) return undefined;
    v.check();
    const h = v.#h;
    if (h.pipe.slot < 0) {
      throw new RuntimeError(
        `only the first ${PIPE_POOL_SIZE} pipes of a run can be sent through a queue or pipe in the playground; ${h.pipe.label} is beyond them`,
      );
    }
    const refs = v.#refs;
    Atomics.add(refs, h.end, 1);
    onTravelFailed(() => Atomics.sub(refs, h.end, 1));
    const state: TravellingConnection = { slot: h.pipe.slot, end: h.end, readable: h.readable, writable: h.writable };
    return { kind: "pooled-connection", state };
  }

  /** Codes from events/opColumns.ts; `seq` is the byte queue's item number. */
  private opEvent(op: number, outcome: number, seq?: number, item?: string): void {
    // Items of the two directions are numbered apart, so a send pairs with its recv.
    const sending = op === Op.send || op === Op.send_bytes;
    const dir = this.#h.end === 0 ? (sending ? 0 : 1) : sending ? 1 : 0;
    ctx().emitter.op(this.#h.pipe.id, op, outcome, seq === undefined ? NONE : seq * 2 + dir, NONE, item);
  }

  __repr__(): string {
    return `<multiprocessing.connection.Connection object at 0x7f${(0x10000 + this.#h.pipe.id * 16 + this.#h.end).toString(16)}0>`;
  }
}

export function Pipe(duplex: boolean | { duplex?: boolean } = true): [Connection, Connection] {
  const isDuplex = Boolean(keywordArgs("Pipe", ["duplex"], [duplex]).duplex ?? true);
  const c = ctx();
  const id = c.control.nextObjectId();
  const slot = c.control.nextPipeSlot();
  const pooled = c.spec.pipePool[slot];
  let pipe: PipeState;
  if (pooled) {
    const words = new Int32Array(pooled.words);
    words[POOL_ID] = id;
    words[POOL_DUPLEX] = isDuplex ? 1 : 0;
    Atomics.store(words, 0, 1);
    Atomics.store(words, 1, 1);
    pipe = { id, label: `Pipe-${id}`, slot, to1: pooled.to1, to0: isDuplex ? pooled.to0 : null, refs: pooled.words };
  } else {
    const refs = new SharedArrayBuffer(8);
    new Int32Array(refs).fill(1);
    pipe = {
      id,
      label: `Pipe-${id}`,
      slot: -1,
      to1: ByteQueue.create(),
      to0: isDuplex ? ByteQueue.create() : null,
      refs,
    };
  }
  c.emit({ kind: "obj.create", objId: id, objKind: "Pipe", label: pipe.label });
  // Pipe(false) is (reader, writer), as in CPython.
  return [
    new Connection({ pipe, end: 0, readable: true, writable: isDuplex }),
    new Connection({ pipe, end: 1, readable: isDuplex, writable: true }),
  ];
}

/** At exit a process's connections close, as its descriptors would. */
export function closeConnectionsAtExit(): void {
  for (const conn of [...openHere]) conn.close();
}

registerHandleKind("connection", (state) => new Connection(state as ConnectionHandle));

interface TravellingConnection {
  slot: number;
  end: 0 | 1;
  readable: boolean;
  writable: boolean;
}

/** A Connection that arrived in a queue item or pipe message: the same pooled pipe, opened here. */
function reviveTraveller(state: unknown): Connection {
  const t = state as TravellingConnection;
  const pooled = ctx().spec.pipePool[t.slot];
  if (!pooled) throw new RuntimeError(`no pipe in slot ${t.slot} of this run`);
  const words = new Int32Array(pooled.words);
  const id = Atomics.load(words, POOL_ID);
  const pipe: PipeState = {
    id,
    label: `Pipe-${id}`,
    slot: t.slot,
    to1: pooled.to1,
    to0: Atomics.load(words, POOL_DUPLEX) === 1 ? pooled.to0 : null,
    refs: pooled.words,
  };
  // Counted where the kernel looks if this process is killed holding it.
  const held = ctx().spec.poolHeld;
  const heldIndex = t.slot * 2 + t.end;
  if (held) Atomics.add(new Int32Array(held), heldIndex, 1);
  return new Connection({
    pipe,
    end: t.end,
    readable: t.readable,
    writable: t.writable,
    held: held ?? undefined,
    heldIndex,
  });
}

registerTraveller("pooled-connection", (v) => Connection.toTraveller(v), reviveTraveller);
