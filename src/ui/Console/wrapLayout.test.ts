import { describe, expect, it } from "vitest";
import { LineCells } from "./lineCells";
import { MAX_LINE_CHARS } from "./lineFormat";
import { estimateLines, WrapLayout } from "./wrapLayout";

/** The obvious layout: every row's lines, summed. */
function brute(lines: number[]) {
  const starts: number[] = [];
  let at = 0;
  for (const n of lines) {
    starts.push(at);
    at += n;
  }
  return { starts, total: at };
}

function check(layout: WrapLayout, lines: number[]) {
  const { starts, total } = brute(lines);
  expect(layout.lineCount).toBe(total);
  for (let row = 0; row < lines.length; row++) {
    expect(layout.lineOf(row)).toBe(starts[row]);
    expect(layout.linesOf(row)).toBe(lines[row]);
    for (let l = 0; l < lines[row]!; l++) expect(layout.rowAtLine(starts[row]! + l)).toBe(row);
  }
}

describe("estimateLines", () => {
  it("wraps at the console's width in cells", () => {
    expect(estimateLines(0, 40)).toBe(1);
    expect(estimateLines(40, 40)).toBe(1);
    expect(estimateLines(41, 40)).toBe(2);
    expect(estimateLines(120, 40)).toBe(3);
    expect(estimateLines(5, 0)).toBe(5);
  });
});

describe("WrapLayout", () => {
  it("places rows by their estimated lines and finds the row at any line", () => {
    const cells = [3, 95, 10, 0, 250, 40, 41];
    const layout = new WrapLayout();
    layout.sync("a", cells.length, cells.length, 40, (r) => cells[r]!);
    check(
      layout,
      cells.map((c) => estimateLines(c, 40)),
    );
    expect(layout.rowAtLine(1e9)).toBe(cells.length - 1);
    expect(layout.rowAtLine(-5)).toBe(0);
  });

  it("agrees with the obvious layout on random rows, measured or not", () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const cells = Array.from({ length: 400 }, () => (rand(5) === 0 ? rand(300) : rand(30)));
    const layout = new WrapLayout();
    layout.sync("a", cells.length, cells.length, 30, (r) => cells[r]!);
    const lines = cells.map((c) => estimateLines(c, 30));
    check(layout, lines);
    for (let i = 0; i < 60; i++) {
      const row = rand(cells.length);
      const measured = 1 + rand(4);
      expect(layout.measure(row, cells[row]!, measured)).toBe(measured !== lines[row]);
      lines[row] = measured;
    }
    check(layout, lines);
  });

  it("adds rows at the end without looking at the stable ones again, and keeps measurements", () => {
    const cells = [100, 5, 5];
    const looked: number[] = [];
    const layout = new WrapLayout();
    const cellsOf = (r: number) => (looked.push(r), cells[r]!);
    layout.sync("a", 3, 2, 40, cellsOf);
    // The browser broke row 0 at spaces into 4 lines, not 3.
    expect(layout.measure(0, 100, 4)).toBe(true);
    looked.length = 0;
    cells.push(90, 1);
    cells[2] = 45; // the open last line grew
    layout.sync("a", 5, 4, 40, cellsOf);
    expect(looked).toEqual([2, 3, 4]);
    check(layout, [4, 1, 2, 3, 1]);
  });

  it("starts over for a new key or width, dropping measurements", () => {
    const cells = [100, 5];
    const layout = new WrapLayout();
    layout.sync("a", 2, 2, 40, (r) => cells[r]!);
    layout.measure(0, 100, 4);
    const gen = layout.generation;
    layout.sync("a", 2, 2, 20, (r) => cells[r]!);
    check(layout, [5, 1]);
    layout.sync("b", 2, 2, 20, (r) => cells[r]!);
    check(layout, [5, 1]);
    expect(layout.generation).toBe(gen + 2);
    layout.sync("b", 2, 2, 20, (r) => cells[r]!);
    expect(layout.generation).toBe(gen + 2);
  });

  it("ignores a measurement made at other cells (the row changed since it was drawn)", () => {
    const cells = [10, 100];
    const layout = new WrapLayout();
    layout.sync("a", 2, 1, 40, (r) => cells[r]!);
    layout.measure(1, 100, 4);
    cells[1] = 130;
    layout.sync("a", 2, 1, 40, (r) => cells[r]!);
    check(layout, [1, 4]);
  });

  it("lays out a million one-line rows with a few long ones quickly", () => {
    const n = 1_000_000;
    const layout = new WrapLayout();
    const t0 = performance.now();
    layout.sync("a", n, n, 80, (r) => (r % 100_000 === 0 ? 400 : 6));
    const ms = performance.now() - t0;
    expect(layout.lineCount).toBe(n + 10 * 4);
    expect(layout.rowAtLine(layout.lineOf(999_999))).toBe(999_999);
    // ~10 ms here; a budget that catches an accidental quadratic step.
    expect(ms).toBeLessThan(500);
  });
});

describe("LineCells", () => {
  const source = (lines: string[][]) => {
    const segText = lines.flat();
    const lineStart: number[] = [];
    let at = 0;
    for (const l of lines) {
      lineStart.push(at);
      at += l.length;
    }
    return { segText, lineStart, lineCount: lines.length };
  };

  it("counts a line's segments, a tab as four cells, and caps a huge line", () => {
    const cells = new LineCells();
    const src = source([["ab", "cd"], ["\tx"], ["y".repeat(MAX_LINE_CHARS * 2)], ["open"]]);
    expect(cells.of(src, 0)).toBe(4);
    expect(cells.of(src, 1)).toBe(5);
    expect(cells.of(src, 2)).toBeGreaterThan(MAX_LINE_CHARS);
    expect(cells.of(src, 2)).toBeLessThan(MAX_LINE_CHARS + 40);
    expect(cells.of(src, 3)).toBe(4);
  });

  it("never keeps the last line, which may still grow", () => {
    const cells = new LineCells();
    const lines = [["a"], ["b"]];
    expect(cells.of(source(lines), 1)).toBe(1);
    const grown = source([["a"], ["b", "cde"], ["f"]]);
    expect(cells.of(grown, 1)).toBe(4);
  });
});
