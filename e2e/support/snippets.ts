/**
 * Snippets the specs run. The ones that are valid programs live as real .ts files in
 * e2e/snippets/, type-checked against the playground's API (tsconfig.examples.json),
 * and are sent to the app exactly as they are on disk.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../../", import.meta.url);

/** The text of e2e/snippets/<name>.ts. */
export function snippet(name: string): string {
  return readFileSync(fileURLToPath(new URL(`e2e/snippets/${name}.ts`, root)), "utf8");
}

/** The text of an example's source file, src/examples/<id>.ts (the Examples menu's option value). */
export function exampleSource(id: string): string {
  return readFileSync(fileURLToPath(new URL(`src/examples/${id}.ts`, root)), "utf8");
}

/** 1-based number of the first line of `code` that contains `needle` (throws if none does). */
export function lineOf(code: string, needle: string): number {
  const index = code.split("\n").findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`No line contains ${JSON.stringify(needle)}`);
  return index + 1;
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
