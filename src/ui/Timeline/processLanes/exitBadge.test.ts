import { describe, expect, it } from "vitest";
import { exitBadge } from "./exitBadge";

describe("exitBadge", () => {
  it("colours codes by meaning", () => {
    expect(exitBadge(0).tone).toBe("ok");
    expect(exitBadge(1).tone).toBe("error");
    expect(exitBadge(3).tone).toBe("warn");
    expect(exitBadge(-15)).toMatchObject({ tone: "signal", words: "terminated", code: "-15" });
    expect(exitBadge(-9)).toMatchObject({ tone: "signal", words: "killed", code: "-9" });
    expect(exitBadge(null).tone).toBe("unknown");
  });
});
