import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SyntaxErrorInfo } from "../runtime/protocol";
import { CHECK_DEBOUNCE_MS, createEditorStore, type ExampleEntry, type SyntaxCheck } from "./editorStore";
import { MALFORMED_LINK_NOTICE, makeHash } from "./link";

const examples: ExampleEntry[] = [
  { id: "hello", title: "Hello", summary: "first", source: "print('hello')\n" },
  { id: "queue", title: "Queue", summary: "second", source: 'import { Queue } from "multiprocessing";\n' },
];

const errorAt = (line: number): SyntaxErrorInfo => ({
  message: "invalid syntax",
  line,
  column: 3,
  report: `  File "main.ts", line ${line}\nSyntaxError: invalid syntax`,
});

/** A checker that reports an error on the first line containing "(((". */
const fakeCheck: SyntaxCheck = async (source) => {
  const at = source.split("\n").findIndex((l) => l.includes("((("));
  return at === -1 ? null : errorAt(at + 1);
};

describe("editorStore: where the code comes from", () => {
  it("opens the first example by default", () => {
    const s = createEditorStore({ examples, hash: "" }).getState();
    expect(s.code).toBe(examples[0]!.source);
    expect(s.exampleId).toBe("hello");
    expect(s.origin).toBe("example");
  });

  it("opens a #code= link's code instead, from no example", () => {
    const code = "print('from a link')\n";
    const notices: (string | null)[] = [];
    const s = createEditorStore({ examples, hash: makeHash(code), onNotice: (n) => notices.push(n) }).getState();
    expect(s.code).toBe(code);
    expect(s.exampleId).toBeNull();
    expect(s.origin).toBe("link");
    expect(notices).toEqual([]);
  });

  it("falls back to the default example with a notice for a malformed link", () => {
    const notices: (string | null)[] = [];
    const s = createEditorStore({ examples, hash: "#code=garbage", onNotice: (n) => notices.push(n) }).getState();
    expect(s.code).toBe(examples[0]!.source);
    expect(s.exampleId).toBe("hello");
    expect(notices).toEqual([MALFORMED_LINK_NOTICE]);
  });

  it("ignores fragments that hold no code", () => {
    const s = createEditorStore({ examples, hash: "#about" }).getState();
    expect(s.exampleId).toBe("hello");
  });

  it("copes with an empty example list", () => {
    const s = createEditorStore({ examples: [], hash: "" }).getState();
    expect(s.code).toBe("");
    expect(s.exampleId).toBeNull();
  });
});

describe("editorStore: editing and examples", () => {
  it("setCode changes the code without bumping the revision", () => {
    const store = createEditorStore({ examples });
    const before = store.getState().revision;
    store.getState().setCode("print(2)\n");
    expect(store.getState().code).toBe("print(2)\n");
    expect(store.getState().revision).toBe(before);
    expect(store.getState().loadedCode).toBe(examples[0]!.source);
  });

  it("loadExample replaces the code and bumps the revision", () => {
    const store = createEditorStore({ examples });
    store.getState().setCode("edited\n");
    const before = store.getState().revision;
    expect(store.getState().loadExample("queue")).toBe(true);
    const s = store.getState();
    expect(s.code).toBe(examples[1]!.source);
    expect(s.loadedCode).toBe(examples[1]!.source);
    expect(s.exampleId).toBe("queue");
    expect(s.origin).toBe("example");
    expect(s.revision).toBe(before + 1);
  });

  it("loadExample with an unknown id changes nothing", () => {
    const store = createEditorStore({ examples });
    store.getState().setCode("mine\n");
    expect(store.getState().loadExample("nope")).toBe(false);
    expect(store.getState().code).toBe("mine\n");
  });

  it("openHash after start opens a newly pasted link", () => {
    const store = createEditorStore({ examples, hash: "" });
    expect(store.getState().openHash(makeHash("print(3)\n"))).toBeNull();
    expect(store.getState().code).toBe("print(3)\n");
    expect(store.getState().openHash("#code=%%%")).toBe(MALFORMED_LINK_NOTICE);
    expect(store.getState().code).toBe(examples[0]!.source);
  });
});

describe("editorStore: syntax checks", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("checks the opened code once at start", async () => {
    const check = vi.fn(fakeCheck);
    const store = createEditorStore({ examples, hash: makeHash("x(((\n"), check });
    expect(check).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS);
    expect(check).toHaveBeenCalledTimes(1);
    expect(store.getState().syntaxError).toEqual(errorAt(1));
  });

  it("debounces checks while typing and reports for the last text", async () => {
    const check = vi.fn(fakeCheck);
    const store = createEditorStore({ examples, check });
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS);
    check.mockClear();
    store.getState().setCode("a\n(((");
    await vi.advanceTimersByTimeAsync(100);
    store.getState().setCode("a\nb\n(((");
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS - 1);
    expect(check).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(1);
    expect(check).toHaveBeenCalledWith("a\nb\n(((");
    expect(store.getState().syntaxError?.line).toBe(3);

    store.getState().setCode("a\nb\nc\n");
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS);
    expect(store.getState().syntaxError).toBeNull();
  });

  it("drops an answer that arrives after the code changed", async () => {
    let release: (v: SyntaxErrorInfo | null) => void = () => {};
    const check = vi.fn<SyntaxCheck>(() => new Promise((r) => (release = r)));
    const store = createEditorStore({ examples, check, hash: "" });
    store.getState().setCode("(((");
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS);
    expect(check).toHaveBeenCalledTimes(1);
    store.getState().setCode("fine");
    release(errorAt(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().syntaxError).toBeNull();
  });

  it("a checker that throws leaves no marker and no unhandled rejection", async () => {
    const check = vi.fn<SyntaxCheck>(async () => {
      throw new Error("kernel restarting");
    });
    const store = createEditorStore({ examples, check });
    store.getState().setSyntaxError(errorAt(2));
    store.getState().setCode("x");
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS);
    expect(store.getState().syntaxError).toBeNull();
  });

  it("loading an example clears the old marker and checks the new code", async () => {
    const check = vi.fn(fakeCheck);
    const store = createEditorStore({ examples, check });
    store.getState().setSyntaxError(errorAt(4));
    store.getState().loadExample("queue");
    expect(store.getState().syntaxError).toBeNull();
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS);
    expect(check).toHaveBeenLastCalledWith(examples[1]!.source);
  });

  it("checkNow skips the debounce; dispose cancels a pending check", async () => {
    const check = vi.fn(fakeCheck);
    const store = createEditorStore({ examples, check });
    store.getState().setCode("(((");
    await store.getState().checkNow();
    expect(store.getState().syntaxError?.line).toBe(1);
    check.mockClear();
    store.getState().setCode("ok");
    store.getState().dispose();
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS * 2);
    expect(check).not.toHaveBeenCalled();
  });

  it("works without a checker", async () => {
    const store = createEditorStore({ examples });
    store.getState().setCode("(((");
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS);
    await store.getState().checkNow();
    expect(store.getState().syntaxError).toBeNull();
  });
});
