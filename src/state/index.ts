/** The app's store instances. Panels import from here; tests build their own. */
import { createKernelBridge } from "./kernelBridge";
import { createRunStore } from "./runStore";
import { createUiStore } from "./uiStore";
import type { KernelApi } from "../runtime/protocol";
import { examples } from "../examples";
import { browserStorage, readWork } from "./drafts";
import { createEditorStore } from "./editorStore";

let kernel: KernelApi | null = null;
const getKernel = () => (kernel ??= createKernelBridge());

export const runStore = createRunStore(getKernel);
/** Syntax check without running (the editor marks the error as you type). */
export const checkSyntax = (source: string) => getKernel().check(source);
export const uiStore = createUiStore(browserStorage());
export const editorStore = createEditorStore({
  examples,
  saved: readWork(browserStorage()),
  hash: typeof location === "undefined" ? "" : location.hash,
  check: checkSyntax,
  onNotice: (notice) => uiStore.getState().setNotice(notice),
});
export { processColor } from "./colors";
export { afterNextPaint } from "./paintCost";
export { describeBlock, TimelineModel } from "./timelineModel";
export type { Lane, BlockSpan, LaneMark } from "./timelineModel";
export { ObjectModel } from "./objectModel";
export type { ChannelObject, ChannelKind, ObjItem, ObjMark } from "./objectModel";
export type { RunState, RunStatus } from "./runStore";
export type { ConsoleBuffer } from "./consoleBuffer";
export type { ExitReason, RunEvent } from "../runtime/events/types";
export { SyncObjectModel } from "./sync/syncObjectModel";
export type { SyncObject } from "./sync/syncObjectModel";
export {
  countAt,
  holdAt,
  holdersAt,
  holdRange,
  linksIn,
  type LockObject,
  type LockHold,
  type LockLink,
} from "./sync/lockFold";
export { waitsAt, type SyncWait } from "./sync/syncObject";
