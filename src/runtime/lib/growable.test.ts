import { describe, expect, it } from "vitest";
import { ensureLength, grownCopy } from "./growable";

describe("growable typed arrays", () => {
  it("returns the same array while it is long enough, else a copy at least twice as long", () => {
    const a = Float64Array.of(1, 2, 3);
    expect(ensureLength(a, 3)).toBe(a);
    const b = ensureLength(a, 4);
    expect(b).not.toBe(a);
    expect(b.length).toBe(6);
    expect(Array.from(b.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(ensureLength(new Int32Array(2), 17).length).toBe(32);
    expect(ensureLength(new Int32Array(0), 1).length).toBe(1);
  });

  it("fills the spare elements, and keeps the kind of array", () => {
    const grown = grownCopy(Int32Array.of(5, 6), 5, -1);
    expect(grown).toBeInstanceOf(Int32Array);
    expect(Array.from(grown)).toEqual([5, 6, -1, -1, -1]);
    expect(Array.from(ensureLength(Int32Array.of(7), 3, -1))).toEqual([7, -1, -1, -1]);
  });
});
