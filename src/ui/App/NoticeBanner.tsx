import type { ReactNode } from "react";
import { useStore } from "zustand";
import { uiStore } from "../../state";

interface BannerProps {
  testId: string;
  /** "alert" (amber, a warning sign) for what went wrong; "status" (blue, an "i") for news. */
  role: "alert" | "status";
  children: ReactNode;
  /** Buttons before Dismiss. */
  actions?: ReactNode;
  onDismiss(): void;
}

/** A message for the learner above the work area, with Dismiss and perhaps other buttons. */
export function Banner({ testId, role, children, actions, onDismiss }: BannerProps) {
  return (
    <div className={`notice${role === "status" ? " notice--info" : ""}`} data-testid={testId} role={role}>
      <svg className="notice__icon" viewBox="0 0 20 20" aria-hidden="true">
        {role === "alert" ? (
          <>
            <path d="M10 2 19 18H1z" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
            <path d="M10 8v4.5M10 14.8v.2" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </>
        ) : (
          <>
            <circle cx="10" cy="10" r="8.2" fill="none" stroke="currentColor" strokeWidth="1.8" />
            <path d="M10 9v5.2M10 5.8v.2" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </>
        )}
      </svg>
      <p className="notice__text">{children}</p>
      {actions}
      <button type="button" className="btn btn--quiet notice__close" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** uiStore's notice (e.g. a link that could not be read). */
export function NoticeBanner() {
  const notice = useStore(uiStore, (s) => s.notice);
  if (notice === null) return null;
  return (
    <Banner testId="notice" role="alert" onDismiss={() => uiStore.getState().setNotice(null)}>
      {notice}
    </Banner>
  );
}
