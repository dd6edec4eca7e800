/**
 * The app's editor store and the few actions the toolbar, the keyboard and Monaco
 * share (Run, Stop, Share, Export trace, pick an example), and the saving of the learner's work.
 */
import { editorStore, runStore, uiStore } from "../../state";
import { browserStorage, saveWorkAsItChanges } from "../../state/drafts";
import { workOf } from "../../state/editorStore";
import { makeHash, makeLink, parseHash } from "../../state/link";

export { editorStore };

/** Ctrl/Cmd+Enter, the Run button and Monaco's action all land here. */
export function runProgram() {
  const { status } = runStore.getState();
  if (status === "running" || status === "stopping") return;
  uiStore.getState().reset();
  void runStore.getState().run(editorStore.getState().code);
}

export function stopProgram() {
  if (runStore.getState().status !== "running") return;
  void runStore.getState().stop();
}

/** The value of the Examples menu's "Shared code" entry. */
export const SHARED_CODE_VALUE = "";

/** Opens an example (or the shared code); a `#code=` link in the address bar no longer describes the page. */
export function openExample(id: string) {
  const editor = editorStore.getState();
  if (!(id === SHARED_CODE_VALUE ? editor.openShared() : editor.loadExample(id))) return;
  uiStore.getState().setNotice(null);
  clearLinkFromAddressBar();
}

function clearLinkFromAddressBar() {
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
}

/** Brings back the work a link or Revert replaced (the restore banner's button). */
export function restoreWork() {
  editorStore.getState().restore();
  clearLinkFromAddressBar();
}

export const STORAGE_UNAVAILABLE_NOTICE =
  "This browser is not keeping your code (its storage is off or full), so it would be lost on reload. Use Share to keep a link to it.";

/**
 * Saves the learner's work as they type, and at once when the page is hidden or left
 * (pagehide fires on reload and close, visibilitychange on a tab switch, where a mobile
 * browser may discard the page without another event).
 *
 * A `#code=` link describes the page until the learner edits the code: then it leaves
 * the address bar, so that a reload opens their edits rather than the link again.
 */
export function keepWorkSaved(): () => void {
  const saver = saveWorkAsItChanges(
    { work: () => workOf(editorStore.getState()), subscribe: editorStore.subscribe },
    browserStorage(),
    { onUnavailable: () => uiStore.getState().setNotice(STORAGE_UNAVAILABLE_NOTICE) },
  );
  const unsubscribe = editorStore.subscribe((s, prev) => {
    const typed = s.code !== prev.code && s.revision === prev.revision;
    if (typed && parseHash(location.hash).kind === "code") clearLinkFromAddressBar();
  });
  const onHidden = () => {
    if (document.visibilityState === "hidden") saver.flush();
  };
  window.addEventListener("pagehide", saver.flush);
  document.addEventListener("visibilitychange", onHidden);
  return () => {
    window.removeEventListener("pagehide", saver.flush);
    document.removeEventListener("visibilitychange", onHidden);
    unsubscribe();
    saver.dispose();
  };
}

/** Follows links pasted into the address bar of an open page. */
export function listenForLinks(): () => void {
  const onHashChange = () => {
    const notice = editorStore.getState().openHash(location.hash);
    uiStore.getState().setNotice(notice);
  };
  window.addEventListener("hashchange", onHashChange);
  return () => window.removeEventListener("hashchange", onHashChange);
}

export type ShareResult = "copied" | "in-address-bar";

/**
 * Makes a link to the current code. Copies it to the clipboard when allowed, and in
 * any case puts it in the address bar (without a navigation), so it can be copied from there.
 */
export async function shareLink(): Promise<ShareResult> {
  const code = editorStore.getState().code;
  const link = makeLink(code, location.href);
  history.replaceState(null, "", location.pathname + location.search + makeHash(code));
  try {
    if (!navigator.clipboard) return "in-address-bar";
    await navigator.clipboard.writeText(link);
    return "copied";
  } catch {
    return "in-address-bar";
  }
}

/** `mp-playground-trace-2025-01-31T14-05-09.json`, in local time (no colons: some systems refuse them in names). */
export function traceFileName(now: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const date = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  return `mp-playground-trace-${date}T${two(now.getHours())}-${two(now.getMinutes())}-${two(now.getSeconds())}.json`;
}

/** Saves the last run as a Chrome trace file; false if the kernel has none. */
export async function downloadTrace(): Promise<boolean> {
  const json = await runStore.getState().exportTrace();
  if (json === null) return false;
  const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = traceFileName(new Date());
  link.click();
  // The download has taken the blob by the next task; the URL is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return true;
}
