import { describe, expect, it } from "vitest";
import { ItemColumns, ItemIndex, PreviewChunks } from "./itemColumns";

describe("ItemColumns", () => {
  it("keeps every field of many items across growth, and builds each on demand", () => {
    const previews = new PreviewChunks();
    const chunk = previews.add("abcdefgh");
    const items = new ItemColumns(previews);
    const n = 1000;
    for (let i = 0; i < n; i++)
      items.push({ itemId: i * 3, t: i / 2, pid: 7, seq: 100 + i, line: i % 5 }, i % 2 === 0 ? -1 : 1, i % 24, {
        chunk,
        at: i % 4,
        len: i % 3 === 0 ? -1 : 2,
      });
    expect(items.length).toBe(n);
    expect(items.at(999)).toEqual({
      itemId: 2997,
      preview: "…",
      putAt: 499.5,
      putBy: 7,
      putSeq: 1099,
      putLine: 4,
      gotAt: undefined,
      gotBy: undefined,
      gotSeq: undefined,
      gotLine: undefined,
      dir: 1,
      row: 15,
    });
    expect(items.at(1)).toMatchObject({ preview: "bc", putLine: 1, dir: 1 });
    expect(items.at(10)).toMatchObject({ preview: "cd", putLine: undefined, dir: undefined });
    expect(items.at(n)).toBeUndefined();
    expect(items.at(-1)).toBeUndefined();
  });

  it("records a get once, and tells who got it", () => {
    const items = new ItemColumns(new PreviewChunks());
    items.push({ itemId: 1, t: 10, pid: 2, seq: 5, line: 0 }, -1, 0, { chunk: 0, at: 0, len: -1 });
    expect(items.gotAt(0)).toBeUndefined();
    expect(items.markGot(0, { itemId: 1, t: 20, pid: 3, seq: 9, line: 12 })).toBe(true);
    expect(items.markGot(0, { itemId: 1, t: 30, pid: 4, seq: 10, line: 0 })).toBe(false);
    expect(items.markGot(5, { itemId: 6, t: 30, pid: 4, seq: 10, line: 0 })).toBe(false);
    expect(items.at(0)).toMatchObject({ gotAt: 20, gotBy: 3, gotSeq: 9, gotLine: 12 });
    expect([items.gotAt(0), items.row(0), items.dir(0)]).toEqual([20, 0, -1]);
  });

  it("never lets an item leave before it came, even with a time a few operations stale", () => {
    const items = new ItemColumns(new PreviewChunks());
    items.push({ itemId: 0, t: 10, pid: 1, seq: 1, line: 0 }, -1, 0, { chunk: 0, at: 0, len: -1 });
    expect(items.markGot(0, { itemId: 0, t: 9.999, pid: 2, seq: 2, line: 0 })).toBe(true);
    expect(items.gotAt(0)).toBe(10);
  });

  it("finds items by id, dense or far apart", () => {
    const index = new ItemIndex();
    index.set(3, 0);
    index.set(1000, 1);
    index.set(2 ** 33, 2);
    expect([
      index.get(3),
      index.get(1000),
      index.get(2 ** 33),
      index.get(4),
      index.get(2 ** 40),
      index.get(-1),
    ]).toEqual([0, 1, 2, -1, -1, -1]);
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
