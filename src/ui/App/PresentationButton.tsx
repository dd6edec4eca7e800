/** Switches the layout made for a projector on and off (P and Escape do too: usePresentationKeys.ts). */
import { useStore } from "zustand";
import { uiStore } from "../../state";

export function PresentationButton() {
  const on = useStore(uiStore, (s) => s.presentation);
  return (
    <button
      type="button"
      className="btn btn--quiet btn--present"
      data-testid="toolbar.presentation"
      aria-pressed={on}
      aria-keyshortcuts="P"
      title={on ? "Leave presentation mode (P or Escape)" : "Presentation mode: a layout for a projector (P)"}
      onClick={() => uiStore.getState().setPresentation(!on)}
    >
      <svg className="btn__icon" viewBox="0 0 16 16" aria-hidden="true">
        <path
          d="M1.5 2.5h13M2.5 2.5v7.5h11V2.5M8 10v2.5M5.5 14.5L8 12.5l2.5 2"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="btn__label">Presentation</span>
    </button>
  );
}
