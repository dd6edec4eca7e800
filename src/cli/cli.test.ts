/** The CLI as a user runs it: a real `mp-playground` process, its streams and exit status. */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lineOf, programPath } from "../runtime/programs";

const bin = join(import.meta.dirname, "../../bin/mp-playground.mjs");
const dir = mkdtempSync(join(tmpdir(), "mp-cli-"));

function cli(args: string[], onStdout?: (text: string, kill: (sig: NodeJS.Signals) => void) => void) {
  return new Promise<{ stdout: string; stderr: string; code: number | null; ms: number }>((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      onStdout?.(stdout, (sig) => child.kill(sig));
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ stdout, stderr, code, ms: Date.now() - t0 }));
  });
}

/** Writes a program that cannot be a file of src/runtime/programs (it does not parse) to a temporary file. */
function tempProgram(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

describe("mp-playground run", () => {
  it("writes what the processes wrote and exits with the main process's code", async () => {
    const file = programPath("exit-code");
    const r = await cli(["run", file]);
    expect(r.stdout).toBe("child\nexitcode 0\n");
    expect(r.stderr).toBe("warn\n");
    expect(r.code).toBe(4);
  });

  it("writes a Chrome trace that names every process", async () => {
    const file = programPath("child-sleeps");
    const out = join(dir, "trace.json");
    const r = await cli(["run", file, "--trace", out]);
    expect(r.code).toBe(0);
    const trace = JSON.parse(readFileSync(out, "utf8")) as {
      traceEvents: { name: string; ph: string; args?: { name?: string }; dur?: number }[];
    };
    const names = trace.traceEvents.filter((e) => e.name === "thread_name").map((e) => e.args?.name);
    expect(names).toEqual(["MainProcess", "sleeper"]);
    const sleep = trace.traceEvents.find((e) => e.ph === "X" && e.name === "sleep(0.05)");
    expect(sleep?.dur).toBeGreaterThanOrEqual(50_000);
    expect(trace.traceEvents.some((e) => e.ph === "X" && e.name === "join(sleeper)")).toBe(true);
  });

  it("joins each get to its put and each recv to its send with a flow in the trace", async () => {
    const file = programPath("queue-and-pipe-flows");
    const out = join(dir, "flows.json");
    const r = await cli(["run", file, "--trace", out]);
    expect(r.stdout).toBe("10 done\n");
    const { traceEvents } = JSON.parse(readFileSync(out, "utf8")) as {
      traceEvents: { name: string; pid: number; bind_id?: number; flow_in?: boolean; flow_out?: boolean }[];
    };
    const starts = new Map(traceEvents.filter((e) => e.flow_out).map((e) => [e.bind_id, e]));
    const receivers = traceEvents.filter((e) => e.name === "get" || e.name === "recv");
    expect(receivers).toHaveLength(6);
    const pairs = receivers.map((e) => {
      expect(e.flow_in).toBe(true);
      const start = starts.get(e.bind_id);
      return `${start?.name}@${start?.pid} -> ${e.name}@${e.pid}`;
    });
    const [main, child] = [receivers[0]!.pid, traceEvents.find((e) => e.name === "send")!.pid];
    expect(pairs).toEqual([
      ...Array.from({ length: 5 }, () => `put@${child} -> get@${main}`),
      `send@${child} -> recv@${main}`,
    ]);
    expect(starts.size).toBe(6);
  });

  it("reports a syntax error and runs nothing", async () => {
    const source = 'print("never");\nlet = 3;\n';
    const r = await cli(["run", tempProgram("bad.ts", source)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`File "main.ts", line ${lineOf(source, "let = 3;")}`);
    expect(r.stderr).toContain("SyntaxError");
  });

  it("Ctrl-C ends a child stuck in an infinite loop", async () => {
    const file = programPath("child-spins");
    let sentAt = 0;
    const r = await cli(["run", file], (text, kill) => {
      if (!sentAt && text.includes("spinning")) {
        sentAt = Date.now();
        kill("SIGINT");
      }
    });
    expect(r.stdout).toBe("spinning\n");
    expect(r.stderr).toContain("KeyboardInterrupt");
    expect(r.code).toBe(130);
    expect(Date.now() - sentAt).toBeLessThan(3000);
  });

  it("explains its usage", async () => {
    const r = await cli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("usage: mp-playground run FILE.ts");
  });
});
