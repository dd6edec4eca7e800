import { afterAll, describe, expect, it } from "vitest";
import { disposeSharedKernel, runSnippet } from "../src/runtime/node/runSnippet";
import { lastBench, saysNotAvailable } from "./benchLine";
import { queueProgram, SPAWN_JOIN, SPAWN_JOIN_N, SYNC_PROGRAMS, withConst } from "./programs";

afterAll(() => disposeSharedKernel());

/** Runs a bench program on Node with one of its counts made small; returns its BENCH line and output. */
async function runSmall(code: string, countConst: string, count: number) {
  const r = await runSnippet(withConst(code, countConst, String(count)));
  return { r, bench: lastBench(r.stdout.trim().split("\n")) };
}

describe("bench programs", () => {
  it("the queue variants differ only in their PAYLOAD line", () => {
    const ints = queueProgram("ints").split("\n");
    const bytes = queueProgram("bytes").split("\n");
    expect(bytes).toHaveLength(ints.length);
    const differ = ints.flatMap((line, i) => (line !== bytes[i] ? [[line, bytes[i]]] : []));
    expect(differ).toEqual([['const PAYLOAD: string = "ints";', 'const PAYLOAD: string = "bytes";']]);
  });

  it("A1 times N_SPAWN start+joins and prints their p50 ≤ p95 ≤ max", async () => {
    expect(SPAWN_JOIN_N).toBe(40);
    const { r, bench } = await runSmall(SPAWN_JOIN, "N_SPAWN", 5);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(bench?.name).toBe("spawn_join_ms");
    const f = bench?.fields ?? {};
    expect(f.p50_ms).toBeGreaterThan(0);
    expect(f.p50_ms).toBeLessThanOrEqual(f.p95_ms ?? NaN);
    expect(f.p95_ms).toBeLessThanOrEqual(f.max_ms ?? NaN);
  });

  it.each([
    ["lock_contended", "N_LOCK", "lock_contended_ops_s"],
    ["lock_uncontended", "N_PAIRS", "lock_uncontended_ns"],
  ] as const)("%s finishes and prints a positive figure", async (which, countConst, name) => {
    const { r, bench } = await runSmall(SYNC_PROGRAMS[which].code, countConst, 2000);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(bench?.name).toBe(name);
    expect(bench?.value).toBeGreaterThan(0);
  });

  it("V1 prints its figure, or dies of NotImplementedError, which the bench shows as n/a", async () => {
    const { r, bench } = await runSmall(SYNC_PROGRAMS.value_incr.code, "N_INCR", 2000);
    if (r.exitCode === 0) {
      expect(bench?.name).toBe("value_incr_ns");
      expect(bench?.value).toBeGreaterThan(0);
    } else {
      expect(saysNotAvailable(r.stderr), r.stderr).toBe(true);
      expect(bench).toBeNull();
    }
  });

  it("tells a missing name of multiprocessing from other failures", () => {
    expect(
      saysNotAvailable(
        "NotImplementedError: multiprocessing.Value is not available in this version of the playground yet",
      ),
    ).toBe(true);
    expect(saysNotAvailable("NotImplementedError: something else")).toBe(false);
    expect(saysNotAvailable("RuntimeError: value is 3, expected 1001000")).toBe(false);
  });
});
