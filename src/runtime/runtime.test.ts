/**
 * The runtime on Node worker_threads: bad input and the guarantees the browser
 * relies on (Stop ends anything, limits hold, order is kept).
 */
import { afterAll, describe, expect, it } from "vitest";
import { disposeSharedKernel, runSnippet } from "./node/runSnippet";
import { lineOf, readProgram } from "./programs";

afterAll(() => disposeSharedKernel());

describe("bad input", () => {
  it("a syntax error runs nothing and says where", async () => {
    // Inline, not a program file: a syntax error cannot be type-checked or formatted.
    const source = 'print("a");\nconst x = ;\n';
    const r = await runSnippet(source);
    expect(r.syntaxError).not.toBeNull();
    expect(r.syntaxError?.line).toBe(lineOf(source, "const x = ;"));
    expect(r.syntaxError?.report).toContain(`File "main.ts", line ${lineOf(source, "const x = ;")}`);
    expect(r.syntaxError?.report).toMatch(/SyntaxError: /);
    expect(r.events).toHaveLength(0);
  });

  it("an unknown import names the module", async () => {
    const source = readProgram("unknown-import");
    const r = await runSnippet(source);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("ModuleNotFoundError: No module named 'numpy'");
    expect(r.stderr).toContain(`File "main.ts", line ${lineOf(source, 'from "numpy"')}, in <module>`);
  });

  it("a target that is not top level raises PicklingError at start()", async () => {
    const r = await runSnippet(readProgram("nested-target"));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      "PicklingError: Can't pickle <function inner>: attribute lookup inner on __main__ failed",
    );
    expect(r.events.filter((e) => e.kind === "proc.create")).toHaveLength(0);
  });

  it("a function in args raises PicklingError", async () => {
    const r = await runSnippet(readProgram("function-in-args"));
    expect(r.stderr).toMatch(/PicklingError: Can't pickle <function/);
  });

  it("fork is refused with a reason", async () => {
    const r = await runSnippet(readProgram("start-method-fork"));
    expect(r.stderr).toMatch(/ValueError: cannot use start method 'fork' here: a browser cannot fork/);
  });

  it("an infinite loop in main is ended by stop()", async () => {
    let askedAt = 0;
    const r = await runSnippet(readProgram("main-loops"), {
      stopWhen: (ev) => ev.some((e) => e.kind === "out") && (askedAt ||= Date.now()) > 0,
    });
    expect(r.stopped).toBe(true);
    expect(Date.now() - askedAt).toBeLessThan(2000);
    expect(r.events.find((e) => e.kind === "proc.exit")).toMatchObject({ reason: "stopped" });
  });

  it("an infinite loop in a child is ended by stop(), and so is its joining parent", async () => {
    const r = await runSnippet(readProgram("child-spins"), { stopWhen: (ev) => ev.some((e) => e.kind === "out") });
    expect(r.stopped).toBe(true);
    expect(r.stdout).toBe("spinning\n");
    expect(r.events.filter((e) => e.kind === "proc.exit")).toHaveLength(2);
  });

  it("after stop(), a parent woken from join() runs no more code", async () => {
    const source = readProgram("child-spins");
    for (let attempt = 0; attempt < 8; attempt++) {
      const r = await runSnippet(source, { stopWhen: (ev) => ev.some((e) => e.kind === "out") });
      expect(r.stdout, `attempt ${attempt}`).toBe("spinning\n");
      const exits = r.events.filter((e) => e.kind === "proc.exit");
      expect(exits.map((e) => (e.kind === "proc.exit" ? e.code : null))).toEqual([-15, -15]);
    }
  }, 60_000);

  it("more than 64 live processes is a clear OSError, and the run survives", async () => {
    const r = await runSnippet(readProgram("too-many-processes"));
    expect(r.stdout).toBe("OSError 63\nall joined True\n");
    expect(r.exitCode).toBe(0);
  }, 60_000);

  it("a child that throws reports CPython's header and traceback", async () => {
    const source = readProgram("child-raises");
    const r = await runSnippet(source);
    expect(r.stderr).toBe(
      "Process Process-1:\nTraceback (most recent call last):\n" +
        `  File "main.ts", line ${lineOf(source, "helper();")}, in f\n    helper();\n` +
        `  File "main.ts", line ${lineOf(source, "throw new ValueError")}, in helper\n` +
        '    throw new ValueError("bad value");\nValueError: bad value\n',
    );
    expect(r.exitCode).toBe(0);
  });
});

describe("workers reused within a run", () => {
  it("give each process a fresh module, as spawn does", async () => {
    const r = await runSnippet(readProgram("fresh-module"));
    expect(r.stdout).toBe("__mp_main__ 1\n".repeat(8) + "main 0\n");
    const names = r.events.flatMap((e) => (e.kind === "proc.start" ? [e.name] : []));
    expect(names).toEqual(["MainProcess", ...Array.from({ length: 8 }, (_, i) => "w" + i)]);
  });
});

describe("ordering and output", () => {
  it("a child's output precedes the parent's output after join, every time", async () => {
    const r = await runSnippet(readProgram("child-then-parent"));
    const expected = Array.from({ length: 20 }, (_, i) => `child ${i}\nparent ${i}\n`).join("");
    expect(r.stdout).toBe(expected);
  });

  it("events carry strictly increasing seq and the user's line", async () => {
    const source = readProgram("child-sleeps");
    const r = await runSnippet(source);
    const seqs = r.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const block = r.events.find((e) => e.kind === "proc.block" && e.on.op === "join");
    expect(block?.line).toBe(lineOf(source, "p.join()"));
    const sleep = r.events.find((e) => e.kind === "proc.block" && e.on.op === "sleep");
    expect(sleep?.line).toBe(lineOf(source, "time.sleep("));
  });

  it("two processes writing 20,000 lines each lose nothing", async () => {
    const r = await runSnippet(readProgram("two-writers"));
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(40000);
    const a = lines.filter((l) => l.startsWith("a")).map((l) => Number(l.slice(1)));
    expect(a).toEqual(Array.from({ length: 20000 }, (_, i) => i));
  });
});
