import { describe, expect, it } from "vitest";
import { ConsoleBuffer } from "../../state/consoleBuffer";
import { LineFilter, type LineView } from "./lineFilter";

const rows = (v: LineView) => Array.from({ length: v.count }, (_, i) => v.at(i));

/** The obvious, slow answer: every line with a segment from a process not hidden. */
function bruteForce(b: ConsoleBuffer, hidden: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.lineCount; i++) {
    const [s, e] = b.lineRange(i);
    if (b.segPid.slice(s, e).some((pid) => !hidden.has(pid))) out.push(i);
  }
  return out;
}

describe("LineFilter", () => {
  it("shows every line when nothing is hidden", () => {
    const b = new ConsoleBuffer();
    b.append(1, 1, 1, "a\nb\n");
    const v = new LineFilter().view(b, new Set());
    expect(rows(v)).toEqual([0, 1]);
  });

  it("matches a full rescan, incrementally", () => {
    const b = new ConsoleBuffer();
    const f = new LineFilter();
    const hidden = new Set([2]);
    let seq = 0;
    for (let i = 0; i < 50; i++) {
      b.append(1 + (i % 3), i % 5 === 0 ? 2 : 1, seq++, i % 4 === 0 ? `part ${i} ` : `line ${i}\n`);
      expect(rows(f.view(b, hidden))).toEqual(bruteForce(b, hidden));
    }
  });

  it("re-examines the open last line when another process continues it", () => {
    const b = new ConsoleBuffer();
    const f = new LineFilter();
    const hidden = new Set([2]);
    b.append(2, 1, 1, "hidden start ");
    expect(f.view(b, hidden).count).toBe(0);
    b.append(1, 1, 2, "shown end\n");
    expect(rows(f.view(b, hidden))).toEqual([0]);
  });

  it("starts over for a new buffer or a new filter", () => {
    const f = new LineFilter();
    const a = new ConsoleBuffer();
    a.append(1, 1, 1, "x\ny\n");
    expect(f.view(a, new Set([1])).count).toBe(0);
    expect(f.view(a, new Set([2])).count).toBe(2);
    const b = new ConsoleBuffer();
    b.append(2, 1, 1, "z\n");
    expect(rows(f.view(b, new Set([1])))).toEqual([0]);
  });
});
