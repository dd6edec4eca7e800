import { describe, expect, it } from "vitest";
import { ItemColumns, PreviewChunks } from "./itemColumns";

describe("ItemColumns", () => {
  it("keeps every field of many items across growth, and builds each on demand", () => {
    const previews = new PreviewChunks();
    const chunk = previews.add("abcdefgh");
    const items = new ItemColumns(previews);
    const n = 1000;
    for (let i = 0; i < n; i++) items.push(i * 3, i / 2, 7, 100 + i, i % 5, i % 2 === 0 ? -1 : 1, i % 24, { chunk, at: i % 4, len: i % 3 === 0 ? -1 : 2 });
    expect(items.length).toBe(n);
    expect(items.at(999)).toEqual({
      itemId: 2997, preview: "…", putAt: 499.5, putBy: 7, putSeq: 1099, putLine: 4,
      gotAt: undefined, gotBy: undefined, gotSeq: undefined, gotLine: undefined, dir: 1, row: 15,
    });
    expect(items.at(1)).toMatchObject({ preview: "bc", putLine: 1, dir: 1 });
    expect(items.at(10)).toMatchObject({ preview: "cd", putLine: undefined, dir: undefined });
    expect(items.at(n)).toBeUndefined();
    expect(items.at(-1)).toBeUndefined();
  });

  it("records a get once, and tells who got it", () => {
    const items = new ItemColumns(new PreviewChunks());
    items.push(1, 10, 2, 5, 0, -1, 0, { chunk: 0, at: 0, len: -1 });
    expect([items.isGot(0), items.gotAt(0)]).toEqual([false, undefined]);
    expect(items.markGot(0, 20, 3, 9, 12)).toBe(true);
    expect(items.markGot(0, 30, 4, 10, 0)).toBe(false);
    expect(items.markGot(5, 30, 4, 10, 0)).toBe(false);
    expect(items.at(0)).toMatchObject({ gotAt: 20, gotBy: 3, gotSeq: 9, gotLine: 12 });
    expect(items.isGot(0)).toBe(true);
  });

  it("gives a whole chunk back without slicing it", () => {
    const previews = new PreviewChunks();
    const whole = "'a long preview of one item'";
    const c = previews.add(whole);
    expect(previews.text(c, 0, whole.length)).toBe(whole);
    expect(previews.text(c, 1, 1)).toBe("a");
    expect(previews.text(c, 0, -1)).toBe("…");
  });
});
