/**
 * The browser workloads as playground programs, bench/programs/*.ts: type-checked
 * against the snippet API (tsconfig.examples.json) and typed into the editor as they
 * are on disk. Each measures itself with time.perf_counter() and prints one
 * `BENCH <name> <value> [key=value ...]` line last.
 */
import { fileURLToPath } from "node:url";
import { readRepoFile } from "../src/runtime/programs";

const program = (name: string) => readRepoFile(`bench/programs/${name}.ts`);

export const SPAWN_JOIN = program("spawn-join");
/** A1's start+joins, read from the program, so CPython's twin is given the same number. */
export const SPAWN_JOIN_N = numberConst(SPAWN_JOIN, "N_SPAWN");
/** The A1 program's path, for the CLI (`mp-playground run FILE.ts`). */
export const SPAWN_JOIN_PATH = fileURLToPath(new URL("programs/spawn-join.ts", import.meta.url));
export const PRINT_LINES = program("print-lines");
/** P1's lines per child, read from the program, so CPython's twin is given the same number. */
export const PRINT_LINES_PER_PROC = numberConst(PRINT_LINES, "LINES_PER_PROC");
export const PIPE_ONE_WAY = program("pipe-one-way");
export const PIPE_PING_PONG = program("pipe-ping-pong");

/**
 * L1, L2 and V1: a Lock contended by two processes, an uncontended Lock, a locked Value
 * increment; each program with the count its CPython twin (bench/python/locks.py) is given.
 */
export type SyncBench = "lock_contended" | "lock_uncontended" | "value_incr";
export const SYNC_BENCHES: readonly SyncBench[] = ["lock_contended", "lock_uncontended", "value_incr"];
export const SYNC_PROGRAMS: Record<SyncBench, { code: string; n: number }> = {
  lock_contended: countedProgram("lock-contended", "N_LOCK"),
  lock_uncontended: countedProgram("lock-uncontended", "N_PAIRS"),
  value_incr: countedProgram("value-increment", "N_INCR"),
};

function countedProgram(name: string, countConst: string): { code: string; n: number } {
  const code = program(name);
  return { code, n: numberConst(code, countConst) };
}

export type QueuePayload = "ints" | "bytes";

/** A2 with small ints or 1 KB byte strings: the program with its PAYLOAD set. */
export function queueProgram(payload: QueuePayload): string {
  return withConst(program("queue-throughput"), "PAYLOAD", JSON.stringify(payload));
}

/** The one top-level `const NAME = value;` (or `const NAME: type = value;`) of a program, or throws. */
function findConst(source: string, name: string): RegExpExecArray {
  const found = [...source.matchAll(new RegExp(`^const ${name}(: \\w+)? = ([^;]+);`, "gm"))];
  if (found.length !== 1) throw new Error(`expected one top-level const ${name} in the program, found ${found.length}`);
  return found[0]!;
}

function numberConst(source: string, name: string): number {
  const value = Number(findConst(source, name)[2]!.replaceAll("_", ""));
  if (!Number.isFinite(value)) throw new Error(`const ${name} of the program is not a number`);
  return value;
}

/** The program with the value of one const replaced, on the same line (line numbers stay). */
export function withConst(source: string, name: string, value: string): string {
  const m = findConst(source, name);
  const line = `const ${name}${m[1] ?? ""} = ${value};`;
  return source.slice(0, m.index) + line + source.slice(m.index + m[0].length);
}
