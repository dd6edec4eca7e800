import { describe, expect, it } from "vitest";
import { clipSegments, displayText, shortName } from "./lineFormat";
import { statusRows } from "./statusLine";

describe("clipSegments", () => {
  it("keeps short lines whole", () => {
    expect(clipSegments(["ab", "cd"], 10)).toEqual({
      pieces: [
        { text: "ab", index: 0 },
        { text: "cd", index: 1 },
      ],
      omitted: 0,
    });
  });
  it("cuts across segments and counts what was left out", () => {
    expect(clipSegments(["abcd", "efgh", "ij"], 6)).toEqual({
      pieces: [
        { text: "abcd", index: 0 },
        { text: "ef", index: 1 },
      ],
      omitted: 4,
    });
  });
  it("handles a very long single segment", () => {
    const r = clipSegments(["x".repeat(1_000_000)]);
    expect(r.pieces[0]?.text.length).toBe(2000);
    expect(r.omitted).toBe(998_000);
  });
});

describe("names and text", () => {
  it("shortens process names", () => {
    expect(shortName("MainProcess")).toBe("main");
    expect(shortName("Process-3")).toBe("P-3");
    expect(shortName("Process-1:2")).toBe("P-1:2");
    expect(shortName("worker")).toBe("worker");
    expect(shortName("a-very-long-name")).toBe("a-very-…");
  });
  it("makes control characters visible and expands tabs", () => {
    expect(displayText("a\tb\r")).toBe("a    b");
    expect(displayText("x\u0007y")).toBe("x\ufffdy");
  });
});

describe("statusRows", () => {
  it("says how the run ended", () => {
    expect(statusRows("running", null, null)).toEqual([]);
    expect(statusRows("finished", 0, null)).toEqual([{ text: "Process finished with exit code 0", tone: "quiet" }]);
    expect(statusRows("finished", 1, null)[0]?.tone).toBe("error");
    expect(statusRows("stopped", -15, null)[0]?.text).toBe("Process stopped with exit code -15");
    expect(
      statusRows("syntax-error", null, '  File "main.ts", line 3\n    x = \n      ^\nSyntaxError: oops\n').map(
        (r) => r.text,
      ),
    ).toEqual(['  File "main.ts", line 3', "    x = ", "      ^", "SyntaxError: oops"]);
  });
});
