import { useStore } from "zustand";
import { uiStore } from "../../state";

/** A message for the learner above the work area (e.g. a link that could not be read). */
export function NoticeBanner() {
  const notice = useStore(uiStore, (s) => s.notice);
  if (notice === null) return null;
  return (
    <div className="notice" data-testid="notice" role="alert">
      <svg className="notice__icon" viewBox="0 0 20 20" aria-hidden="true">
        <path d="M10 2 19 18H1z" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
        <path d="M10 8v4.5M10 14.8v.2" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <p className="notice__text">{notice}</p>
      <button
        type="button"
        className="btn btn--quiet notice__close"
        aria-label="Dismiss"
        onClick={() => uiStore.getState().setNotice(null)}
      >
        Dismiss
      </button>
    </div>
  );
}
