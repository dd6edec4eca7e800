import { useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import { examples, topics } from "../../examples";
import { runStore } from "../../state";
import type { RunStatus } from "../../state";
import {
  downloadTrace,
  editorStore,
  openExample,
  runProgram,
  SHARED_CODE_VALUE,
  shareLink,
  stopProgram,
} from "./appState";
import { PresentationButton } from "./PresentationButton";
import "./Toolbar.css";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const RUN_SHORTCUT = isMac ? "⌘ Enter" : "Ctrl Enter";

export function Toolbar() {
  const status = useStore(runStore, (s) => s.status);
  const busy = status === "running" || status === "stopping";

  return (
    <header className="toolbar" role="banner">
      <div className="toolbar__brand">
        <Logo />
        <h1 className="toolbar__title">Multiprocessing Playground</h1>
      </div>

      <div className="toolbar__controls" role="toolbar" aria-label="Program">
        <button
          type="button"
          className="btn btn--run"
          data-testid="toolbar.run"
          aria-keyshortcuts="Control+Enter Meta+Enter"
          title={`Run (${RUN_SHORTCUT})`}
          disabled={busy}
          onClick={runProgram}
        >
          <svg className="btn__icon" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 2.5v11l9.5-5.5z" fill="currentColor" />
          </svg>
          <span>Run</span>
          <kbd className="btn__kbd" aria-hidden="true">
            {RUN_SHORTCUT}
          </kbd>
        </button>
        <button
          type="button"
          className="btn btn--stop"
          data-testid="toolbar.stop"
          aria-label="Stop"
          title="Stop every process of this run"
          disabled={status !== "running"}
          onClick={stopProgram}
        >
          <svg className="btn__icon" viewBox="0 0 16 16" aria-hidden="true">
            <rect x="3" y="3" width="10" height="10" rx="1.5" fill="currentColor" />
          </svg>
          <span>Stop</span>
        </button>
        <StatusPill status={status} />
      </div>

      <div className="toolbar__side">
        <ExamplesMenu />
        <ExportTraceButton status={status} />
        <ShareButton />
        <PresentationButton />
      </div>
    </header>
  );
}

/**
 * The run's state in a few words. It is the toolbar's one elastic part: when the window
 * is narrow the text ends in an ellipsis (the whole of it stays the pill's text, read
 * out by screen readers, and its tooltip), so the buttons beside it never leave the screen.
 */
function StatusPill({ status }: { status: RunStatus }) {
  const exitCode = useStore(runStore, (s) => s.exitCode);
  let text: string;
  let tone: string;
  switch (status) {
    case "idle":
      text = "Idle";
      tone = "idle";
      break;
    case "running":
      text = "Running…";
      tone = "running";
      break;
    case "stopping":
      text = "Stopping…";
      tone = "running";
      break;
    case "finished":
      text = `Finished · exit code ${exitCode ?? "?"}`;
      tone = exitCode === 0 ? "ok" : "bad";
      break;
    case "stopped":
      text = exitCode === null ? "Stopped" : `Stopped · exit code ${exitCode}`;
      tone = "warn";
      break;
    case "deadlocked":
      text = "Deadlocked";
      tone = "bad";
      break;
    case "syntax-error":
      text = "Syntax error";
      tone = "bad";
      break;
  }
  return (
    <output
      className={`status status--${tone}`}
      data-testid="toolbar.status"
      data-status={status}
      data-exit-code={exitCode ?? undefined}
      title={text}
      aria-live="polite"
    >
      <span className="status__dot" aria-hidden="true" />
      <span className="status__text">{text}</span>
    </output>
  );
}

function ExamplesMenu() {
  const exampleId = useStore(editorStore, (s) => s.exampleId);
  const edits = useStore(editorStore, (s) => s.edits);
  const shared = useStore(editorStore, (s) => s.shared);
  const current = examples.find((e) => e.id === exampleId);
  const sharedEdited = shared !== null && shared.code !== shared.base;
  return (
    <label className="examples">
      <span className="examples__label">Example</span>
      <select
        className="examples__select"
        data-testid="toolbar.examples"
        aria-label="Examples"
        value={exampleId ?? SHARED_CODE_VALUE}
        title={current ? current.summary : "Code from a shared link"}
        onChange={(e) => openExample(e.target.value)}
      >
        {(exampleId === null || shared !== null) && (
          <option value={SHARED_CODE_VALUE}>Shared code{sharedEdited ? " (edited)" : ""}</option>
        )}
        {topics.map((topic) => (
          <optgroup key={topic} label={topic}>
            {examples
              .filter((ex) => ex.topic === topic)
              .map((ex) => (
                <option key={ex.id} value={ex.id} title={ex.summary}>
                  {ex.title}
                  {edits[ex.id] !== undefined ? " (edited)" : ""}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

/** A short message under a button, gone after a few seconds. */
function useToast(): [string | null, (message: string) => void] {
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const show = (text: string) => {
    setMessage(text);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(null), 3500);
  };
  return [message, show];
}

function Toast({ message }: { message: string | null }) {
  return message ? (
    <span className="toast" role="status">
      {message}
    </span>
  ) : null;
}

function ShareButton() {
  const [toast, showToast] = useToast();
  const share = async () => {
    const r = await shareLink();
    showToast(r === "copied" ? "Link copied" : "Link is in the address bar");
  };
  return (
    <div className="toast-anchor">
      <button
        type="button"
        className="btn btn--quiet"
        data-testid="toolbar.share"
        aria-label="Share"
        title="Copy a link that opens this code"
        onClick={() => void share()}
      >
        <svg className="btn__icon" viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.8 2.8 0 014 4L11 8.5M9 11.5l-1.2 1.2a2.8 2.8 0 01-4-4L5 7.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
          />
        </svg>
        <span>Share</span>
      </button>
      <Toast message={toast} />
    </div>
  );
}

/** Downloads the last run as a Chrome trace (the file `--trace` writes): there is one once a run has ended. */
function ExportTraceButton({ status }: { status: RunStatus }) {
  const [toast, showToast] = useToast();
  const ended = status === "finished" || status === "stopped" || status === "deadlocked";
  const exportTrace = async () => {
    if (!(await downloadTrace())) showToast("No trace of this run is left: run it again");
  };
  return (
    <div className="toast-anchor">
      <button
        type="button"
        className="btn btn--quiet"
        data-testid="toolbar.export-trace"
        aria-label="Export trace"
        title={
          ended
            ? "Download this run as a Chrome trace, to open in Perfetto"
            : "Run a program first: its trace is exported"
        }
        disabled={!ended}
        onClick={() => void exportTrace()}
      >
        <svg className="btn__icon" viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M8 2.5v7.5M4.8 7l3.2 3.2L11.2 7M3 13h10"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span>Trace</span>
      </button>
      <Toast message={toast} />
    </div>
  );
}

function Logo() {
  return (
    <svg className="toolbar__logo" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#16213a" />
      <rect x="6" y="8" width="14" height="4" rx="2" fill="#4da3ff" />
      <rect x="11" y="14" width="15" height="4" rx="2" fill="#3fd28b" />
      <rect x="8" y="20" width="11" height="4" rx="2" fill="#ffb547" />
    </svg>
  );
}
