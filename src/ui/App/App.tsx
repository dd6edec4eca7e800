/**
 * The app shell: toolbar on top; the program (left) and the console (right) in the
 * middle; the timeline across the whole width at the bottom, where time has room.
 * Both dividers drag (and move with the arrow keys when focused).
 */
import { useEffect, useRef } from "react";
import { useStore } from "zustand";
import { examples } from "../../examples";
import { runStore, uiStore } from "../../state";
import { Console } from "../Console/Console";
import { Editor } from "../Editor/Editor";
import { Inspector } from "../Inspector/Inspector";
import { Timeline } from "../Timeline/Timeline";
import { editorStore, keepWorkSaved, listenForLinks, runProgram } from "./appState";
import { NoticeBanner } from "./NoticeBanner";
import { RestoreBanner } from "./RestoreBanner";
import { Splitter } from "./Splitter";
import { Toolbar } from "./Toolbar";
import { MIN_TOP, useLayout } from "./useLayout";
import { usePresentationKeys } from "./usePresentationKeys";
import "./App.css";
import "./Presentation.css";

export function App() {
  const presentation = useStore(uiStore, (s) => s.presentation);
  const { layout, spec, setLeft, setTop } = useLayout(presentation);
  const workRef = useRef<HTMLElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  usePresentationKeys();

  // Ctrl/Cmd+Enter anywhere runs (Monaco handles it itself while it has focus).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      e.preventDefault();
      runProgram();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => listenForLinks(), []);
  useEffect(() => keepWorkSaved(), []);

  // When Run finds a syntax error, the editor marks it like a live check would.
  useEffect(
    () =>
      runStore.subscribe((s, prev) => {
        if (s.syntaxError !== prev.syntaxError && s.syntaxError) editorStore.getState().setSyntaxError(s.syntaxError);
      }),
    [],
  );

  return (
    <div className={presentation ? "app app--present" : "app"} data-testid="app.root" data-presentation={presentation}>
      <Toolbar />
      <NoticeBanner />
      <RestoreBanner />
      <main
        className="workspace"
        ref={workRef}
        style={{ gridTemplateRows: `minmax(0, ${layout.top}fr) var(--split) minmax(0, ${1 - layout.top}fr)` }}
      >
        <div
          className="workspace__top"
          ref={topRef}
          style={{ gridTemplateColumns: `minmax(0, ${layout.left}fr) var(--split) minmax(0, ${1 - layout.left}fr)` }}
        >
          <section className="panel panel--editor" aria-label="Program">
            <EditorHeader />
            <div className="panel__body">
              <Editor store={editorStore} ui={uiStore} onRun={runProgram} />
            </div>
          </section>
          <Splitter
            between="columns"
            value={layout.left}
            min={0.25}
            max={0.8}
            onChange={setLeft}
            containerRef={topRef}
            label="Resize program and console"
            reset={spec.initial.left}
            testId="layout.split-columns"
          />
          <section className="panel panel--console">
            <header className="panel__header">
              <h2 className="panel__title">Console</h2>
            </header>
            <div className="panel__body">
              <Console />
            </div>
          </section>
        </div>
        <Splitter
          between="rows"
          value={layout.top}
          min={MIN_TOP}
          max={spec.maxTop}
          onChange={setTop}
          containerRef={workRef}
          label="Resize code and timeline"
          reset={spec.initial.top}
          testId="layout.split-rows"
        />
        <section className="panel panel--timeline">
          <header className="panel__header">
            <h2 className="panel__title">Timeline</h2>
          </header>
          <div className="panel__body panel__body--row">
            <Timeline />
            <Inspector />
          </div>
        </section>
      </main>
    </div>
  );
}

function EditorHeader() {
  const exampleId = useStore(editorStore, (s) => s.exampleId);
  const edited = useStore(editorStore, (s) => s.code !== s.loadedCode);
  const syntaxError = useStore(editorStore, (s) => s.syntaxError);
  const example = examples.find((e) => e.id === exampleId);
  return (
    <header className="panel__header">
      <h2 className="panel__title">
        <span className="panel__file">main.ts</span>
        {edited && (
          <span className="panel__dot" title="Edited" aria-label="edited">
            ●
          </span>
        )}
      </h2>
      <span className="panel__subtitle" title={example?.summary}>
        {example ? example.title : "Shared code"}
      </span>
      {syntaxError && (
        <span className="panel__badge panel__badge--error" data-testid="editor.syntax">
          SyntaxError · line {syntaxError.line}
        </span>
      )}
      {edited && (
        <button
          type="button"
          className="btn btn--quiet panel__revert"
          title={
            example
              ? "Back to the example's original code (you can undo this)"
              : "Back to the link's code (you can undo this)"
          }
          onClick={() => editorStore.getState().revert()}
        >
          Revert
        </button>
      )}
    </header>
  );
}
