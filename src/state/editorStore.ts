/**
 * What is in the editor: the code, which example it came from, the latest syntax check
 * of it, and the learner's work in every other place they edited. Works without React
 * or Monaco (zustand/vanilla), so it is tested in Node; src/state/drafts.ts keeps it in
 * the browser's storage.
 *
 * Nothing the learner writes is thrown away by a move of theirs or a link:
 * - each example keeps its own edits: choosing another example and coming back brings
 *   them back, and the menu marks every edited example;
 * - the code from a link is one more place ("Shared code"), with its own edits;
 * - a `#code=` link always wins on load, but the work it replaced can be restored
 *   (`offer`), and so can what Revert discarded, until the learner edits or dismisses.
 *
 * Nothing here ever runs code.
 */
import { createStore } from "zustand/vanilla";
import type { SyntaxErrorInfo } from "../runtime/protocol";
import type { Draft, RestoreOffer, SavedWork } from "./drafts";
import { MALFORMED_LINK_NOTICE, parseHash } from "./link";

/** The shape of an entry of src/examples (kept structural so tests can pass their own). */
export interface ExampleEntry {
  id: string;
  title: string;
  summary: string;
  source: string;
}

/** Reports the first syntax error of a source text, or null. Never runs it. */
export type SyntaxCheck = (source: string) => Promise<SyntaxErrorInfo | null>;

export type CodeOrigin = "example" | "link";

export interface EditorState {
  /** The source text in the editor. */
  code: string;
  /** The example the code was loaded from; null when it came from a link. */
  exampleId: string | null;
  origin: CodeOrigin;
  /** The code as it was loaded (example or link): `code !== loadedCode` means edited. */
  loadedCode: string;
  /**
   * Bumped whenever the code is replaced from outside the editor (an example, a
   * link), so the editor knows to push `code` into its model. Typing does not bump it.
   */
  revision: number;
  /** The latest syntax check's finding for `code` (or Run's), null when clean. */
  syntaxError: SyntaxErrorInfo | null;
  /** Edited code by example id, the open example's included (kept in step with `code`). */
  edits: Readonly<Record<string, string>>;
  /** The latest link's code with the learner's edits (in step while open); null before any link. */
  shared: Draft | null;
  /** Work that a link or Revert replaced, which `restore` brings back; null when there is none. */
  offer: RestoreOffer | null;
  /** Called by the editor on every edit; schedules a debounced syntax check. Ends an offer. */
  setCode(code: string): void;
  /** Opens an example by id, with its edits if it has some; false (and no change) for an unknown id. */
  loadExample(id: string): boolean;
  /** Opens the shared code (the latest link's, with its edits); false when no link was opened. */
  openShared(): boolean;
  /**
   * Opens what a location fragment says: a `#code=` link's code, or (for a malformed
   * link) the default example and a notice; a fragment without code changes nothing.
   * Returns the notice to show, or null.
   */
  openHash(hash: string): string | null;
  /** Puts the open code back as it was loaded; what it discards can be restored (`offer`). */
  revert(): void;
  /** Brings back the work in `offer` and opens it. */
  restore(): void;
  /** Forgets `offer`: the learner does not want that work back. */
  dismissOffer(): void;
  /** Records a syntax error found elsewhere (e.g. by Run) for the current code. */
  setSyntaxError(error: SyntaxErrorInfo | null): void;
  /** Checks the current code now, skipping the debounce. */
  checkNow(): Promise<void>;
  /** Cancels a pending check (for tests and hot reload). */
  dispose(): void;
}

export interface EditorStoreOptions {
  examples: readonly ExampleEntry[];
  /** The work saved on an earlier visit (drafts.ts readWork), reopened before `hash`. */
  saved?: SavedWork | null;
  /** The location fragment to start from (e.g. `location.hash`). */
  hash?: string;
  check?: SyntaxCheck;
  /** Delay between the last edit and the syntax check. */
  debounceMs?: number;
  /** Told about messages for the learner (a malformed link), e.g. uiStore.setNotice. */
  onNotice?: (notice: string | null) => void;
}

export type EditorStore = ReturnType<typeof createEditorStore>;

export const CHECK_DEBOUNCE_MS = 300;

/** What drafts.ts keeps of the state. */
export function workOf(s: EditorState): SavedWork {
  return { open: s.exampleId, examples: s.edits, shared: s.shared, offer: s.offer };
}

/** The fields that say what is open. */
type View = Pick<EditorState, "code" | "exampleId" | "origin" | "loadedCode">;

const exampleView = (example: ExampleEntry, edits: EditorState["edits"]): View => ({
  code: edits[example.id] ?? example.source,
  exampleId: example.id,
  origin: "example",
  loadedCode: example.source,
});

const sharedView = (shared: Draft): View => ({
  code: shared.code,
  exampleId: null,
  origin: "link",
  loadedCode: shared.base,
});

function without(record: Readonly<Record<string, string>>, key: string): Record<string, string> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

/** Saved edits that equal their example's source are no edits. */
function realEdits(saved: Readonly<Record<string, string>>, examples: readonly ExampleEntry[]) {
  const edits: Record<string, string> = { ...saved };
  for (const e of examples) if (edits[e.id] === e.source) delete edits[e.id];
  return edits;
}

/** What opening a link with `code` would take out of view that the learner wrote. */
function linkOffer(s: EditorState, code: string): RestoreOffer | null {
  const exampleEdit = s.exampleId === null ? undefined : s.edits[s.exampleId];
  const sharedEdited = s.shared && s.shared.code !== s.shared.base && s.shared.code !== code ? s.shared : null;
  // The link's code replaces the shared code: edited shared code rides along in the offer.
  const shared = sharedEdited ?? s.offer?.shared ?? null;
  const examples = s.offer?.examples ?? {};
  if (exampleEdit !== undefined && exampleEdit !== code)
    return { reason: "link", exampleId: s.exampleId, examples, shared };
  if (sharedEdited) return { reason: "link", exampleId: null, examples, shared };
  return s.offer;
}

export function createEditorStore(options: EditorStoreOptions) {
  const { examples, check, debounceMs = CHECK_DEBOUNCE_MS, onNotice } = options;
  const fallback: ExampleEntry = examples[0] ?? { id: "empty", title: "Empty", summary: "", source: "" };
  const saved = options.saved ?? null;
  const edits = realEdits(saved?.examples ?? {}, examples);
  const shared = saved?.shared ?? null;
  const savedExample = examples.find((e) => e.id === saved?.open);
  const initial: View = savedExample
    ? exampleView(savedExample, edits)
    : saved?.open === null && shared
      ? sharedView(shared)
      : { ...exampleView(fallback, edits), exampleId: examples[0] ? fallback.id : null };

  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Only the newest check may report; older answers are for code that is gone. */
  let checkToken = 0;

  const store = createStore<EditorState>()((set, get) => {
    const cancelPending = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };

    const runCheck = async () => {
      cancelPending();
      if (!check) return;
      const token = ++checkToken;
      const source = get().code;
      let found: SyntaxErrorInfo | null;
      try {
        found = await check(source);
      } catch {
        // A checker that fails (e.g. the kernel restarting) must not leave a stale marker or throw.
        found = null;
      }
      if (token !== checkToken || get().code !== source) return;
      set({ syntaxError: found });
    };

    const scheduleCheck = () => {
      if (!check) return;
      cancelPending();
      // Any answer still in flight is for older code now.
      checkToken++;
      timer = setTimeout(() => void runCheck(), debounceMs);
    };

    /** Replaces what is open (the editor pushes it into its model: `revision`). */
    const show = (view: View, also: Partial<EditorState> = {}) => {
      set({ ...view, ...also, revision: get().revision + 1, syntaxError: null });
      scheduleCheck();
    };

    const openLink = (code: string) => {
      const s = get();
      // Already open (a reload after Share put the code in the address bar): stay where it is.
      if (code === s.code) return;
      const draft = { code, base: code };
      show(sharedView(draft), { shared: draft, offer: linkOffer(s, code) });
    };

    return {
      ...initial,
      revision: 0,
      syntaxError: null,
      edits,
      shared,
      offer: saved?.offer ?? null,
      setCode(code) {
        const s = get();
        if (code === s.code) return;
        const id = s.exampleId;
        if (id !== null) {
          set({ code, offer: null, edits: code === s.loadedCode ? without(s.edits, id) : { ...s.edits, [id]: code } });
        } else {
          set({ code, offer: null, shared: { code, base: s.loadedCode } });
        }
        scheduleCheck();
      },
      loadExample(id) {
        const example = examples.find((e) => e.id === id);
        if (!example) return false;
        if (id !== get().exampleId) show(exampleView(example, get().edits));
        return true;
      },
      openShared() {
        const s = get();
        if (!s.shared) return false;
        if (s.exampleId !== null) show(sharedView(s.shared));
        return true;
      },
      openHash(hash) {
        const parsed = parseHash(hash);
        if (parsed.kind === "none") return null;
        if (parsed.kind === "code") {
          openLink(parsed.code);
          return null;
        }
        show({ ...exampleView(fallback, get().edits), exampleId: examples[0] ? fallback.id : null });
        return MALFORMED_LINK_NOTICE;
      },
      revert() {
        const s = get();
        if (s.code === s.loadedCode) return;
        const view: View = { code: s.loadedCode, exampleId: s.exampleId, origin: s.origin, loadedCode: s.loadedCode };
        if (s.exampleId !== null) {
          const offer: RestoreOffer = {
            reason: "revert",
            exampleId: s.exampleId,
            examples: { [s.exampleId]: s.code },
            shared: null,
          };
          show(view, { edits: without(s.edits, s.exampleId), offer });
        } else {
          const offer: RestoreOffer = {
            reason: "revert",
            exampleId: null,
            examples: {},
            shared: { code: s.code, base: s.loadedCode },
          };
          show(view, { shared: { code: s.loadedCode, base: s.loadedCode }, offer });
        }
      },
      restore() {
        const s = get();
        const offer = s.offer;
        if (!offer) return;
        const edits = { ...s.edits, ...offer.examples };
        const shared = offer.shared ?? s.shared;
        const example = examples.find((e) => e.id === offer.exampleId);
        if (example) show(exampleView(example, edits), { edits, shared, offer: null });
        else if (shared) show(sharedView(shared), { edits, shared, offer: null });
        else set({ offer: null });
      },
      dismissOffer() {
        set({ offer: null });
      },
      setSyntaxError(error) {
        set({ syntaxError: error });
      },
      checkNow: runCheck,
      dispose() {
        cancelPending();
        checkToken++;
      },
    };
  });

  if (options.hash !== undefined) {
    const notice = store.getState().openHash(options.hash);
    if (notice !== null) onNotice?.(notice);
  }
  // Check whatever opened (a shared link may hold a syntax error), and warm the checker up.
  if (check && timer === null) {
    timer = setTimeout(() => void store.getState().checkNow(), debounceMs);
  }
  return store;
}
