/**
 * Conformance: each case is a TypeScript snippet and its CPython twin (spawn start
 * method). Both run here, now; stdout and the exit status must match exactly, and
 * stderr must match once CPython's own frames and file paths are set aside.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { disposeSharedKernel, runSnippet } from "../node/runSnippet";

const dir = join(import.meta.dirname, "cases");
const cases = readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.slice(0, -3));

function runPython(name: string): { stdout: string; stderr: string; code: number } {
  const r = spawnSync("python3", [join(dir, `${name}.py`)], {
    encoding: "utf8",
    env: { ...process.env, PYTHONIOENCODING: "utf-8" },
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

/** Keeps what a traceback says, drops where (frames differ: CPython shows its own). */
function normaliseStderr(s: string): string[] {
  const lines = s.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? "";
    if (/^ {2}File "/.test(l)) {
      if ((lines[i + 1] ?? "").startsWith("    ")) i++;
      if (/^\s+[~^]+\s*$/.test(lines[i + 1] ?? "")) i++;
      continue;
    }
    if (l.trim() === "") continue;
    out.push(l.trimEnd());
  }
  return out.sort();
}

afterAll(() => disposeSharedKernel());

describe("snippets behave as their CPython twins", () => {
  for (const name of cases) {
    it(name, async () => {
      const ts = await runSnippet(readFileSync(join(dir, `${name}.ts`), "utf8"));
      const py = runPython(name);
      expect(ts.syntaxError).toBeNull();
      expect(ts.stdout).toBe(py.stdout);
      expect(normaliseStderr(ts.stderr)).toEqual(normaliseStderr(py.stderr));
      expect((ts.exitCode ?? -1) & 0xff).toBe(py.code);
    });
  }
});
