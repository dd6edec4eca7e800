import { describe, expect, it } from "vitest";
import { queueProgram } from "./programs";

describe("bench programs", () => {
  it("the queue variants differ only in their PAYLOAD line", () => {
    const ints = queueProgram("ints").split("\n");
    const bytes = queueProgram("bytes").split("\n");
    expect(bytes).toHaveLength(ints.length);
    const differ = ints.flatMap((line, i) => (line !== bytes[i] ? [[line, bytes[i]]] : []));
    expect(differ).toEqual([['const PAYLOAD: string = "ints";', 'const PAYLOAD: string = "bytes";']]);
  });
});
