/**
 * The app's editor store and the few actions the toolbar, the keyboard and Monaco
 * share (Run, Stop, Share, Export trace, pick an example).
 */
import { editorStore, runStore, uiStore } from "../../state";
import { makeHash, makeLink } from "../../state/link";

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

/** Opens an example; a `#code=` link in the address bar no longer describes the page, so it goes. */
export function openExample(id: string) {
  if (!editorStore.getState().loadExample(id)) return;
  uiStore.getState().setNotice(null);
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
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
