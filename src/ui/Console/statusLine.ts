/** The quiet line after a run ends, like an IDE's "Process finished with exit code 0". */
import type { RunStatus } from "../../state";

export interface StatusRow {
  text: string;
  tone: "quiet" | "error";
}

export function statusRows(status: RunStatus, exitCode: number | null, syntaxReport: string | null): StatusRow[] {
  switch (status) {
    case "finished":
      return [
        {
          text: `Process finished with exit code ${exitCode ?? 0}`,
          tone: exitCode === 0 || exitCode === null ? "quiet" : "error",
        },
      ];
    case "stopped":
      return [
        { text: exitCode === null ? "Process stopped" : `Process stopped with exit code ${exitCode}`, tone: "quiet" },
      ];
    case "deadlocked":
      return [{ text: "Process deadlocked: the run was ended (see above who waits on what)", tone: "error" }];
    case "syntax-error": {
      const lines = (syntaxReport ?? "SyntaxError").replace(/\n+$/, "").split("\n");
      return lines.map((text) => ({ text, tone: "error" }));
    }
    case "idle":
    case "running":
    case "stopping":
      return [];
  }
}
