/**
 * What the learner is looking at: the playhead, the selected event, the editor line
 * to highlight, which processes the console hides, and whether the page is laid out
 * for a projector (presentation mode, remembered in the browser's storage).
 * Independent of any run's data.
 */
import { createStore } from "zustand/vanilla";
import type { StorageLike } from "./drafts";

export const PRESENTATION_KEY = "mp-playground.presentation.v1";

export interface UiState {
  /** Time (ms since run start) under the playhead; null follows the live edge. */
  playhead: number | null;
  /** seq of the event the learner clicked. */
  selectedSeq: number | null;
  /** Editor line to highlight (1-based), set by clicking an event. */
  highlightLine: number | null;
  /** pids whose output the console hides. */
  hiddenPids: ReadonlySet<number>;
  /** The queue or pipe the inspector shows (clicked in the timeline); null: none chosen. */
  selectedObjId: number | null;
  /** A message shown above the editor (e.g. a malformed link). */
  notice: string | null;
  setPlayhead(t: number | null): void;
  selectEvent(seq: number | null, line?: number | null): void;
  selectObject(objId: number | null): void;
  togglePid(pid: number): void;
  /** Shows only `pid` (null shows every process again). */
  showOnly(pid: number | null, allPids: readonly number[]): void;
  setNotice(notice: string | null): void;
  /** The layout made for a 1280x720 projector: large type, the timeline prominent. */
  presentation: boolean;
  setPresentation(on: boolean): void;
  /** Clears what belongs to one run (presentation mode stays). */
  reset(): void;
}

function readPresentation(storage: StorageLike | null): boolean {
  try {
    return storage?.getItem(PRESENTATION_KEY) === "on";
  } catch {
    return false;
  }
}

/** `storage` keeps presentation mode across visits (drafts.ts browserStorage(); null: not kept). */
export function createUiStore(storage: StorageLike | null = null) {
  return createStore<UiState>()((set, get) => ({
    playhead: null,
    selectedSeq: null,
    highlightLine: null,
    hiddenPids: new Set(),
    notice: null,
    selectedObjId: null,
    setPlayhead: (t) => set({ playhead: t }),
    selectEvent: (seq, line = null) => set({ selectedSeq: seq, highlightLine: line ?? null }),
    selectObject: (objId) => set({ selectedObjId: objId }),
    togglePid(pid) {
      const next = new Set(get().hiddenPids);
      if (next.has(pid)) next.delete(pid);
      else next.add(pid);
      set({ hiddenPids: next });
    },
    showOnly(pid, allPids) {
      set({ hiddenPids: new Set(pid === null ? [] : allPids.filter((p) => p !== pid)) });
    },
    setNotice: (notice) => set({ notice }),
    presentation: readPresentation(storage),
    setPresentation(on) {
      if (on === get().presentation) return;
      set({ presentation: on });
      try {
        storage?.setItem(PRESENTATION_KEY, on ? "on" : "off");
      } catch {
        // Storage blocked or full: the mode holds for this visit only.
      }
    },
    reset: () =>
      set({ playhead: null, selectedSeq: null, highlightLine: null, hiddenPids: new Set(), selectedObjId: null }),
  }));
}
