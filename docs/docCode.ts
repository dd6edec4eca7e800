/**
 * What docs/api.test.ts reads in the API docs: their TypeScript blocks with the output
 * each promises, their code text, and the names the snippet API declares.
 *
 * A block is written as
 *
 *     ```ts                      a whole snippet: type-checked, run, and compared with
 *     ...                        the Output block that must follow it
 *     ```
 *     Output:                    or "Output (exit code 1):" when the run fails on purpose;
 *     ```text                    stdout and stderr as one stream, in the order written
 *     ...                        (spaces at the ends of lines are not compared: Markdown
 *     ```                        tools strip them)
 *
 * A "```ts browser-only" block is the same, for a snippet Node 20 cannot run (one that
 * uses `using`): it is type-checked here and run in Chromium by e2e/docs.spec.ts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

export const ROOT = join(import.meta.dirname, "..");
export const SHIM = join(ROOT, "src/shim/playground.d.ts");

export interface DocFile {
  /** Relative to the repository, e.g. "docs/api/processes.md". */
  path: string;
  text: string;
}

export interface CodeBlock {
  /** "docs/api/processes.md:42", the line of the opening fence. */
  where: string;
  code: string;
  /** Where its output is compared: by docs/api.test.ts, or by e2e/docs.spec.ts. */
  runsIn: "node" | "browser";
  expected: { output: string; exitCode: number };
}

export function readDocs(): DocFile[] {
  const apiDir = join(ROOT, "docs/api");
  const files = [join(ROOT, "docs/api.md"), ...readdirSync(apiDir).map((f) => join(apiDir, f))];
  return files
    .filter((f) => f.endsWith(".md"))
    .map((f) => ({ path: relative(ROOT, f), text: readFileSync(f, "utf8") }));
}

interface Fence {
  info: string;
  body: string;
  /** 0-based lines of the opening and the closing fence. */
  start: number;
  end: number;
}

function fences(text: string): Fence[] {
  const lines = text.split("\n");
  const out: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(.*)$/.exec(lines[i] ?? "");
    if (!open) continue;
    const start = i;
    while (++i < lines.length && lines[i] !== "```");
    if (i === lines.length) throw new Error(`unclosed code block at line ${start + 1}`);
    out.push({ info: (open[1] ?? "").trim(), body: lines.slice(start + 1, i).join("\n") + "\n", start, end: i });
  }
  return out;
}

const OUTPUT_LABEL = /^Output(?: \(exit code (-?\d+)\))?:$/;

/** Every ```ts block of a doc; throws if a runnable block is not followed by its output. */
export function codeBlocks(doc: DocFile): CodeBlock[] {
  const lines = doc.text.split("\n");
  const all = fences(doc.text);
  const blocks: CodeBlock[] = [];
  all.forEach((f, k) => {
    const [lang, ...flags] = f.info.split(/\s+/);
    if (lang !== "ts") return;
    const where = `${doc.path}:${f.start + 1}`;
    const flag = flags.join(" ");
    if (flag !== "" && flag !== "browser-only") throw new Error(`${where}: unknown flags "${flag}"`);
    const between = lines.slice(f.end + 1, all[k + 1]?.start ?? lines.length).filter((l) => l.trim() !== "");
    const label = OUTPUT_LABEL.exec(between[0] ?? "");
    const next = all[k + 1];
    if (!label || between.length !== 1 || next?.info !== "text") {
      throw new Error(`${where}: a ts block is followed by "Output:" and a text block`);
    }
    const runsIn = flag === "browser-only" ? "browser" : "node";
    blocks.push({ where, code: f.body, runsIn, expected: { output: next.body, exitCode: Number(label[1] ?? 0) } });
  });
  return blocks;
}

/** The code a reader sees: fenced blocks and `inline code`, the rest of the prose left out. */
export function codeText(doc: DocFile): string {
  const lines = doc.text.split("\n");
  const parts: string[] = [];
  let from = 0;
  for (const f of fences(doc.text)) {
    parts.push(...inlineCode(lines.slice(from, f.start).join("\n")), f.body);
    from = f.end + 1;
  }
  parts.push(...inlineCode(lines.slice(from).join("\n")));
  return parts.join("\n");
}

function inlineCode(prose: string): string[] {
  return [...prose.matchAll(/(`+)([^`][\s\S]*?)\1/g)].map((m) => m[2] ?? "");
}

/** GitHub's anchor of a heading: lower case, punctuation other than `-` and `_` dropped, spaces as `-`. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\w\- ]/g, "")
    .replace(/ /g, "-");
}

/** The doc's relative links (`[text](path#anchor)`) that lead to no file, or to no heading there. */
export function brokenLinks(doc: DocFile): string[] {
  const prose = doc.text.replace(/^```[\s\S]*?^```$/gm, "");
  const broken: string[] = [];
  for (const [, target = ""] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/.test(target)) continue;
    const [path = "", anchor] = target.split("#");
    const file = path === "" ? join(ROOT, doc.path) : join(ROOT, dirname(doc.path), path);
    if (!existsSync(file)) broken.push(`${target}: no such file`);
    else if (anchor !== undefined) {
      const headings = readFileSync(file, "utf8").match(/^#+ .*$/gm) ?? [];
      if (!headings.some((h) => anchorOf(h.replace(/^#+ /, "")) === anchor)) broken.push(`${target}: no such heading`);
    }
  }
  return broken;
}

/** Compiler options of the examples (tsconfig.examples.json); every block is a module of its own. */
function blockOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, "tsconfig.examples.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error("cannot read tsconfig.examples.json");
  return { ...parsed.options, moduleDetection: ts.ModuleDetectionKind.Force, noEmit: true };
}

/** Type-checks every block against the shim in one program; returns each block's errors. */
export function typeCheck(blocks: readonly CodeBlock[]): Map<CodeBlock, string[]> {
  const options = blockOptions();
  const host = ts.createCompilerHost(options);
  const virtual = new Map(blocks.map((b, i) => [join(ROOT, `docs/.block-${i}.ts`), b]));
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(f)?.code ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, ...rest) => {
    const block = virtual.get(f);
    return block ? ts.createSourceFile(f, block.code, lang) : getSourceFile.call(host, f, lang, ...rest);
  };
  const program = ts.createProgram([SHIM, ...virtual.keys()], options, host);
  const errors = new Map<CodeBlock, string[]>(blocks.map((b) => [b, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    const block = d.file ? virtual.get(d.file.fileName) : undefined;
    if (!block || !d.file || d.start === undefined) throw new Error(`outside any doc block: ${message}`);
    const line = d.file.getLineAndCharacterOfPosition(d.start).line + 1;
    errors.get(block)?.push(`block line ${line}: ${message}`);
  }
  return errors;
}

/**
 * Every name the shim declares for a snippet: its modules, their exports, the
 * globals, and the members of each class and interface, as "name (where)".
 */
export function declaredNames(): { name: string; where: string }[] {
  const source = ts.createSourceFile(SHIM, readFileSync(SHIM, "utf8"), ts.ScriptTarget.Latest, true);
  const out: { name: string; where: string }[] = [];
  const visit = (statements: readonly ts.Statement[], scope: string) => {
    for (const s of statements) {
      if (ts.isModuleDeclaration(s) && ts.isStringLiteral(s.name) && s.body && ts.isModuleBlock(s.body)) {
        out.push({ name: s.name.text, where: "module" });
        visit(s.body.statements, `"${s.name.text}"`);
        continue;
      }
      const names = ts.isVariableStatement(s)
        ? s.declarationList.declarations.map((d) => d.name)
        : "name" in s && s.name
          ? [s.name as ts.Node]
          : [];
      for (const n of names) if (ts.isIdentifier(n)) out.push({ name: n.text, where: scope });
      if (ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s)) {
        for (const m of s.members) {
          if (m.name && ts.isIdentifier(m.name)) out.push({ name: m.name.text, where: `${scope} ${s.name?.text}` });
        }
      }
    }
  };
  visit(source.statements, "global");
  return out;
}
