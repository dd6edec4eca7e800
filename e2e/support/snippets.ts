/**
 * Snippets the specs run. The ones that are valid programs live as real .ts files in
 * e2e/snippets/, type-checked against the playground's API (tsconfig.examples.json),
 * and are sent to the app exactly as they are on disk. Reading them and finding their
 * lines is shared with the Node tests' programs (src/runtime/programs).
 */
import { readRepoFile } from "../../src/runtime/programs";

export { lineOf } from "../../src/runtime/programs";

/** The text of e2e/snippets/<name>.ts. */
export function snippet(name: string): string {
  return readRepoFile(`e2e/snippets/${name}.ts`);
}

/** The text of an example's source file, src/examples/<id>.ts (the Examples menu's option value). */
export function exampleSource(id: string): string {
  return readRepoFile(`src/examples/${id}.ts`);
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
