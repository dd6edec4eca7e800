import { describe, expect, it } from "vitest";
import { ConsoleBuffer } from "./consoleBuffer";

describe("ConsoleBuffer", () => {
  it("splits writes into lines and keeps an unterminated line open", () => {
    const b = new ConsoleBuffer();
    b.append(1, 1, 0, "one\ntw");
    b.append(1, 1, 1, "o\nthree");
    expect(b.lineCount).toBe(3);
    expect([0, 1, 2].map((i) => b.lineText(i))).toEqual(["one", "two", "three"]);
    expect(b.toText()).toBe("one\ntwo\nthree");
  });

  it("interleaves two processes mid-line as a terminal would, one segment per writer", () => {
    const b = new ConsoleBuffer();
    b.append(1, 1, 0, "a");
    b.append(2, 1, 1, "b");
    b.append(1, 1, 2, "a\n");
    expect(b.lineCount).toBe(1);
    expect(b.lineText(0)).toBe("aba");
    const [s, e] = b.lineRange(0);
    expect(b.segPid.slice(s, e)).toEqual([1, 2, 1]);
  });

  it("keeps stdout and stderr of one process apart", () => {
    const b = new ConsoleBuffer();
    b.append(1, 1, 0, "out ");
    b.append(1, 2, 1, "err\n");
    const [s, e] = b.lineRange(0);
    expect(b.segStream.slice(s, e)).toEqual([1, 2]);
  });

  it("holds empty lines", () => {
    const b = new ConsoleBuffer();
    b.append(1, 1, 0, "\n\nx\n");
    expect(b.lineCount).toBe(3);
    expect(b.toText()).toBe("\n\nx\n");
  });
});
