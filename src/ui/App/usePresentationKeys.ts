/**
 * The page's one handler for presentation keys, on the window (after the panels' own
 * handlers, so a key a panel used, e.g. the timeline's arrows, is left to it):
 * - P switches presentation mode on and off, Escape leaves it;
 * - in presentation mode, a clicker's PageDown / → and PageUp / ← go to the state
 *   layer's step and stepBack (state/presenterKeys.ts).
 * None of them act while focus is in the editor or a text field, where P types a "p"
 * and the arrows move the caret.
 */
import { useEffect } from "react";
import { uiStore } from "../../state";
import { dispatchPresenterKey } from "../../state/presenterKeys";

/** Where keys are typing: the code editor (Monaco or its stand-ins), a field or a menu. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest(".editor") !== null) return true;
  return (
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
  );
}

function onKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
  if (isTextEntry(e.target)) return;
  const ui = uiStore.getState();
  if (e.key === "p" || e.key === "P") {
    e.preventDefault();
    ui.setPresentation(!ui.presentation);
  } else if (e.key === "Escape" && ui.presentation) {
    e.preventDefault();
    ui.setPresentation(false);
  } else if (ui.presentation && dispatchPresenterKey(e.key) !== null) {
    // The clicker's key is the presenter's: it must not also scroll the console.
    e.preventDefault();
  }
}

export function usePresentationKeys(): void {
  useEffect(() => {
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
