/**
 * Value, Array, RawValue and RawArray on Node worker_threads: what the programs in
 * src/runtime/programs/ctypes-*.ts print, and what the event log says they did (the lost update of an
 * unlocked `+=` included).
 */
import { afterAll, describe, expect, it } from "vitest";
import type { RunEvent } from "../events/types";
import { disposeSharedKernel, runSnippet, type SnippetResult } from "../node/runSnippet";
import { lineOf, readProgram } from "../programs";

afterAll(() => disposeSharedKernel());

type Op = Extract<RunEvent, { kind: "obj.op" }>;
type Create = Extract<RunEvent, { kind: "obj.create" }>;

const results: SnippetResult[] = [];

async function run(code: string): Promise<SnippetResult> {
  const r = await runSnippet(code);
  results.push(r);
  expect(r.stderr).toBe("");
  return r;
}

const opsOf = (r: SnippetResult, objId?: number): Op[] =>
  r.events
    .filter((e): e is Op => e.kind === "obj.op" && (objId === undefined || e.objId === objId))
    .sort((a, b) => a.seq - b.seq);

/** The object created on `line`, of `objKind`. */
function createdOn(r: SnippetResult, line: number, objKind: string): Create {
  const c = r.events.find((e): e is Create => e.kind === "obj.create" && e.line === line && e.objKind === objKind);
  if (!c) throw new Error(`no ${objKind} created on line ${line}`);
  return c;
}

/**
 * An update lost: two processes read the same value, then both write value + 1,
 * both reads coming before both writes in seq order. Each process's `+=` is its read
 * and its next write. Returns the four operations in seq order, or null.
 */
function lostUpdate(ops: readonly Op[]): Op[] | null {
  const lastRead = new Map<number, Op>();
  const byValue = new Map<number, [Op, Op][]>();
  for (const o of ops) {
    if (o.op === "read") lastRead.set(o.pid, o);
    const read = lastRead.get(o.pid);
    if (o.op !== "write" || !read) continue;
    lastRead.delete(o.pid);
    if (o.value !== (read.value ?? NaN) + 1) continue;
    const pairs = byValue.get(o.value - 1) ?? [];
    for (const [r, w] of pairs) {
      if (r.pid !== o.pid && Math.max(r.seq, read.seq) < Math.min(w.seq, o.seq))
        return [r, read, w, o].sort((x, y) => x.seq - y.seq);
    }
    pairs.push([read, o]);
    byValue.set(o.value - 1, pairs);
  }
  return null;
}

describe("shared values and arrays", () => {
  it("wrap as C does, round 'f' to single precision, and refuse unknown typecodes", async () => {
    const code = readProgram("ctypes-values");
    const r = await run(code);
    expect(r.stdout).toBe(
      "b: -128 -32768 -2147483648 0\n" +
        "q: 9007199254740992 -9007199254740992 18446744073709552000\n" +
        "f: 0.10000000149011612 16777216 d: 0.1\n" +
        "c: b'A' <Synchronized wrapper for c_char(b'B')>\n" +
        "TypeError: this type has no size\n" +
        "NotImplementedError: typecode 'u' (c_wchar) is not available in the playground: use 'i' or 'c'\n" +
        "TypeError: this type has no size\n" +
        "<Synchronized wrapper for c_int(5)> c_double(1.5) <RLock(None, 0)>\n",
    );
    const small = createdOn(r, lineOf(code, 'const small = new Value("b", 127)'), "Value");
    const lock = r.events.find((e): e is Create => e.kind === "obj.create" && e.objId === small.lockId);
    expect(small).toMatchObject({ typecode: "b", value: 127, label: `Value-${small.objId}` });
    expect(lock?.objKind).toBe("RLock");
    const line = lineOf(code, "small.value += 1");
    expect(opsOf(r, small.objId).map((o) => [o.op, o.value, o.itemId, o.line])).toEqual([
      ["read", 127, undefined, line],
      ["write", -128, undefined, line],
      ["read", -128, undefined, line + 1],
    ]);
  });

  it("index like Python (negative from the end, IndexError out of range) and keep the global Array's statics", async () => {
    const code = readProgram("ctypes-arrays");
    const r = await run(code);
    expect(r.stdout).toMatch(
      new RegExp(
        "^\\[10, 31, 30\\] 3 \\[127, -128\\]\n" +
          "IndexError: invalid index\nIndexError: invalid index\nTypeError: indices must be integers\n" +
          "IndexError: invalid index\n" +
          "\\['a', 'b'\\] \\[2, 4\\] True False \\[7, 8\\]\n" +
          "<SynchronizedArray wrapper for <multiprocessing\\.sharedctypes\\.c_int_Array_3 object at 0x[0-9a-f]+>>\n$",
      ),
    );
    const a = createdOn(r, lineOf(code, 'const a = new Array("i"'), "Array");
    expect(a).toMatchObject({ typecode: "i", length: 3, value: [10, 20, 30] });
    const ops = opsOf(r, a.objId);
    const assign = lineOf(code, "a[1] = a[-1]! + 1");
    expect(ops.slice(0, 2).map((o) => [o.op, o.itemId, o.value, o.line])).toEqual([
      ["read", 2, 30, assign],
      ["write", 1, 31, assign],
    ]);
    expect(ops.filter((o) => o.outcome === "error").map((o) => o.op)).toEqual(["read", "read", "read", "write"]);
  });

  it("are refused by a queue in CPython's words for each kind", async () => {
    const r = await run(readProgram("ctypes-refusals"));
    const kinds = ["Synchronized", "SynchronizedArray", "SynchronizedString", "c_int", "c_int_Array_2", "c_double"];
    expect(r.stdout).toBe(
      kinds
        .map((k) => `RuntimeError: ${k} objects should only be shared between processes through inheritance\n`)
        .join("") + "queued: 0\n",
    );
  });

  it(
    "lose updates to an unlocked += from two processes, visibly in the events, and none under get_lock()",
    { timeout: 300_000 },
    async () => {
      const code = readProgram("ctypes-race");
      let lost: Op[] | null = null;
      for (let attempt = 0; attempt < 5 && !lost; attempt++) {
        const r = await run(code);
        expect(r.stdout).toMatch(/\nlocked: 10000\n$/);
        const unlocked = createdOn(r, lineOf(code, 'const unlocked = new Value("i", 0)'), "Value");
        lost = lostUpdate(opsOf(r, unlocked.objId));
        // Under the lock, each read is followed by its own write of value + 1: read 0, write 1, read 1, write 2...
        const locked = createdOn(r, lineOf(code, 'const locked = new Value("i", 0)'), "Value");
        const ops = opsOf(r, locked.objId);
        expect(ops).toHaveLength(2 * 10000 + 1);
        const broken = ops.findIndex((o, i) => o.op !== (i % 2 ? "write" : "read") || o.value !== Math.ceil(i / 2));
        expect(broken).toBe(-1);
      }
      expect(lost, "no lost update in 5 runs").not.toBeNull();
      const [r1, r2, w1, w2] = lost as [Op, Op, Op, Op];
      expect([r1.op, r2.op, w1.op, w2.op]).toEqual(["read", "read", "write", "write"]);
      expect(r1.value).toBe(r2.value);
      expect([w1.value, w2.value]).toEqual([r1.value! + 1, r1.value! + 1]);
      expect(new Set([r1.pid, r2.pid]).size).toBe(2);
      expect(lost!.every((o) => o.line === lineOf(code, "counter.value += 1; // a read, then a write"))).toBe(true);
    },
  );

  it("record every operation with the line of the user's code", () => {
    const ops = results.flatMap((r) => opsOf(r));
    expect(ops.length).toBeGreaterThan(1000);
    expect(ops.filter((o) => !(o.line! > 0))).toEqual([]);
  });
});
