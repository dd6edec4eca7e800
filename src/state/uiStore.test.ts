import { describe, expect, it } from "vitest";
import type { StorageLike } from "./drafts";
import { createUiStore, PRESENTATION_KEY } from "./uiStore";

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe("presentation mode", () => {
  it("is off on a first visit and remembered once chosen", () => {
    const storage = memoryStorage();
    const ui = createUiStore(storage);
    expect(ui.getState().presentation).toBe(false);
    ui.getState().setPresentation(true);
    expect(ui.getState().presentation).toBe(true);
    expect(storage.data.get(PRESENTATION_KEY)).toBe("on");
    expect(createUiStore(storage).getState().presentation).toBe(true);
    ui.getState().setPresentation(false);
    expect(createUiStore(storage).getState().presentation).toBe(false);
  });

  it("survives the reset a new run makes", () => {
    const ui = createUiStore(memoryStorage({ [PRESENTATION_KEY]: "on" }));
    ui.getState().selectEvent(4, 12);
    ui.getState().reset();
    expect(ui.getState().selectedSeq).toBeNull();
    expect(ui.getState().presentation).toBe(true);
  });

  it("still switches when the storage throws", () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    const ui = createUiStore(broken);
    expect(ui.getState().presentation).toBe(false);
    ui.getState().setPresentation(true);
    expect(ui.getState().presentation).toBe(true);
  });
});
