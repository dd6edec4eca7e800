/**
 * Everything Monaco, loaded lazily (Editor.tsx imports this module with import()),
 * so the first paint never waits for the editor bundle.
 *
 * Monaco 0.56+ ships tree-shakeable ESM entry points; we take the editor core, every
 * editor feature, the TypeScript tokenizer and the TypeScript language service (in
 * 0.55+ its API is the top-level `typescript` namespace, here imported directly).
 */
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/register.all";
import "monaco-editor/languages/definitions/typescript/register";
import * as ts from "monaco-editor/languages/features/typescript/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";
import playgroundDts from "../../shim/playground.d.ts?raw";
import type { EditorStore } from "../../state/editorStore";
import type { UiState } from "../../state/uiStore";
import type { StoreApi } from "zustand/vanilla";

export const MODEL_URI = "file:///main.ts";
const THEME = "playground-dark";
/** How long a line picked on the timeline stays highlighted. */
const HIGHLIGHT_MS = 4000;
/** The code's type, everyday and in presentation mode (Editor.css's stand-ins match). */
const TYPE = { normal: { fontSize: 19, lineHeight: 30 }, presentation: { fontSize: 21, lineHeight: 32 } };
const typeFor = (presentation: boolean) => TYPE[presentation ? "presentation" : "normal"];

globalThis.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === "typescript" || label === "javascript") return new TsWorker();
    return new EditorWorker();
  },
};

let configured = false;

/** The language service sees only ES2023 and the playground's own globals: no DOM, no Node. */
function configureOnce() {
  if (configured) return;
  configured = true;
  ts.typescriptDefaults.setCompilerOptions({
    target: 9 as ts.ScriptTarget, // ES2022 (the enum in Monaco's typings stops at ES2020)
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    lib: ["es2023", "esnext.disposable"],
    types: [],
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    isolatedModules: true,
    useDefineForClassFields: true,
  });
  ts.typescriptDefaults.setDiagnosticsOptions({
    noSemanticValidation: false,
    noSyntaxValidation: false,
    noSuggestionDiagnostics: false,
  });
  ts.typescriptDefaults.setEagerModelSync(true);
  ts.typescriptDefaults.addExtraLib(playgroundDts, "file:///playground.d.ts");

  monaco.editor.defineTheme(THEME, {
    base: "vs-dark",
    inherit: true,
    rules: [
      { token: "comment", foreground: "8b9bb4", fontStyle: "italic" },
      { token: "keyword", foreground: "ff7ab2" },
      { token: "string", foreground: "a5e07f" },
      { token: "number", foreground: "f7c46c" },
      { token: "type", foreground: "6cd4ff" },
    ],
    colors: {
      "editor.background": "#0d1117",
      "editor.foreground": "#e6ecf5",
      // 5.5:1 on the background (WCAG AA asks 4.5:1; #5c6a85 was 3.47:1), still quieter than the active line's.
      "editorLineNumber.foreground": "#7d8ba6",
      "editorLineNumber.activeForeground": "#c9d4e8",
      "editor.lineHighlightBackground": "#17203380",
      "editor.lineHighlightBorder": "#00000000",
      "editor.selectionBackground": "#2f4a7a",
      "editor.inactiveSelectionBackground": "#24365a",
      "editorCursor.foreground": "#ffcc66",
      "editorIndentGuide.background1": "#1e2940",
      "editorIndentGuide.activeBackground1": "#3a4a6b",
      "editorGutter.background": "#0d1117",
      "editorWidget.background": "#141c2e",
      "editorWidget.border": "#33415e",
      "editorSuggestWidget.background": "#141c2e",
      "editorSuggestWidget.border": "#33415e",
      "editorSuggestWidget.selectedBackground": "#24406e",
      "editorHoverWidget.background": "#141c2e",
      "editorHoverWidget.border": "#33415e",
      "editorError.foreground": "#ff6b6b",
      "scrollbarSlider.background": "#3a4a6b80",
      "scrollbarSlider.hoverBackground": "#4a5d85a0",
    },
  });
}

export interface MountOptions {
  store: EditorStore;
  ui: StoreApi<UiState>;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun: () => void;
}

/** Creates the editor in `host` and wires it to the stores; returns its teardown. */
export function mountEditor(host: HTMLElement, { store, ui, onRun }: MountOptions): () => void {
  configureOnce();
  const uri = monaco.Uri.parse(MODEL_URI);
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(store.getState().code, "typescript", uri);

  const editor = monaco.editor.create(host, {
    model,
    theme: THEME,
    fontFamily:
      "'JetBrains Mono', 'Cascadia Code', 'Fira Code', 'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace",
    ...typeFor(ui.getState().presentation),
    fontLigatures: false,
    lineNumbers: "on",
    lineNumbersMinChars: 3,
    glyphMargin: true,
    folding: false,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    // No sideways scrolling on a projector: long lines wrap, indented under their start.
    wordWrap: "on",
    wrappingIndent: "indent",
    automaticLayout: true,
    tabSize: 2,
    insertSpaces: true,
    renderLineHighlight: "all",
    renderWhitespace: "none",
    padding: { top: 14, bottom: 14 },
    fixedOverflowWidgets: true,
    suggestFontSize: 18,
    suggestLineHeight: 30,
    quickSuggestions: { other: true, comments: false, strings: false },
    "semanticHighlighting.enabled": true,
    bracketPairColorization: { enabled: true },
    guides: { indentation: true },
    scrollbar: { verticalScrollbarSize: 14, horizontalScrollbarSize: 14, useShadows: false },
    overviewRulerBorder: false,
    hideCursorInOverviewRuler: true,
    cursorBlinking: "smooth",
    smoothScrolling: false,
    stickyScroll: { enabled: false },
    ariaLabel: "Program editor (TypeScript). Press Control+Enter to run.",
  });

  editor.addAction({
    id: "playground.run",
    label: "Run program",
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
    contextMenuGroupId: "navigation",
    contextMenuOrder: 0,
    run: () => onRun(),
  });

  // Learner edits flow into the store; the store's replacements (examples, links) flow back.
  const onEdit = model.onDidChangeContent(() => store.getState().setCode(model.getValue()));
  /**
   * Undo history belongs to one place (an example, the shared code): another place's
   * code starts a fresh history, or Ctrl+Z would pour the last place's code into this
   * one (each place keeps its own edits in the store). Within a place (Revert, Restore)
   * it is an edit, so Ctrl+Z brings the learner's code back.
   */
  const applyExternal = (code: string, otherPlace: boolean) => {
    if (code === model.getValue()) return;
    if (otherPlace) model.setValue(code);
    else {
      editor.pushUndoStop();
      editor.executeEdits("playground.load", [
        { range: model.getFullModelRange(), text: code, forceMoveMarkers: true },
      ]);
      editor.pushUndoStop();
    }
    editor.setPosition({ lineNumber: 1, column: 1 });
    editor.revealLine(1);
  };
  const unsubCode = store.subscribe((s, prev) => {
    if (s.revision !== prev.revision) applyExternal(s.code, s.exampleId !== prev.exampleId || s.origin !== prev.origin);
  });
  // The store may have changed between the module loading and now.
  applyExternal(store.getState().code, true);

  // Syntax errors from the kernel's check (or from Run) as a marker of their own.
  const errorLine = editor.createDecorationsCollection();
  const showSyntaxError = () => {
    const err = store.getState().syntaxError;
    if (!err) {
      monaco.editor.setModelMarkers(model, "syntax", []);
      errorLine.clear();
      return;
    }
    const line = Math.min(Math.max(1, err.line), model.getLineCount());
    const maxColumn = model.getLineMaxColumn(line);
    const column = Math.min(Math.max(1, err.column), maxColumn);
    const word = model.getWordAtPosition({ lineNumber: line, column });
    const endColumn = word && word.startColumn === column ? word.endColumn : Math.min(column + 1, maxColumn);
    monaco.editor.setModelMarkers(model, "syntax", [
      {
        severity: monaco.MarkerSeverity.Error,
        message: `SyntaxError: ${err.message}`,
        source: "Python-style check",
        startLineNumber: line,
        startColumn: column,
        endLineNumber: line,
        endColumn: endColumn > column ? endColumn : column + 1,
      },
    ]);
    // The squiggle alone is easy to miss from the back of a room: tint the whole line too.
    errorLine.set([
      {
        range: new monaco.Range(line, 1, line, 1),
        options: {
          isWholeLine: true,
          className: "pg-error-line",
          glyphMarginClassName: "pg-error-glyph",
          glyphMarginHoverMessage: { value: `SyntaxError: ${err.message}` },
        },
      },
    ]);
  };
  const unsubSyntax = store.subscribe((s, prev) => {
    if (s.syntaxError !== prev.syntaxError) showSyntaxError();
  });
  showSyntaxError();

  // A line picked on the timeline: reveal it in the centre and light it up for a while.
  const highlight = editor.createDecorationsCollection();
  let highlightTimer: ReturnType<typeof setTimeout> | null = null;
  const showHighlight = (line: number | null) => {
    if (highlightTimer !== null) clearTimeout(highlightTimer);
    highlightTimer = null;
    if (line === null || line < 1 || line > model.getLineCount()) {
      highlight.clear();
      return;
    }
    editor.revealLineInCenter(line, monaco.editor.ScrollType.Smooth);
    highlight.set([
      {
        range: new monaco.Range(line, 1, line, 1),
        options: {
          isWholeLine: true,
          className: "pg-line-highlight",
          glyphMarginClassName: "pg-line-glyph",
          glyphMarginHoverMessage: { value: "Line of the selected timeline event" },
          overviewRuler: { color: "#ffcc66", position: monaco.editor.OverviewRulerLane.Full },
        },
      },
    ]);
    highlightTimer = setTimeout(() => highlight.clear(), HIGHLIGHT_MS);
  };
  const unsubUi = ui.subscribe((s, prev) => {
    if (s.highlightLine !== prev.highlightLine || s.selectedSeq !== prev.selectedSeq) showHighlight(s.highlightLine);
    if (s.presentation !== prev.presentation) editor.updateOptions(typeFor(s.presentation));
  });
  if (ui.getState().highlightLine !== null) showHighlight(ui.getState().highlightLine);

  return () => {
    if (highlightTimer !== null) clearTimeout(highlightTimer);
    unsubUi();
    unsubSyntax();
    unsubCode();
    onEdit.dispose();
    editor.dispose();
    model.dispose();
  };
}
