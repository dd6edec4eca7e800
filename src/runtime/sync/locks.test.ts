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
