/**
 * The code panel. Paints the code at once as plain text, then swaps in Monaco when
 * its (lazily imported) bundle arrives.
 */
import { useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import type { StoreApi } from "zustand/vanilla";
import type { EditorStore } from "../../state/editorStore";
import type { UiState } from "../../state/uiStore";
import "./Editor.css";

export interface EditorProps {
  store: EditorStore;
  ui: StoreApi<UiState>;
  onRun: () => void;
}

type LoadState = "loading" | "ready" | "failed";

export function Editor({ store, ui, onRun }: EditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const onRunRef = useRef(onRun);
  const [load, setLoad] = useState<LoadState>("loading");
  const code = useStore(store, (s) => s.code);

  useEffect(() => {
    onRunRef.current = onRun;
  }, [onRun]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let disposed = false;
    let teardown: (() => void) | null = null;
    import("./monacoEditor")
      .then(({ mountEditor }) => {
        if (disposed) return;
        teardown = mountEditor(host, { store, ui, onRun: () => onRunRef.current() });
        setLoad("ready");
      })
      .catch((err: unknown) => {
        console.error("The code editor could not load:", err);
        if (!disposed) setLoad("failed");
      });
    return () => {
      disposed = true;
      teardown?.();
    };
  }, [store, ui]);

  return (
    <div className="editor" data-testid="editor.root" data-state={load}>
      <div ref={hostRef} className="editor__monaco" hidden={load !== "ready"} />
      {load === "loading" && <FallbackCode code={code} />}
      {load === "failed" && <PlainEditor store={store} code={code} />}
    </div>
  );
}

/** What shows until Monaco is there: the same code, same font, same line numbers. */
function FallbackCode({ code }: { code: string }) {
  const lines = code.split("\n");
  return (
    <pre className="editor__fallback" aria-label="Program (the editor is loading)">
      {lines.map((line, i) => (
        <div key={i} className="editor__fallback-line">
          <span className="editor__fallback-number" aria-hidden="true">
            {i + 1}
          </span>
          <span>{line || " "}</span>
        </div>
      ))}
    </pre>
  );
}

/** If Monaco failed to load at all, a plain text area still lets the learner edit and run. */
function PlainEditor({ store, code }: { store: EditorStore; code: string }) {
  return (
    <textarea
      className="editor__plain"
      aria-label="Program"
      spellCheck={false}
      value={code}
      onChange={(e) => store.getState().setCode(e.target.value)}
    />
  );
}
