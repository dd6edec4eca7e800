import { describe, expect, it } from "vitest";
import { previewItem } from "./itemCodec";

describe("previewItem", () => {
  it("previews byte strings as Python prints them, cut to fit, and follows every change of their head", () => {
    const big = new Uint8Array(1024).fill(0x78);
    const first = previewItem(big);
    expect(first).toBe(`b'${"x".repeat(77)}…`);
    expect(previewItem(big)).toBe(first);
    big[3] = 0x27;
    expect(previewItem(big)).toBe(`b"xxx'${"x".repeat(73)}…`);
    // A change past the head does not show.
    big[500] = 0;
    expect(previewItem(big)).toBe(`b"xxx'${"x".repeat(73)}…`);
    expect(previewItem(new Uint8Array([0x78, 0x78, 0x78]))).toBe("b'xxx'");
    expect(previewItem(new Uint8Array([0x78, 0x78]))).toBe("b'xx'");
    expect(previewItem(new Uint8Array(0))).toBe("b''");
  });

  it("previews other values with repr", () => {
    expect(previewItem(3)).toBe("3");
    expect(previewItem(["a", null, true])).toBe("['a', None, True]");
    expect(previewItem("y".repeat(500))).toBe(`'${"y".repeat(78)}…`);
  });
});
