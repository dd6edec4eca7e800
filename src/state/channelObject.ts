/**
 * A queue or pipe as the timeline and the inspector see it: what ObjectModel folds
 * for each object from its events.
 */
import type { ObjKind, OpOutcome, Pid } from "../runtime/events/types";
import type { F64Column, ItemColumns } from "./itemColumns";

/** The kinds this model folds; other objects (locks, events…) are ignored here. */
export type ChannelKind = "Queue" | "JoinableQueue" | "SimpleQueue" | "Pipe";
const CHANNEL_KINDS: ReadonlySet<ObjKind> = new Set<ObjKind>(["Queue", "JoinableQueue", "SimpleQueue", "Pipe"]);

/** Rows tracked per object; items beyond share the last one (the place then shows a chart). */
export const MAX_ROWS = 24;

/** An operation that did not succeed: Full, Empty (after a timeout or at once), EOF… */
export interface ObjMark {
  t: number;
  seq: number;
  pid: Pid;
  objId: number;
  op: string;
  outcome: OpOutcome;
  line?: number;
  /** Short words for the glyph and tooltip, e.g. "queue.Full", "EOFError". */
  label: string;
}

export interface ChannelObject {
  objId: number;
  kind: ChannelKind;
  label: string;
  /** Order of creation among channels. */
  index: number;
  /** null when unbounded. */
  maxsize: number | null;
  createdAt: number;
  createdBy: Pid;
  createSeq: number;
  createLine?: number;
  /** In the order they went in (put/send events). */
  items: ItemColumns;
  /** items[i].putAt, made non-decreasing, for binary search. */
  putT: F64Column;
  /** Times of the gets/recvs that matched an item, non-decreasing. */
  getT: F64Column;
  /**
   * gotPrefixMax[i] = latest gotAt among items[0..i], kept for the leading items that
   * have all been got: contents at t start at the first index whose value is > t.
   */
  gotPrefixMax: F64Column;
  /** Length over time: after stepT[i] the object holds stepN[i] items. */
  stepT: F64Column;
  stepN: F64Column;
  /** Most items held at once so far. */
  maxLen: number;
  /** Rows (slots) used so far by items. */
  rows: number;
  marks: ObjMark[];
  /** task_done calls (JoinableQueue). */
  tasksDone: number;
  /** Bumped on every change, so memoised views can tell. */
  version: number;
}

export const isChannelKind = (k: ObjKind): k is ChannelKind => CHANNEL_KINDS.has(k);

/** Short words for a failed operation's glyph and tooltip. */
export function markLabel(kind: ChannelKind, op: string, outcome: OpOutcome): string {
  switch (outcome) {
    case "full":
      return "queue.Full";
    case "empty":
      return "queue.Empty";
    case "eof":
      return "EOFError";
    case "closed":
      return kind === "Pipe" ? "BrokenPipeError" : "closed";
    case "timeout":
      return `${op} timed out`;
    default:
      return `${op}: ${outcome}`;
  }
}
