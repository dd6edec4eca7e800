import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createEditorStore, workOf, type ExampleEntry } from "./editorStore";
import {
  parseWork,
  readWork,
  SAVE_DEBOUNCE_MS,
  saveWorkAsItChanges,
  serializeWork,
  WORK_KEY,
  type SavedWork,
  type StorageLike,
} from "./drafts";
import { makeHash } from "./link";

const examples: ExampleEntry[] = [
  { id: "hello", title: "Hello", summary: "first", source: "print('hello')\n" },
  { id: "queue", title: "Queue", summary: "second", source: "const q = new Queue();\n" },
];

/** localStorage as a Map; `failWith` makes every call throw it (private mode, quota). */
class FakeStorage implements StorageLike {
  readonly data = new Map<string, string>();
  writes = 0;
  failWith: Error | null = null;
  getItem(key: string) {
    if (this.failWith) throw this.failWith;
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWith) throw this.failWith;
    this.writes++;
    this.data.set(key, value);
  }
}

const quotaError = () => Object.assign(new Error("The quota has been exceeded."), { name: "QuotaExceededError" });

/** An editor store that saves to `storage`, opened from what `storage` holds, as the app does. */
function openApp(storage: StorageLike | null, hash = "", onUnavailable?: (e: unknown) => void) {
  const store = createEditorStore({ examples, saved: readWork(storage), hash });
  const saver = saveWorkAsItChanges({ work: () => workOf(store.getState()), subscribe: store.subscribe }, storage, {
    onUnavailable,
  });
  return { store, saver };
}

describe("drafts: the saved form", () => {
  it("reads back what it wrote", () => {
    const work: SavedWork = {
      open: null,
      examples: { hello: "print(1)\n" },
      shared: { code: "b", base: "a" },
      offer: { reason: "link", exampleId: "hello", examples: {}, shared: null },
    };
    expect(parseWork(serializeWork(work))).toEqual(work);
  });

  it("reads nothing from damaged or foreign text, and skips damaged parts", () => {
    expect(parseWork(null)).toBeNull();
    expect(parseWork("{not json")).toBeNull();
    expect(parseWork("42")).toBeNull();
    expect(parseWork(JSON.stringify({ open: 7 }))).toBeNull();
    const partly = parseWork(
      JSON.stringify({
        open: "hello",
        examples: { hello: "x", queue: 3 },
        shared: { code: 1 },
        offer: { reason: "?" },
      }),
    );
    expect(partly).toEqual({ open: "hello", examples: { hello: "x" }, shared: null, offer: null });
  });
});

describe("drafts: saving as the learner types", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("saves once typing pauses, and a reload opens the code again", async () => {
    const storage = new FakeStorage();
    const { store } = openApp(storage);
    store.getState().setCode("print('mine')\n");
    store.getState().setCode("print('mine!')\n");
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 1);
    expect(storage.writes).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(storage.writes).toBe(1);

    const reloaded = openApp(storage).store.getState();
    expect(reloaded.code).toBe("print('mine!')\n");
    expect(reloaded.exampleId).toBe("hello");
    expect(reloaded.loadedCode).toBe(examples[0]!.source);
  });

  it("flush writes at once (the page being hidden); nothing changed, nothing written", () => {
    const storage = new FakeStorage();
    const { store, saver } = openApp(storage);
    saver.flush();
    expect(storage.writes).toBe(0);
    store.getState().setCode("typed just before closing\n");
    saver.flush();
    expect(storage.writes).toBe(1);
    expect(readWork(storage)?.examples.hello).toBe("typed just before closing\n");
    saver.flush();
    expect(storage.writes).toBe(1);
  });

  it("reopens the example that was open, with every example's edits", () => {
    const storage = new FakeStorage();
    const { store, saver } = openApp(storage);
    store.getState().setCode("edited hello\n");
    store.getState().loadExample("queue");
    store.getState().setCode("edited queue\n");
    saver.flush();
    const s = openApp(storage).store.getState();
    expect(s.exampleId).toBe("queue");
    expect(s.code).toBe("edited queue\n");
    expect(s.edits).toEqual({ hello: "edited hello\n", queue: "edited queue\n" });
  });

  it("a link wins on load, and the saved code it replaced is kept until the learner edits", () => {
    const storage = new FakeStorage();
    const first = openApp(storage);
    first.store.getState().setCode("my work\n");
    first.saver.flush();

    const link = makeHash("print('from a friend')\n");
    const opened = openApp(storage, link);
    expect(opened.store.getState().code).toBe("print('from a friend')\n");
    expect(opened.store.getState().offer).toMatchObject({ reason: "link", exampleId: "hello" });
    opened.saver.flush();
    // Reloaded with the link still in the address bar: the same offer again.
    const again = openApp(storage, link);
    expect(again.store.getState().offer).toMatchObject({ reason: "link", exampleId: "hello" });
    again.store.getState().restore();
    expect(again.store.getState().code).toBe("my work\n");

    // Editing the link's code instead ends the offer, in storage too.
    const edited = openApp(storage, link);
    edited.store.getState().setCode("print('from a friend, changed')\n");
    edited.saver.flush();
    expect(readWork(storage)?.offer).toBeNull();
  });

  it("unavailable storage (blocked, private mode) opens the defaults and reports once", () => {
    const storage = new FakeStorage();
    storage.failWith = Object.assign(new Error("The operation is insecure."), { name: "SecurityError" });
    const reports: unknown[] = [];
    const { store, saver } = openApp(storage, "", (e) => reports.push(e));
    expect(store.getState().code).toBe(examples[0]!.source);
    store.getState().setCode("a\n");
    saver.flush();
    store.getState().setCode("ab\n");
    saver.flush();
    expect(reports).toHaveLength(1);
    expect(store.getState().code).toBe("ab\n");

    const none = openApp(null, "", (e) => reports.push(e));
    none.store.getState().setCode("x\n");
    expect(() => none.saver.flush()).not.toThrow();
    expect(reports).toHaveLength(2);
  });

  it("a full quota is reported once; writing works again once there is room", () => {
    const storage = new FakeStorage();
    const reports: unknown[] = [];
    const { store, saver } = openApp(storage, "", (e) => reports.push(e));
    storage.failWith = quotaError();
    store.getState().setCode("big\n");
    saver.flush();
    store.getState().setCode("bigger\n");
    saver.flush();
    expect(reports).toHaveLength(1);
    storage.failWith = null;
    saver.flush();
    expect(readWork(storage)?.examples.hello).toBe("bigger\n");
  });

  it("dispose writes what is pending and stops listening", () => {
    const storage = new FakeStorage();
    const { store, saver } = openApp(storage);
    store.getState().setCode("last words\n");
    saver.dispose();
    expect(readWork(storage)?.examples.hello).toBe("last words\n");
    store.getState().setCode("after dispose\n");
    vi.advanceTimersByTime(SAVE_DEBOUNCE_MS * 2);
    expect(JSON.parse(storage.data.get(WORK_KEY) ?? "{}").examples.hello).toBe("last words\n");
  });
});
