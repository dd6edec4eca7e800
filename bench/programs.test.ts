import { afterAll, describe, expect, it } from "vitest";
import { disposeSharedKernel, runSnippet } from "../src/runtime/node/runSnippet";
import { lastBench } from "./benchLine";
import { queueProgram, SPAWN_JOIN, SPAWN_JOIN_N, withConst } from "./programs";

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
});
