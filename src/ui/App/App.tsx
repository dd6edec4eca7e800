/**
 * The app shell: toolbar on top; the program (left) and the console (right) in the
 * middle; the timeline across the whole width at the bottom, where time has room.
 * Both dividers drag (and move with the arrow keys when focused).
 */
import { useCallback, useEffect, useRef, useState } from "react";
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
import "./App.css";

const LAYOUT_KEY = "mp-playground.layout";

interface Layout {
  /** The editor's share of the top row's width. */
  left: number;
  /** The top row's share of the work area's height. */
  top: number;
}

const DEFAULT_LAYOUT: Layout = { left: 0.55, top: 0.64 };

function loadLayout(): Layout {
  try {
    const raw = localStorage.getItem(LAYOUT_KEY);
    if (!raw) return DEFAULT_LAYOUT;
    const v = JSON.parse(raw) as Partial<Layout>;
    const ok = (n: unknown): n is number => typeof n === "number" && n > 0.1 && n < 0.9;
    return { left: ok(v.left) ? v.left : DEFAULT_LAYOUT.left, top: ok(v.top) ? v.top : DEFAULT_LAYOUT.top };
  } catch {
    return DEFAULT_LAYOUT;
  }
}

export function App() {
  const [layout, setLayout] = useState(loadLayout);
  const workRef = useRef<HTMLElement>(null);
  const topRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    try {
      localStorage.setItem(LAYOUT_KEY, JSON.stringify(layout));
    } catch {
      // Storage may be unavailable (private mode); the layout just isn't remembered.
    }
  }, [layout]);

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

  const setLeft = useCallback((left: number) => setLayout((l) => ({ ...l, left })), []);
  const setTop = useCallback((top: number) => setLayout((l) => ({ ...l, top })), []);

  return (
    <div className="app">
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
            reset={DEFAULT_LAYOUT.left}
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
          min={0.25}
          max={0.85}
          onChange={setTop}
          containerRef={workRef}
          label="Resize code and timeline"
          reset={DEFAULT_LAYOUT.top}
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
