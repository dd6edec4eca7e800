import { describe, expect, it } from "vitest";
import { makeHash, makeLink, parseHash } from "./link";

const SNIPPET = `import { Process, current_process } from "multiprocessing";

function f(val: string) {
  print(\`In child: \${current_process().name} got \${val}\`);
}

if (__name__ === "__main__") {
  const p = new Process({ target: f, args: ["café 😀"] });
  p.start();
  p.join();
}
`;

describe("parseHash", () => {
  it("reads nothing from an empty fragment", () => {
    expect(parseHash("")).toEqual({ kind: "none" });
    expect(parseHash("#")).toEqual({ kind: "none" });
  });

  it("ignores fragments that are not code links", () => {
    expect(parseHash("#section-2")).toEqual({ kind: "none" });
    expect(parseHash("#codex=abc")).toEqual({ kind: "none" });
  });

  it("round-trips source through makeHash, with or without the leading #", () => {
    const hash = makeHash(SNIPPET);
    expect(hash.startsWith("#code=")).toBe(true);
    expect(parseHash(hash)).toEqual({ kind: "code", code: SNIPPET });
    expect(parseHash(hash.slice(1))).toEqual({ kind: "code", code: SNIPPET });
  });

  it("keeps non-ASCII text and whitespace exactly", () => {
    const code = "print('naïve — 日本語 😀')\n\t\r\n  x\n";
    expect(parseHash(makeHash(code))).toEqual({ kind: "code", code });
  });

  it("finds code= among other fragment parameters", () => {
    const hash = makeHash("print(1)\n");
    expect(parseHash(`#theme=dark&${hash.slice(1)}&x=1`)).toEqual({ kind: "code", code: "print(1)\n" });
  });

  it("survives percent-encoding and '+' turned into a space", () => {
    const hash = makeHash(SNIPPET).slice("#code=".length);
    const encoded = encodeURIComponent(hash);
    expect(parseHash(`#code=${encoded}`)).toEqual({ kind: "code", code: SNIPPET });
    expect(parseHash(`#code=${hash.replace(/\+/g, " ")}`)).toEqual({ kind: "code", code: SNIPPET });
  });

  it("reports a link cut short as malformed", () => {
    // lz-string cannot notice every cut in its last few characters (they may be
    // padding); anything cut earlier decompresses to nothing, which is detected.
    const hash = makeHash(SNIPPET);
    for (const cut of [8, 10, 40, 100, 200, hash.length - 20]) {
      const parsed = parseHash(hash.slice(0, cut));
      expect(parsed.kind, `cut at ${cut}`).toBe("malformed");
    }
  });

  it("reports garbage as malformed", () => {
    for (const bad of [
      "#code=",
      "#code",
      "#code=garbage",
      "#code=hello%20world",
      "#code=!!!!",
      "#code=%E0%A4%A",
      "#code=😀😀",
      "#code=AAAA",
    ]) {
      const parsed = parseHash(bad);
      expect(parsed.kind, bad).toBe("malformed");
      if (parsed.kind === "malformed") expect(parsed.reason.length).toBeGreaterThan(0);
    }
  });
});

describe("makeLink", () => {
  it("appends the code fragment to the page address", () => {
    const link = makeLink(SNIPPET, "https://example.test/playground/");
    expect(link.startsWith("https://example.test/playground/#code=")).toBe(true);
    expect(parseHash(new URL(link).hash)).toEqual({ kind: "code", code: SNIPPET });
  });

  it("replaces an existing fragment rather than nesting it", () => {
    const first = makeLink("print(1)\n", "http://localhost:5173/?q=1");
    const second = makeLink("print(2)\n", first);
    expect(second.startsWith("http://localhost:5173/?q=1#code=")).toBe(true);
    expect(second.split("#")).toHaveLength(2);
    expect(parseHash(new URL(second).hash)).toEqual({ kind: "code", code: "print(2)\n" });
  });

  it("makes links that stay intact when put into a URL", () => {
    const link = makeLink(SNIPPET, "http://localhost/");
    expect(new URL(link).href).toBe(link);
  });
});
