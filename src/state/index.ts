/** The app's store instances. Panels import from here; tests build their own. */
import { createKernelBridge } from "./kernelBridge";
import { createRunStore } from "./runStore";
import { createUiStore } from "./uiStore";
import type { KernelApi } from "../runtime/protocol";

let kernel: KernelApi | null = null;
const getKernel = () => (kernel ??= createKernelBridge());

export const runStore = createRunStore(getKernel);
export const uiStore = createUiStore();
export { processColor } from "./colors";
export { describeBlock, TimelineModel } from "./timelineModel";
export type { Lane, BlockSpan, LaneMark } from "./timelineModel";
export type { RunState, RunStatus } from "./runStore";
export type { ConsoleBuffer } from "./consoleBuffer";
export type { RunEvent } from "../runtime/events";
