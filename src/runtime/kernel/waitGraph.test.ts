import { afterAll, describe, expect, it } from "vitest";
import { disposeSharedKernel, runSnippet } from "../node/runSnippet";
import { lineOf, readProgram } from "../programs";

afterAll(() => disposeSharedKernel());

describe("deadlocks", () => {
  it("two locks taken in opposite order: the report names the cycle, and the run ends", async () => {
    const source = readProgram("deadlock-opposite-locks");
    const r = await runSnippet(source);
    const inner = lineOf(source, 'with_(b, () => print("never"))');
    expect(r.deadlock).toBe(
      [
        "Deadlock: every process is waiting, and none of them can wake another.",
        `  MainProcess waits in join() (line ${lineOf(source, "p1.join()")}) for Process-1 to exit`,
        `  Process-1 waits in acquire(Lock-2) (line ${inner}), held by Process-2`,
        `  Process-2 waits in acquire(Lock-1) (line ${inner}), held by Process-1`,
        "  The cycle: Process-1 → Lock-2 → Process-2 → Lock-1 → Process-1",
        "",
      ].join("\n"),
    );
    const event = r.events.find((e) => e.kind === "deadlock");
    expect(event?.kind === "deadlock" && event.pids.length).toBe(2);
    expect(event?.kind === "deadlock" && event.objIds.length).toBe(2);
    // Every process was ended, as Stop ends them.
    const exits = r.events.filter((e) => e.kind === "proc.exit");
    expect(exits).toHaveLength(3);
    expect(exits.every((e) => e.kind === "proc.exit" && e.reason === "deadlock")).toBe(true);
  }, 60_000);

  it("a get that nothing can satisfy", async () => {
    const source = readProgram("deadlock-lonely-get");
    const r = await runSnippet(source);
    expect(r.stdout).toBe("waiting\n");
    expect(r.deadlock).toContain(
      `MainProcess waits in get(Queue-1) (line ${lineOf(source, "@line:lonely-get")}): it is empty, and no running process can put into it`,
    );
  }, 60_000);

  it("timed waits and sleeps are never reported", async () => {
    const r = await runSnippet(readProgram("timed-waits"));
    expect(r.deadlock).toBeNull();
    expect(r.stdout).toBe("get timed out: Empty\nacquired: False\ndone\n");
    expect(r.exitCode).toBe(0);
  }, 60_000);
});
