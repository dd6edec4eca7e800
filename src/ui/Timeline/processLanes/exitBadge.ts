/** How an exit code is shown: tone (colour family) and words. */
import type { ExitReason } from "../../../state";

export type ExitTone = "ok" | "warn" | "error" | "signal" | "unknown";

export interface ExitBadge {
  tone: ExitTone;
  /** Short text for the badge, e.g. "0", "1", "-15". */
  code: string;
  /** Words for people, e.g. "terminated", "killed", "error"; "" when the code says it all. */
  words: string;
}

export function exitBadge(code: number | null, reason?: ExitReason): ExitBadge {
  if (code === null) return { tone: "unknown", code: "?", words: "exited" };
  if (code === 0) return { tone: "ok", code: "0", words: reason === "stopped" ? "stopped" : "ok" };
  if (code === -15) return { tone: "signal", code: "-15", words: reason === "deadlock" ? "deadlocked" : "terminated" };
  if (code === -9) return { tone: "signal", code: "-9", words: "killed" };
  if (code < 0) return { tone: "signal", code: String(code), words: `signal ${-code}` };
  if (code === 1) return { tone: "error", code: "1", words: reason === "crashed" ? "crashed" : "error" };
  return { tone: "warn", code: String(code), words: reason === "crashed" ? "crashed" : "" };
}
