/**
 * TypeScript snippet -> the JavaScript every process of the run evaluates.
 *
 * sucrase strips types and turns imports into `require` calls while keeping every
 * line where it was (so stack traces point at the user's own lines); acorn then
 * parses the result, which catches what sucrase lets through and yields the
 * module's top-level names: the table a child uses to find its target by name, as
 * CPython's spawn finds `__main__.f`. Last, the code is instrumented so that every
 * operation knows its source line (instrument.ts).
 */
import { transform } from "sucrase";
import { parse, type Program } from "acorn";
import type { CompiledModule, SyntaxErrorInfo } from "../protocol";
import { instrument } from "./instrument";

export const FILENAME = "main.ts";

export type CompileResult = { ok: true; module: CompiledModule } | { ok: false; error: SyntaxErrorInfo };

export function compile(source: string, filename = FILENAME): CompileResult {
  let js: string;
  try {
    js = transform(source, {
      transforms: ["typescript", "imports"],
      filePath: filename,
      production: true,
      disableESTransforms: true,
      // Left as written, for the check below (else it becomes a require() that fails out of sight).
      preserveDynamicImport: true,
    }).code;
  } catch (e) {
    return { ok: false, error: syntaxError(source, filename, e) };
  }
  let program: Program;
  try {
    program = parse(js, {
      ecmaVersion: "latest",
      sourceType: "script",
      allowReturnOutsideFunction: false,
      locations: true,
    });
  } catch (e) {
    return { ok: false, error: syntaxError(source, filename, e) };
  }
  const dynamicImport = findDynamicImport(program);
  if (dynamicImport) return { ok: false, error: syntaxError(source, filename, dynamicImport) };
  return { ok: true, module: { filename, source, js: instrument(js, program), topLevel: topLevelNames(program) } };
}

function topLevelNames(program: Program): string[] {
  const names: string[] = [];
  for (const node of program.body) {
    if ((node.type === "FunctionDeclaration" || node.type === "ClassDeclaration") && node.id) names.push(node.id.name);
    if (node.type === "VariableDeclaration") {
      for (const d of node.declarations) if (d.id.type === "Identifier") names.push(d.id.name);
    }
  }
  return names.filter((n) => !n.startsWith("_interop"));
}

/**
 * `import(url)` would load code from anywhere (the Content-Security-Policy refuses
 * other origins, but only once the run has begun, and silently): refused here, where
 * the learner sees the line. A snippet imports the playground's modules by name.
 */
function findDynamicImport(node: unknown): ParserError | null {
  if (node === null || typeof node !== "object") return null;
  const n = node as { type?: unknown; loc?: { start: { line: number; column: number } } };
  if (n.type === "ImportExpression" && n.loc) {
    const message =
      'dynamic import() is not available: snippets cannot load code (import modules with import ... from "name")';
    return { message, loc: n.loc.start };
  }
  for (const [key, value] of Object.entries(node)) {
    const found = key === "loc" ? null : findDynamicImport(value);
    if (found) return found;
  }
  return null;
}

interface ParserError {
  message?: unknown;
  loc?: { line?: number; column?: number };
}

function syntaxError(source: string, filename: string, e: unknown): SyntaxErrorInfo {
  const err = (e ?? {}) as ParserError;
  const line = err.loc?.line ?? 1;
  const column = (err.loc?.column ?? 0) + 1;
  const message = String(err.message ?? e).replace(/\s*\(\d+:\d+\)\s*$/, "");
  const text = source.split("\n")[line - 1] ?? "";
  const indent = text.length - text.trimStart().length;
  const caret = " ".repeat(Math.max(0, column - 1 - indent));
  const report = `  File "${filename}", line ${line}\n    ${text.trim()}\n    ${caret}^\nSyntaxError: ${message.charAt(0).toLowerCase()}${message.slice(1)}\n`;
  return { message, line, column, report };
}
