import { afterAll, describe, expect, it } from "vitest";
import type { RunEvent } from "../events/types";
import { disposeSharedKernel, runSnippet } from "../node/runSnippet";
import { lineOf, readProgram } from "../programs";

afterAll(() => disposeSharedKernel());

type Op = Extract<RunEvent, { kind: "obj.op" }>;
const opsOf = (events: RunEvent[]) => events.filter((e): e is Op => e.kind === "obj.op");

describe("locks in seq order", () => {
  it("never have two holders, and every acquire names the release that let it through", async () => {
    const source = readProgram("lock-counter");
    const r = await runSnippet(source);
    expect(r.stdout).toBe(
      "got 900\nRuntimeError: Lock objects should only be shared between processes through inheritance\n",
    );
    const created = r.events.find((e) => e.kind === "obj.create" && e.objKind === "Lock");
    const lockId = created?.kind === "obj.create" ? created.objId : -1;
    const ops = opsOf(r.events)
      .filter((e) => e.objId === lockId)
      .sort((a, b) => a.seq - b.seq);
    expect(ops).toHaveLength(1800);
    let holder: number | null = null;
    const releases = new Set<number>();
    for (const op of ops) {
      if (op.op === "acquire") {
        expect(holder).toBeNull();
        holder = op.pid;
        // The first acquire follows no release; every later one follows the release it names.
        if ((op.itemId ?? 0) > 0) expect(releases.has(op.itemId ?? -1)).toBe(true);
        expect(op.line).toBe(lineOf(source, "@line:acquire"));
      } else {
        expect(op.op).toBe("release");
        expect(holder).toBe(op.pid);
        holder = null;
        releases.add(op.itemId ?? -1);
        expect(op.line).toBe(lineOf(source, "@line:release"));
      }
    }
  }, 60_000);

  it("keep that order through runs: every op of tight loops, one holder, each acquire naming the release just before", async () => {
    const source = readProgram("lock-loops");
    const r = await runSnippet(source);
    expect(r.stdout).toBe("value 60000\n");
    const kinds = new Map(r.events.flatMap((e) => (e.kind === "obj.create" ? [[e.objId, e.objKind]] : [])));
    const ops = opsOf(r.events).sort((a, b) => a.seq - b.seq);
    const lockOps = ops.filter((e) => kinds.get(e.objId) === "Lock");
    expect(lockOps).toHaveLength(3 * 2 * 20_000);
    let holder: number | null = null;
    let lastRelease = 0;
    for (const op of lockOps) {
      if (op.op === "acquire") {
        expect(holder).toBeNull();
        holder = op.pid;
        expect(op.itemId).toBe(lastRelease);
        expect(op.line).toBe(lineOf(source, "@line:acquire"));
      } else {
        expect(holder).toBe(op.pid);
        holder = null;
        expect(op.itemId).toBe(lastRelease + 1);
        lastRelease = op.itemId ?? -1;
        expect(op.line).toBe(lineOf(source, "@line:release"));
      }
    }
    // The Value's writes, in seq order, count up by one: each read saw the write before it.
    const valueOps = ops.filter((e) => kinds.get(e.objId) === "Value");
    // (And the main process's read for its print.)
    expect(valueOps).toHaveLength(2 * 60_000 + 1);
    let value = 0;
    for (const op of valueOps) {
      if (op.op === "read") expect(op.value).toBe(value);
      else expect(op.value).toBe(++value);
      expect(op.line).toBe(lineOf(source, value === 60_000 && op.op === "read" ? "print(" : "@line:increment"));
    }
    // Seqs stay dense: runs expand to exactly one event per seq, none missing.
    const seqs = r.events.map((e) => e.seq).sort((a, b) => a - b);
    expect(seqs.every((seq, i) => seq === i)).toBe(true);
  }, 120_000);

  it("a process killed while holding a lock leaves it held, and the log says by whom", async () => {
    const source = readProgram("kill-holding-lock");
    const r = await runSnippet(source);
    expect(r.stdout).toBe("exit code -9 lock free: False\n<Lock(owner=SomeOtherProcess)>\n");
    const grabbed = opsOf(r.events).find((e) => e.op === "acquire" && e.outcome === "ok");
    const child = r.events.find((e) => e.kind === "proc.start" && e.name === "Process-1")?.pid;
    expect(grabbed?.pid).toBe(child);
    expect(grabbed?.line).toBe(lineOf(source, "@line:grab"));
    // The main process then waits for it forever: a deadlock on a dead holder.
    expect(r.deadlock).toContain(
      `MainProcess waits in acquire(Lock-1) (line ${lineOf(source, "@line:waits-forever")}), held by Process-1, which has exited`,
    );
    expect(r.exitCode).toBe(1);
  }, 60_000);
});
