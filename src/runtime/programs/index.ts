/**
 * The programs the Node tests run (runtime, queues and pipes, the CLI) live beside
 * this file as real .ts files, type-checked against the snippet API like the
 * examples (tsconfig.examples.json), linted, and run exactly as they are on disk.
 * A program that is deliberately ill-typed says so with `// @ts-expect-error` on the
 * offending line; one that is deliberately not even valid syntax stays an inline
 * string in its test, since prettier and eslint must parse every .ts file.
 *
 * Tests find lines with lineOf(), never by number, so a program can be edited
 * freely. The e2e specs and the bench read their own programs with the same helpers.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../../../", import.meta.url);

/** The text of a file of this repository, e.g. "e2e/snippets/hello.ts". */
export function readRepoFile(path: string): string {
  return readFileSync(fileURLToPath(new URL(path, root)), "utf8");
}

/** The absolute path of src/runtime/programs/<name>.ts, for what runs a file (the CLI). */
export function programPath(name: string): string {
  return fileURLToPath(new URL(`src/runtime/programs/${name}.ts`, root));
}

/** The text of src/runtime/programs/<name>.ts. */
export function readProgram(name: string): string {
  return readFileSync(programPath(name), "utf8");
}

/**
 * 1-based number of the one line of `source` that contains `needle`: a piece of the
 * code (`"p.join()"`) or, where no piece is unique, a marker comment on that line
 * (`// @line:second-get`). Throws unless exactly one line matches, so a test cannot
 * silently point at a line that merely looks alike.
 */
export function lineOf(source: string, needle: string): number {
  const matches = source.split("\n").flatMap((line, i) => (line.includes(needle) ? [i + 1] : []));
  if (matches.length !== 1) {
    const found = matches.length === 0 ? "none does" : `lines ${matches.join(", ")} do`;
    throw new Error(`lineOf: exactly one line should contain ${JSON.stringify(needle)}; ${found}`);
  }
  return matches[0]!;
}
