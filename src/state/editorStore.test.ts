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

describe("editorStore: nothing the learner writes is thrown away", () => {
  it("each example keeps its edits: switch away and back, they are there", () => {
    const store = createEditorStore({ examples });
    store.getState().setCode("my hello\n");
    store.getState().loadExample("queue");
    expect(store.getState().code).toBe(examples[1]!.source);
    expect(store.getState().edits).toEqual({ hello: "my hello\n" });
    store.getState().loadExample("hello");
    const s = store.getState();
    expect(s.code).toBe("my hello\n");
    expect(s.loadedCode).toBe(examples[0]!.source);
    // Typing the example's own source back is no edit.
    store.getState().setCode(examples[0]!.source);
    expect(store.getState().edits).toEqual({});
  });

  it("choosing the open example again changes nothing", () => {
    const store = createEditorStore({ examples });
    store.getState().setCode("mine\n");
    const before = store.getState().revision;
    expect(store.getState().loadExample("hello")).toBe(true);
    expect(store.getState().code).toBe("mine\n");
    expect(store.getState().revision).toBe(before);
  });

  it("a link replacing edited code offers it back; restore reopens it", () => {
    const store = createEditorStore({ examples });
    store.getState().setCode("my hello\n");
    store.getState().openHash(makeHash("linked\n"));
    let s = store.getState();
    expect(s.code).toBe("linked\n");
    expect(s.exampleId).toBeNull();
    expect(s.offer).toEqual({ reason: "link", exampleId: "hello", examples: {}, shared: null });
    store.getState().restore();
    s = store.getState();
    expect(s.code).toBe("my hello\n");
    expect(s.exampleId).toBe("hello");
    expect(s.offer).toBeNull();
    // The link's code stays one choice away.
    expect(store.getState().openShared()).toBe(true);
    expect(store.getState().code).toBe("linked\n");
  });

  it("no offer when the link replaced nothing the learner wrote", () => {
    const store = createEditorStore({ examples });
    store.getState().openHash(makeHash("linked\n"));
    expect(store.getState().offer).toBeNull();
    // Someone else's unedited code, replaced by the next link: nothing to offer either.
    store.getState().openHash(makeHash("another\n"));
    expect(store.getState().offer).toBeNull();
  });

  it("a link equal to the open code (a reload after Share) stays where it is", () => {
    const store = createEditorStore({ examples });
    store.getState().setCode("shared by me\n");
    store.getState().openHash(makeHash("shared by me\n"));
    expect(store.getState().exampleId).toBe("hello");
    expect(store.getState().offer).toBeNull();
  });

  it("edited shared code that a new link replaces is offered back, even from another example", () => {
    const store = createEditorStore({ examples });
    store.getState().openHash(makeHash("link one\n"));
    store.getState().setCode("link one, edited\n");
    store.getState().loadExample("queue");
    store.getState().openHash(makeHash("link two\n"));
    expect(store.getState().offer).toMatchObject({ exampleId: null, shared: { code: "link one, edited\n" } });
    store.getState().restore();
    expect(store.getState().code).toBe("link one, edited\n");
    expect(store.getState().loadedCode).toBe("link one\n");
  });

  it("an edit or a dismissal ends the offer", () => {
    const store = createEditorStore({ examples });
    store.getState().setCode("mine\n");
    store.getState().openHash(makeHash("linked\n"));
    store.getState().setCode("linked, changed\n");
    expect(store.getState().offer).toBeNull();
    store.getState().openHash(makeHash("again\n"));
    expect(store.getState().offer).not.toBeNull();
    store.getState().dismissOffer();
    expect(store.getState().offer).toBeNull();
    // The example's edits are still kept in their place.
    expect(store.getState().edits.hello).toBe("mine\n");
  });

  it("revert puts the example back and can be undone", () => {
    const store = createEditorStore({ examples });
    store.getState().setCode("mine\n");
    store.getState().revert();
    let s = store.getState();
    expect(s.code).toBe(examples[0]!.source);
    expect(s.edits).toEqual({});
    expect(s.offer).toMatchObject({ reason: "revert", exampleId: "hello" });
    store.getState().restore();
    s = store.getState();
    expect(s.code).toBe("mine\n");
    expect(s.edits).toEqual({ hello: "mine\n" });
  });

  it("revert of shared code goes back to the link's code", () => {
    const store = createEditorStore({ examples, hash: makeHash("linked\n") });
    store.getState().setCode("linked, mine\n");
    store.getState().revert();
    expect(store.getState().code).toBe("linked\n");
    store.getState().restore();
    expect(store.getState().code).toBe("linked, mine\n");
    expect(store.getState().exampleId).toBeNull();
  });

  it("opens saved work: the example that was open, or the shared code", () => {
    const onExample = createEditorStore({
      examples,
      saved: { open: "queue", examples: { queue: "q!\n", hello: examples[0]!.source }, shared: null, offer: null },
    }).getState();
    expect(onExample.code).toBe("q!\n");
    expect(onExample.edits).toEqual({ queue: "q!\n" });
    const onShared = createEditorStore({
      examples,
      saved: { open: null, examples: {}, shared: { code: "s2\n", base: "s1\n" }, offer: null },
    }).getState();
    expect(onShared.code).toBe("s2\n");
    expect(onShared.loadedCode).toBe("s1\n");
    expect(onShared.origin).toBe("link");
    // An example that no longer exists: the default opens, the edits are kept.
    const gone = createEditorStore({
      examples,
      saved: { open: "removed", examples: { removed: "old\n" }, shared: null, offer: null },
    }).getState();
    expect(gone.exampleId).toBe("hello");
    expect(gone.edits).toEqual({ removed: "old\n" });
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
