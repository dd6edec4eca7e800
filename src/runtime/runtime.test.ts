/**
 * The runtime on Node worker_threads: bad input and the guarantees the browser
 * relies on (Stop ends anything, limits hold, order is kept).
 */
import { afterAll, describe, expect, it } from "vitest";
import { disposeSharedKernel, runSnippet } from "./node/runSnippet";

afterAll(() => disposeSharedKernel());

const guard = (body: string) =>
  `import { Process, set_start_method } from "multiprocessing";\nimport * as sys from "sys";\nimport * as time from "time";\n${body}`;

describe("bad input", () => {
  it("a syntax error runs nothing and says where", async () => {
    const r = await runSnippet('print("a");\nconst x = ;\n');
    expect(r.syntaxError).not.toBeNull();
    expect(r.syntaxError?.line).toBe(2);
    expect(r.syntaxError?.report).toContain('File "main.ts", line 2');
    expect(r.syntaxError?.report).toMatch(/SyntaxError: /);
    expect(r.events).toHaveLength(0);
  });

  it("an unknown import names the module", async () => {
    const r = await runSnippet('import * as np from "numpy";\nprint(np);\n');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("ModuleNotFoundError: No module named 'numpy'");
    expect(r.stderr).toContain('File "main.ts", line 1, in <module>');
  });

  it("a target that is not top level raises PicklingError at start()", async () => {
    const r = await runSnippet(
      guard(
        `if (__name__ === "__main__") {\n  const inner = () => print("x");\n  new Process({ target: inner }).start();\n}\n`,
      ),
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      "PicklingError: Can't pickle <function inner>: attribute lookup inner on __main__ failed",
    );
    expect(r.events.filter((e) => e.kind === "proc.create")).toHaveLength(0);
  });

  it("a function in args raises PicklingError", async () => {
    const r = await runSnippet(
      guard(
        `function f(g: unknown) {}\nif (__name__ === "__main__") {\n  new Process({ target: f, args: [() => 1] }).start();\n}\n`,
      ),
    );
    expect(r.stderr).toMatch(/PicklingError: Can't pickle <function/);
  });

  it("fork is refused with a reason", async () => {
    const r = await runSnippet(guard(`set_start_method("fork");\n`));
    expect(r.stderr).toMatch(/ValueError: cannot use start method 'fork' here: a browser cannot fork/);
  });

  it("an infinite loop in main is ended by stop()", async () => {
    let askedAt = 0;
    const r = await runSnippet('print("looping");\nlet i = 0;\nwhile (true) { i++; }\n', {
      stopWhen: (ev) => ev.some((e) => e.kind === "out") && (askedAt ||= Date.now()) > 0,
    });
    expect(r.stopped).toBe(true);
    expect(Date.now() - askedAt).toBeLessThan(2000);
    expect(r.events.find((e) => e.kind === "proc.exit")).toMatchObject({ reason: "stopped" });
  });

  it("an infinite loop in a child is ended by stop(), and so is its joining parent", async () => {
    const r = await runSnippet(
      guard(
        `function spin() { print("spinning"); while (true) {} }\nif (__name__ === "__main__") {\n  const p = new Process({ target: spin });\n  p.start();\n  p.join();\n}\n`,
      ),
      { stopWhen: (ev) => ev.some((e) => e.kind === "out") },
    );
    expect(r.stopped).toBe(true);
    expect(r.stdout).toBe("spinning\n");
    expect(r.events.filter((e) => e.kind === "proc.exit")).toHaveLength(2);
  });

  it("after stop(), a parent woken from join() runs no more code", async () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const r = await runSnippet(
        guard(
          `function spin() { print("spinning"); while (true) {} }\nif (__name__ === "__main__") {\n  const p = new Process({ target: spin });\n  p.start();\n  p.join();\n  print("never printed");\n}\n`,
        ),
        { stopWhen: (ev) => ev.some((e) => e.kind === "out") },
      );
      expect(r.stdout, `attempt ${attempt}`).toBe("spinning\n");
      const exits = r.events.filter((e) => e.kind === "proc.exit");
      expect(exits.map((e) => (e.kind === "proc.exit" ? e.code : null))).toEqual([-15, -15]);
    }
  }, 60_000);

  it("more than 64 live processes is a clear OSError, and the run survives", async () => {
    const r = await runSnippet(
      guard(
        `function wait() { time.sleep(0.5); }\nif (__name__ === "__main__") {\n  const ps: Process[] = [];\n  try {\n    for (let i = 0; i < 80; i++) { const p = new Process({ target: wait }); p.start(); ps.push(p); }\n  } catch (e) {\n    print((e as Error).name, ps.length);\n  }\n  for (const p of ps) p.join();\n  print("all joined", ps.every((p) => p.exitcode === 0));\n}\n`,
      ),
    );
    expect(r.stdout).toBe("OSError 63\nall joined True\n");
    expect(r.exitCode).toBe(0);
  }, 60_000);

  it("a child that throws reports CPython's header and traceback", async () => {
    const r = await runSnippet(
      guard(
        `function helper() {\n  throw new ValueError("bad value");\n}\nfunction f() {\n  helper();\n}\nif (__name__ === "__main__") {\n  const p = new Process({ target: f });\n  p.start();\n  p.join();\n}\n`,
      ),
    );
    expect(r.stderr).toBe(
      'Process Process-1:\nTraceback (most recent call last):\n  File "main.ts", line 8, in f\n    helper();\n  File "main.ts", line 5, in helper\n    throw new ValueError("bad value");\nValueError: bad value\n',
    );
    expect(r.exitCode).toBe(0);
  });
});

describe("workers reused within a run", () => {
  it("give each process a fresh module, as spawn does", async () => {
    const r = await runSnippet(
      guard(
        `let counter = 0;\nfunction bump() { counter += 1; print(__name__, counter); }\nif (__name__ === "__main__") {\n  for (let i = 0; i < 8; i++) {\n    const p = new Process({ target: bump, name: "w" + i });\n    p.start();\n    p.join();\n  }\n  print("main", counter);\n}\n`,
      ),
    );
    expect(r.stdout).toBe("__mp_main__ 1\n".repeat(8) + "main 0\n");
    const names = r.events.flatMap((e) => (e.kind === "proc.start" ? [e.name] : []));
    expect(names).toEqual(["MainProcess", ...Array.from({ length: 8 }, (_, i) => "w" + i)]);
  });
});

describe("ordering and output", () => {
  it("a child's output precedes the parent's output after join, every time", async () => {
    const r = await runSnippet(
      guard(
        `function f(i: number) { print("child", i); }\nif (__name__ === "__main__") {\n  for (let i = 0; i < 20; i++) {\n    const p = new Process({ target: f, args: [i] });\n    p.start();\n    p.join();\n    print("parent", i);\n  }\n}\n`,
      ),
    );
    const expected = Array.from({ length: 20 }, (_, i) => `child ${i}\nparent ${i}\n`).join("");
    expect(r.stdout).toBe(expected);
  });

  it("events carry strictly increasing seq and the user's line", async () => {
    const r = await runSnippet(
      guard(
        `function f() { time.sleep(0.01); }\nif (__name__ === "__main__") {\n  const p = new Process({ target: f });\n  p.start();\n  p.join();\n}\n`,
      ),
    );
    const seqs = r.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const block = r.events.find((e) => e.kind === "proc.block" && e.on.op === "join");
    expect(block?.line).toBe(8);
    const sleep = r.events.find((e) => e.kind === "proc.block" && e.on.op === "sleep");
    expect(sleep?.line).toBe(4);
  });

  it("two processes writing 20,000 lines each lose nothing", async () => {
    const r = await runSnippet(
      guard(
        `function w(tag: string) { for (let i = 0; i < 20000; i++) sys.stdout.write(tag + i + "\\n"); }\nif (__name__ === "__main__") {\n  const a = new Process({ target: w, args: ["a"] });\n  const b = new Process({ target: w, args: ["b"] });\n  a.start(); b.start(); a.join(); b.join();\n}\n`,
      ),
    );
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(40000);
    const a = lines.filter((l) => l.startsWith("a")).map((l) => Number(l.slice(1)));
    expect(a).toEqual(Array.from({ length: 20000 }, (_, i) => i));
  });
});
