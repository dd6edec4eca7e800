/**
 * What is in the editor: the code, which example it came from, and the latest
 * syntax check of it. Works without React or Monaco (zustand/vanilla), so it is
 * tested in Node.
 *
 * Where the code comes from is simple and predictable: a `#code=` link always wins;
 * otherwise the default example (the first one) opens. Nothing is restored from
 * earlier visits, and nothing here ever runs code.
 */
import { createStore } from "zustand/vanilla";
import type { SyntaxErrorInfo } from "../runtime/protocol";
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
  /** Called by the editor on every edit; schedules a debounced syntax check. */
  setCode(code: string): void;
  /** Opens an example by id; false (and no change) for an unknown id. */
  loadExample(id: string): boolean;
  /**
   * Opens what a location fragment says: a `#code=` link's code, or (for a malformed
   * link) the default example and a notice; a fragment without code changes nothing.
   * Returns the notice to show, or null.
   */
  openHash(hash: string): string | null;
  /** Records a syntax error found elsewhere (e.g. by Run) for the current code. */
  setSyntaxError(error: SyntaxErrorInfo | null): void;
  /** Checks the current code now, skipping the debounce. */
  checkNow(): Promise<void>;
  /** Cancels a pending check (for tests and hot reload). */
  dispose(): void;
}

export interface EditorStoreOptions {
  examples: readonly ExampleEntry[];
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

export function createEditorStore(options: EditorStoreOptions) {
  const { examples, check, debounceMs = CHECK_DEBOUNCE_MS, onNotice } = options;
  const fallback: ExampleEntry = examples[0] ?? { id: "empty", title: "Empty", summary: "", source: "" };

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

    const replaceCode = (code: string, exampleId: string | null, origin: CodeOrigin) => {
      set({ code, exampleId, origin, loadedCode: code, revision: get().revision + 1, syntaxError: null });
      scheduleCheck();
    };

    return {
      code: fallback.source,
      exampleId: examples[0] ? fallback.id : null,
      origin: "example",
      loadedCode: fallback.source,
      revision: 0,
      syntaxError: null,
      setCode(code) {
        if (code === get().code) return;
        set({ code });
        scheduleCheck();
      },
      loadExample(id) {
        const example = examples.find((e) => e.id === id);
        if (!example) return false;
        replaceCode(example.source, example.id, "example");
        return true;
      },
      openHash(hash) {
        const parsed = parseHash(hash);
        if (parsed.kind === "none") return null;
        if (parsed.kind === "code") {
          replaceCode(parsed.code, null, "link");
          return null;
        }
        replaceCode(fallback.source, examples[0] ? fallback.id : null, "example");
        return MALFORMED_LINK_NOTICE;
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
