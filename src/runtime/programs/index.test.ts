import { describe, expect, it } from "vitest";
import { lineOf, readProgram } from ".";

describe("lineOf", () => {
  const source = 'print("a");\nq.get(); // @line:first\nq.get();\n';

  it("numbers lines from 1 and finds a marker comment", () => {
    expect(lineOf(source, 'print("a")')).toBe(1);
    expect(lineOf(source, "// @line:first")).toBe(2);
  });

  it("refuses a needle that no line or several lines contain", () => {
    expect(() => lineOf(source, "q.put(")).toThrow(/none does/);
    expect(() => lineOf(source, "q.get();")).toThrow(/lines 2, 3 do/);
  });
});

describe("readProgram", () => {
  it("reads a program as it is on disk", () => {
    expect(readProgram("main-loops")).toMatch(/^\/\/ .*\nprint\("looping"\);\n/);
  });
});
