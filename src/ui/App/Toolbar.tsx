import { useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import { examples, topics } from "../../examples";
import { runStore } from "../../state";
import type { RunStatus } from "../../state";
import { editorStore, openExample, runProgram, shareLink, stopProgram } from "./appState";

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
          aria-label="Run"
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
        <ShareButton />
      </div>
    </header>
  );
}

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
      aria-live="polite"
    >
      <span className="status__dot" aria-hidden="true" />
      {text}
    </output>
  );
}

function ExamplesMenu() {
  const exampleId = useStore(editorStore, (s) => s.exampleId);
  const edited = useStore(editorStore, (s) => s.code !== s.loadedCode);
  const current = examples.find((e) => e.id === exampleId);
  return (
    <label className="examples">
      <span className="examples__label">Example</span>
      <select
        className="examples__select"
        data-testid="toolbar.examples"
        aria-label="Examples"
        value={exampleId ?? ""}
        title={current ? current.summary : "Code from a shared link"}
        onChange={(e) => openExample(e.target.value)}
      >
        {exampleId === null && <option value="">Shared code{edited ? " (edited)" : ""}</option>}
        {topics.map((topic) => (
          <optgroup key={topic} label={topic}>
            {examples
              .filter((ex) => ex.topic === topic)
              .map((ex) => (
                <option key={ex.id} value={ex.id} title={ex.summary}>
                  {ex.title}
                  {ex.id === exampleId && edited ? " (edited)" : ""}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

function ShareButton() {
  const [result, setResult] = useState<"copied" | "in-address-bar" | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const share = async () => {
    const r = await shareLink();
    setResult(r);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setResult(null), 3500);
  };
  return (
    <div className="share">
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
      {result && (
        <span className="share__toast" role="status">
          {result === "copied" ? "Link copied" : "Link is in the address bar"}
        </span>
      )}
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
