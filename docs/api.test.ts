/**
 * The API docs stay true: every TypeScript block in docs/api.md and docs/api/*.md
 * type-checks against the snippet API's declarations, every runnable one prints
 * what its Output block says when the runtime runs it, and every name the
 * declarations give a snippet appears in the docs' code.
 */
import { afterAll, describe, expect, it } from "vitest";
import { disposeSharedKernel, runSnippet } from "../src/runtime/node/runSnippet";
import { brokenLinks, codeBlocks, codeText, declaredNames, readDocs, typeCheck } from "./docCode";

afterAll(() => disposeSharedKernel());

const docs = readDocs();
const trimLineEnds = (text: string) => text.replace(/[ \t]+$/gm, "");
const blocks = docs.flatMap(codeBlocks);
const typeErrors = typeCheck(blocks);

describe("the docs' TypeScript blocks", () => {
  it("are there, and Node runs most of them", () => {
    expect(docs.length).toBeGreaterThan(3);
    expect(blocks.filter((b) => b.runsIn === "node").length).toBeGreaterThan(blocks.length / 2);
  });

  for (const block of blocks) {
    it(`${block.where} type-checks against src/shim/playground.d.ts`, () => {
      expect(typeErrors.get(block)).toEqual([]);
    });
    const expected = block.expected;
    if (block.runsIn !== "node") continue;
    it(`${block.where} prints its Output block`, { timeout: 120_000 }, async () => {
      const r = await runSnippet(block.code);
      expect(r.syntaxError?.report ?? null).toBeNull();
      expect(trimLineEnds(r.combined)).toBe(trimLineEnds(expected.output));
      expect(r.exitCode).toBe(expected.exitCode);
    });
  }
});

describe("the docs' links", () => {
  it("lead to files and headings that exist", () => {
    expect(docs.flatMap((d) => brokenLinks(d).map((b) => `${d.path}: ${b}`))).toEqual([]);
    expect(
      brokenLinks({
        path: "docs/api.md",
        text: "[a](api/processes.md#no-such) [b](nowhere.md) [c](api/processes.md#the-__main__-guard)",
      }),
    ).toHaveLength(2);
  });
});

describe("the docs cover the declarations", () => {
  const code = docs.map(codeText).join("\n");
  const mentioned = (name: string) => new RegExp(`(^|[^\\w$])${name.replace(/\$/g, "\\$")}($|[^\\w$])`).test(code);
  const unique = [...new Map(declaredNames().map((d) => [`${d.where} ${d.name}`, d])).values()];

  it("finds names to look for, and does not find any name in any text", () => {
    expect(unique.length).toBeGreaterThan(150);
    expect(mentioned("Process")).toBe(true);
    expect(mentioned("not_a_declared_name")).toBe(false);
  });

  it("mentions, in code, every module, export, global and member the shim declares", () => {
    const missing = unique.filter((d) => !mentioned(d.name)).map((d) => `${d.name} (${d.where})`);
    expect(missing).toEqual([]);
  });
});
