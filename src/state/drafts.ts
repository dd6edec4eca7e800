/**
 * The learner's work, kept in the browser's storage so that nothing they write is lost:
 * the edited code of each example, the code from the latest link (with its edits), which
 * of them was open, and any work that a link or Revert replaced and that can still be
 * restored. Saved as they type (debounced) and on demand (when the page is hidden).
 *
 * No DOM: the storage is passed in (a fake one in tests), and every storage call may
 * throw (Safari's private mode, a full quota, storage blocked by the browser's settings)
 * without breaking the app: the work then lives only in memory, and the caller is told.
 */

/** Code as the learner has it, and the code it was loaded as (`code !== base`: edited). */
export interface Draft {
  code: string;
  base: string;
}

/** Work that a link or Revert took out of the editor, and how to put it back. */
export interface RestoreOffer {
  reason: "link" | "revert";
  /** What to reopen: an example's id, or null for the shared code. */
  exampleId: string | null;
  /** Edited code of examples to put back (what Revert discarded). */
  examples: Readonly<Record<string, string>>;
  /** Shared code to put back (edited shared code that a link or Revert replaced). */
  shared: Draft | null;
}

export interface SavedWork {
  /** The example that was open, or null for the shared code. */
  open: string | null;
  /** Edited code by example id (unedited examples are not kept). */
  examples: Readonly<Record<string, string>>;
  /** The code from the latest link, with the learner's edits; null if no link was opened. */
  shared: Draft | null;
  offer: RestoreOffer | null;
}

/** The part of the Web Storage API used here. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const WORK_KEY = "mp-playground.work.v1";
/** Typing pauses shorter than this are not worth a write; the page hiding flushes at once. */
export const SAVE_DEBOUNCE_MS = 400;

/** The page's localStorage, or null where reading it throws (storage blocked) or there is none. */
export function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

const isString = (v: unknown): v is string => typeof v === "string";

function asStringRecord(v: unknown): Record<string, string> | null {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return null;
  const out: Record<string, string> = {};
  for (const [k, s] of Object.entries(v)) if (isString(s)) out[k] = s;
  return out;
}

function asDraft(v: unknown): Draft | null {
  if (typeof v !== "object" || v === null) return null;
  const { code, base } = v as Partial<Draft>;
  return isString(code) && isString(base) ? { code, base } : null;
}

function asOffer(v: unknown): RestoreOffer | null {
  if (typeof v !== "object" || v === null) return null;
  const o = v as Record<string, unknown>;
  if (o.reason !== "link" && o.reason !== "revert") return null;
  if (o.exampleId !== null && !isString(o.exampleId)) return null;
  return {
    reason: o.reason,
    exampleId: o.exampleId,
    examples: asStringRecord(o.examples) ?? {},
    shared: asDraft(o.shared),
  };
}

/** Reads what `serializeWork` wrote; anything else (absent, damaged, another version) is null. */
export function parseWork(raw: string | null): SavedWork | null {
  if (raw === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof v !== "object" || v === null) return null;
  const o = v as Record<string, unknown>;
  if (o.open !== null && !isString(o.open)) return null;
  return {
    open: o.open,
    examples: asStringRecord(o.examples) ?? {},
    shared: asDraft(o.shared),
    offer: asOffer(o.offer),
  };
}

export function serializeWork(work: SavedWork): string {
  return JSON.stringify(work);
}

/** The saved work in `storage`, or null (none, unreadable, or storage unavailable). */
export function readWork(storage: StorageLike | null): SavedWork | null {
  try {
    return parseWork(storage?.getItem(WORK_KEY) ?? null);
  } catch {
    return null;
  }
}

/** Where the work is (the editor store, through `workOf`), and how to hear that it changed. */
export interface WorkSource {
  work(): SavedWork;
  subscribe(listener: () => void): () => void;
}

export interface WorkSaver {
  /** Writes a pending change now (when the page is being hidden or unloaded). */
  flush(): void;
  /** Flushes, then stops listening. */
  dispose(): void;
}

export interface SaveOptions {
  debounceMs?: number;
  /** Told once when a write fails (and again only after one succeeded in between). */
  onUnavailable?: (error: unknown) => void;
}

/** Saves `source`'s work to `storage` after every change, debounced. */
export function saveWorkAsItChanges(
  source: WorkSource,
  storage: StorageLike | null,
  { debounceMs = SAVE_DEBOUNCE_MS, onUnavailable }: SaveOptions = {},
): WorkSaver {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let written = serializeWork(source.work());
  let failing = false;

  const write = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const text = serializeWork(source.work());
    if (text === written) return;
    try {
      if (!storage) throw new Error("no storage");
      storage.setItem(WORK_KEY, text);
      written = text;
      failing = false;
    } catch (error) {
      if (!failing) onUnavailable?.(error);
      failing = true;
    }
  };

  const unsubscribe = source.subscribe(() => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, debounceMs);
  });

  return {
    flush: write,
    dispose() {
      write();
      unsubscribe();
    },
  };
}
