/**
 * Items as they travel through queues and pipes: pickled to bytes on the sender's
 * thread (a copy, as pickle makes one), with CPython's refusals, and previewed as
 * Python would print them for the timeline.
 */
import { builtinExceptions, RuntimeError } from "../lib/exceptions";
import { pyRepr, reprBytes } from "../lib/pyrepr";
import { ctx } from "../process/context";
import { dumpsInto, loads, PickleWriter, type PickleHooks } from "../share/pickleCodec";
import { decodeFromQueue, encodeInQueue, settleTravel } from "./handles";

const PREVIEW_MAX = 80;

/** Built once per process (its module's names), not per item: items are the hot path. */
let cached: { for: unknown; hooks: PickleHooks } | null = null;

function hooks(): PickleHooks {
  const c = ctx();
  if (cached?.for !== c) {
    cached = {
      for: c,
      hooks: {
        encodeHandle: encodeInQueue,
        decodeHandle: decodeFromQueue,
        lookup: (name) => c.lookup(name) ?? (builtinExceptions as Record<string, unknown>)[name],
      },
    };
  }
  return cached.hooks;
}

/** One writer per thread, reused for every item: a queue copies the bytes in at once. */
let writer = new PickleWriter(4096);
/** A writer grown past this (a huge item) is not kept between items. */
const KEEP_BYTES = 1 << 20;

/**
 * The item's pickle, after an optional one-byte `prefix`. The bytes are a view of
 * a buffer reused by the next call: copy them (as ByteQueue.put does) before pickling again.
 */
export function pickleItem(value: unknown, prefix?: number): Uint8Array {
  if (writer.bytes.length > KEEP_BYTES) writer = new PickleWriter(4096);
  const w = writer;
  w.reset();
  if (prefix !== undefined) w.byte(prefix);
  settleTravel(true);
  let shared: SharedArrayBuffer[];
  try {
    shared = dumpsInto(value, w, hooks());
  } catch (e) {
    settleTravel(false);
    throw e;
  }
  if (shared.length > 0)
    throw new RuntimeError("shared memory cannot be sent through a Queue or Pipe in the playground yet");
  return w.view();
}

/** `bytes` (from `start` on) must be the caller's own copy (as ByteQueue.get returns): bytes items are views of it. */
export function unpickleItem(bytes: Uint8Array, start = 0): unknown {
  return loads(bytes, undefined, hooks(), true, start);
}

/**
 * Python's repr of an item, cut to fit a timeline label. Big strings, byte strings
 * and lists are cut *before* repr: previewing a 50 MB item must not cost a 100 MB string.
 */
export function previewItem(value: unknown): string {
  // Bytes skip repr's dispatch: a queue of byte strings previews every one.
  if (value instanceof Uint8Array && value.constructor === Uint8Array) return previewBytes(value);
  let s: string;
  try {
    s = pyRepr(headOf(value));
  } catch {
    s = "<item>";
  }
  return cut(s);
}

const cut = (s: string) => (s.length > PREVIEW_MAX ? `${s.slice(0, PREVIEW_MAX - 1)}…` : s);

/** The head of the byte string previewed last, and its preview: one payload put again and again is previewed once. */
const lastHead = new Uint8Array(PREVIEW_MAX);
let lastHeadLength = -1;
let lastBytesPreview = "";

/** A preview depends only on the first PREVIEW_MAX bytes: comparing them costs less than repr. */
function previewBytes(bytes: Uint8Array): string {
  const n = Math.min(bytes.length, PREVIEW_MAX);
  let same = n === lastHeadLength;
  for (let i = 0; same && i < n; i++) same = bytes[i] === lastHead[i];
  if (same) return lastBytesPreview;
  const head = bytes.subarray(0, n);
  lastBytesPreview = cut(reprBytes(head));
  lastHead.set(head);
  lastHeadLength = n;
  return lastBytesPreview;
}

function headOf(value: unknown): unknown {
  if (typeof value === "string" && value.length > PREVIEW_MAX * 2) return value.slice(0, PREVIEW_MAX * 2);
  if (Array.isArray(value) && value.length > PREVIEW_MAX / 2) return value.slice(0, PREVIEW_MAX / 2);
  if (value instanceof Uint8Array && value.length > PREVIEW_MAX) return value.subarray(0, PREVIEW_MAX);
  return value;
}
