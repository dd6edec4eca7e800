import { describe, expect, it } from "vitest";
import { blockingWaitMs, intArg, keywordArgs, popTrailingOptions, timeoutSeconds, timeoutWaitMs } from "./options";

describe("keywordArgs", () => {
  const names = ["block", "timeout"] as const;

  it("maps positional arguments to Python's names, in order", () => {
    expect(keywordArgs("get", names, [false, 0.5])).toEqual({ block: false, timeout: 0.5 });
    expect(keywordArgs("get", names, [undefined, undefined])).toEqual({});
  });

  it("takes a plain object in the first optional slot as the options", () => {
    expect(keywordArgs("get", names, [{ timeout: 2 }])).toEqual({ timeout: 2 });
    expect(keywordArgs("get", names, [{ block: false }, undefined])).toEqual({ block: false });
  });

  it("does not take arrays, class instances or null as options", () => {
    expect(keywordArgs("Pipe", ["duplex"], [[1]])).toEqual({ duplex: [1] });
    expect(keywordArgs("Pipe", ["duplex"], [new Map()])).toEqual({ duplex: new Map() });
    expect(keywordArgs("join", ["timeout"], [null])).toEqual({ timeout: null });
  });

  it("raises Python's TypeError for a keyword the call does not take", () => {
    expect(() => keywordArgs("get", names, [{ timout: 1 }])).toThrow(
      "get() got an unexpected keyword argument 'timout'",
    );
  });

  it("refuses positional arguments after the options object", () => {
    expect(() => keywordArgs("get", names, [{ block: true }, 3])).toThrow(/one options object, given last/);
  });
});

describe("popTrailingOptions", () => {
  const names = ["sep", "end"] as const;

  it("removes a trailing object whose keys are all keyword names", () => {
    const values: unknown[] = [1, 2, { sep: "-" }];
    expect(popTrailingOptions(values, names)).toEqual({ sep: "-" });
    expect(values).toEqual([1, 2]);
  });

  it("leaves a value that only looks like options", () => {
    for (const last of [{}, { sep: "-", other: 1 }, [1]]) {
      const values: unknown[] = [1, last];
      expect(popTrailingOptions(values, names)).toEqual({});
      expect(values).toHaveLength(2);
    }
  });
});

describe("timeouts and integers", () => {
  it("reads a timeout in seconds, null forever", () => {
    expect(timeoutSeconds(undefined, "raise")).toBeNull();
    expect(timeoutSeconds(0.25, "raise")).toBe(0.25);
    expect(timeoutSeconds(-1, "zero")).toBe(0);
    expect(() => timeoutSeconds(-1, "raise")).toThrow("'timeout' must be a non-negative number");
    expect(() => timeoutSeconds("1", "raise")).toThrow("'<' not supported between instances of 'str' and 'float'");
  });

  it("turns (block, timeout) into a wait in milliseconds", () => {
    expect(blockingWaitMs("get", [], "raise")).toBeNull();
    expect(blockingWaitMs("get", [false, 5], "raise")).toBe(0);
    expect(blockingWaitMs("get", [{ timeout: 0.5 }], "raise")).toBe(500);
    expect(blockingWaitMs("get", [true, 2], "raise")).toBe(2000);
  });

  it("reads a wait's (timeout = null) as milliseconds, a negative one as 0, as Event.wait and Condition.wait do", () => {
    expect(timeoutWaitMs("wait", [])).toBeNull();
    expect(timeoutWaitMs("wait", [null])).toBeNull();
    expect(timeoutWaitMs("wait", [0.25])).toBe(250);
    expect(timeoutWaitMs("wait", [{ timeout: 1 }])).toBe(1000);
    expect(timeoutWaitMs("wait", [-1])).toBe(0);
    expect(() => timeoutWaitMs("wait", [{ block: false }])).toThrow(
      "wait() got an unexpected keyword argument 'block'",
    );
  });

  it("accepts integers and booleans as Python's __index__ does", () => {
    expect(intArg(3)).toBe(3);
    expect(intArg(true)).toBe(1);
    expect(() => intArg(1.5)).toThrow("'float' object cannot be interpreted as an integer");
    expect(() => intArg("3")).toThrow("'str' object cannot be interpreted as an integer");
  });
});
