import { afterEach, describe, expect, it } from "vitest";
import { dispatchPresenterKey, presenterActionFor, setPresenterActions, type PresenterActions } from "./presenterKeys";

describe("presenter keys", () => {
  let restore: PresenterActions | null = null;
  afterEach(() => {
    if (restore) setPresenterActions(restore);
    restore = null;
  });

  it("maps a clicker's forward keys to step and its back keys to stepBack", () => {
    expect(presenterActionFor("PageDown")).toBe("step");
    expect(presenterActionFor("ArrowRight")).toBe("step");
    expect(presenterActionFor("PageUp")).toBe("stepBack");
    expect(presenterActionFor("ArrowLeft")).toBe("stepBack");
  });

  it("ignores every other key", () => {
    for (const key of ["p", "P", "Escape", "Enter", " ", "ArrowUp", "ArrowDown", "Home", "End"]) {
      expect(presenterActionFor(key), key).toBeNull();
    }
  });

  it("calls the installed step and stepBack, once per key", () => {
    const calls: string[] = [];
    restore = setPresenterActions({ step: () => calls.push("step"), stepBack: () => calls.push("stepBack") });
    expect(dispatchPresenterKey("PageDown")).toBe("step");
    expect(dispatchPresenterKey("ArrowLeft")).toBe("stepBack");
    expect(dispatchPresenterKey("ArrowRight")).toBe("step");
    expect(dispatchPresenterKey("x")).toBeNull();
    expect(calls).toEqual(["step", "stepBack", "step"]);
  });

  it("has step and stepBack that do nothing until the engine installs its own", () => {
    expect(() => dispatchPresenterKey("PageDown")).not.toThrow();
    expect(() => dispatchPresenterKey("PageUp")).not.toThrow();
  });
});
