// Node entry of a process worker: tsx compiles the runtime's TypeScript here, as it
// does for the CLI (see nodePlatform.ts, the only module that creates these workers).
import { register } from "tsx/esm/api";

register();
await import("./processThread.ts");
