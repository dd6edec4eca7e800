/**
 * Event, Condition and Barrier on Node worker_threads: each program (src/runtime/programs/sync-*.ts) runs
 * for real, and its events, replayed in seq order, must link every wake to what woke
 * it (contract section 10) and name the user's lines.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { RunEvent } from "../events/types";
import { disposeSharedKernel, runSnippet } from "../node/runSnippet";
import { lineOf, readProgram } from "../programs";

afterAll(() => disposeSharedKernel());

type Op = Extract<RunEvent, { kind: "obj.op" }>;
type Created = Extract<RunEvent, { kind: "obj.create" }>;

function opsIn(events: readonly RunEvent[]): Op[] {
  return events.flatMap((e) => (e.kind === "obj.op" ? [e] : [])).sort((a, b) => a.seq - b.seq);
}

function created(events: readonly RunEvent[], kind: Created["objKind"]): Created[] {
  return events.flatMap((e) => (e.kind === "obj.create" && e.objKind === kind ? [e] : []));
}

/** The waits on `objId` that returned ok, each with the earlier op (one of `by`) that woke it. */
function wakes(ops: readonly Op[], objId: number, by: readonly string[]) {
  return ops
    .filter((o) => o.objId === objId && o.op === "wait" && o.outcome === "ok")
    .map((w) => ({
      wait: w,
      waker: ops.find((o) => o.objId === objId && by.includes(o.op) && o.itemId === w.itemId && o.seq < w.seq),
    }));
}

/** Replays a lock's acquires and releases in seq order; returns the seqs where a second process took it. */
function doubleHolds(ops: readonly Op[], lockId: number): number[] {
  let holder: number | null = null;
  const bad: number[] = [];
  for (const o of ops) {
    // Only the outer acquire and release of an RLock carry an item (the release that let it through).
    if (o.objId !== lockId || o.outcome !== "ok" || o.itemId === undefined) continue;
    if (o.op === "acquire") {
      if (holder !== null) bad.push(o.seq);
      holder = o.pid;
    } else if (o.op === "release") holder = null;
  }
  return bad;
}

describe("Event, Condition and Barrier: wakes", () => {
  it("link each wait to the set, notify or trip that woke it, earlier in seq order, on the user's lines", async () => {
    const code = readProgram("sync-wakes");
    const r = await runSnippet(code);
    expect(r.stdout).toBe(
      "event woke True\nevent woke True\ncleared False\n" +
        "condition woke True\ncondition woke True\npredicate True\ntripped\ntripped\n",
    );
    const ops = opsIn(r.events);
    expect(ops.filter((o) => !(o.line !== undefined && o.line > 0))).toEqual([]);

    const [event] = created(r.events, "Event");
    const eventWakes = wakes(ops, event!.objId, ["set"]);
    expect(eventWakes).toHaveLength(2);
    for (const { waker } of eventWakes) expect(waker).toMatchObject({ op: "set", line: lineOf(code, "  e.set();") });
    expect(ops.find((o) => o.objId === event!.objId && o.op === "wait" && o.outcome === "timeout")).toMatchObject({
      size: 0,
      line: lineOf(code, "e.wait(0.01)"),
    });

    const [condition] = created(r.events, "Condition");
    const conditionWakes = wakes(ops, condition!.objId, ["notify", "notify_all"]);
    expect(conditionWakes).toHaveLength(3);
    expect(conditionWakes.map((w) => w.waker?.op).sort()).toEqual(["notify", "notify_all", "notify_all"]);
    // The main process waited inside wait_for, holding the RLock twice: the finisher got it meanwhile.
    const main = event!.pid;
    expect(conditionWakes.find((w) => w.wait.pid === main)?.wait.line).toBe(lineOf(code, "c.wait_for("));
    const [rlock] = created(r.events, "RLock");
    expect(condition!.lockId).toBe(rlock!.objId);
    expect(doubleHolds(ops, rlock!.objId)).toEqual([]);

    const [barrier] = created(r.events, "Barrier");
    expect(barrier).toMatchObject({ parties: 3 });
    const trips = new Map<number | undefined, Op[]>();
    for (const o of ops.filter((o) => o.objId === barrier!.objId && o.op === "wait"))
      trips.set(o.itemId, [...(trips.get(o.itemId) ?? []), o]);
    expect(trips.size).toBe(2);
    for (const waits of trips.values()) {
      expect(waits.map((w) => w.outcome)).toEqual(["ok", "ok", "ok"]);
      // The tripping arrival (index parties - 1) publishes: it comes first; the ones it released follow.
      expect(waits.map((w) => w.value)[0]).toBe(2);
      expect(waits.map((w) => w.value).sort()).toEqual([0, 1, 2]);
    }
  }, 60_000);
});

describe("Event, Condition and Barrier: bad input", () => {
  it("refuse a Condition used without its lock, break barriers, refuse queues, and say why an action cannot travel", async () => {
    const code = readProgram("sync-bad-input");
    const r = await runSnippet(code);
    const broken = "BrokenBarrierError: \n";
    const inheritance = "RuntimeError: Condition objects should only be shared between processes through inheritance\n";
    expect(r.stdout).toBe(
      "AssertionError: must acquire() condition before using wait()\n" +
        "AssertionError: lock is not owned\n".repeat(2) +
        broken +
        "broken after a timeout: True\n" +
        broken.repeat(3) +
        inheritance.repeat(3) +
        "PicklingError: Can't pickle <function <lambda>>: attribute lookup <lambda> on __main__ failed\n",
    );
    const ops = opsIn(r.events);
    const [condition] = created(r.events, "Condition");
    const refused = ops.filter((o) => o.objId === condition!.objId).map((o) => [o.op, o.outcome, o.line]);
    expect(refused).toEqual([
      ["wait", "error", lineOf(code, "c.wait()")],
      ["notify", "error", lineOf(code, "c.notify()")],
      ["notify_all", "error", lineOf(code, "c.notify_all()")],
    ]);

    const [timedOut, aborted] = created(r.events, "Barrier");
    const onTimedOut = ops.filter((o) => o.objId === timedOut!.objId);
    expect(onTimedOut.map((o) => [o.op, o.outcome, o.line])).toEqual([
      ["wait", "timeout", lineOf(code, "t.wait(0.05)")],
      ["wait", "error", lineOf(code, "t.wait()")],
    ]);
    // The wait that found it broken names the timed-out wait that broke it.
    expect(onTimedOut[1]?.itemId).toBe(onTimedOut[0]?.itemId);

    const onAborted = ops.filter((o) => o.objId === aborted!.objId);
    expect(onAborted.map((o) => [o.op, o.outcome])).toEqual([
      ["abort", "ok"],
      ["wait", "error"],
      ["wait", "error"],
    ]);
    expect(new Set(onAborted.map((o) => o.itemId)).size).toBe(1);
    expect(onAborted[1]?.line).toBe(lineOf(code, "report(() => b.wait())"));
  }, 60_000);
});

describe("Event, Condition and Barrier: blocking", () => {
  it("a wait that lasts shows as blocked on the object, on the line of the call, until Stop", async () => {
    const code = readProgram("sync-blocked");
    const blocks = (events: readonly RunEvent[]) =>
      events.flatMap((e) => (e.kind === "proc.block" && e.on.op === "obj" ? [{ on: e.on, line: e.line }] : []));
    const r = await runSnippet(code, { stopWhen: (events) => blocks(events).length === 3 });
    expect(r.stopped).toBe(true);
    const byLabel = blocks(r.events).sort((a, b) => a.on.objLabel.localeCompare(b.on.objLabel));
    expect(byLabel).toEqual([
      {
        on: expect.objectContaining({ objLabel: expect.stringMatching(/^Barrier-\d+$/), call: "wait", timeout: null }),
        line: lineOf(code, "b.wait()"),
      },
      {
        on: expect.objectContaining({
          objLabel: expect.stringMatching(/^Condition-\d+$/),
          call: "wait",
          timeout: null,
        }),
        line: lineOf(code, "c.wait()"),
      },
      {
        on: expect.objectContaining({ objLabel: expect.stringMatching(/^Event-\d+$/), call: "wait", timeout: null }),
        line: lineOf(code, "e.wait()"),
      },
    ]);
  }, 60_000);
});
