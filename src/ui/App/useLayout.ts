/**
 * Where the dividers stand, remembered per layout: the everyday one, and presentation
 * mode's, whose timeline never drops under the share a projector needs.
 */
import { useCallback, useEffect, useState } from "react";

export interface Layout {
  /** The editor's share of the top row's width. */
  left: number;
  /** The top row's share of the work area's height. */
  top: number;
}

interface LayoutSpec {
  key: string;
  initial: Layout;
  /** The top row's share, at most (the timeline gets the rest). */
  maxTop: number;
}

export const LAYOUTS: Record<"normal" | "presentation", LayoutSpec> = {
  normal: { key: "mp-playground.layout", initial: { left: 0.55, top: 0.64 }, maxTop: 0.85 },
  // At 1280x720 the timeline is then 343 px (48% of the height): its bar and axis (82 px)
  // and five 46 px lanes end 31 px above its bottom, where the shared objects' heading
  // shows. The rows can be moved up to 0.6, where it still has 39% (e2e/presentation.spec.ts).
  presentation: { key: "mp-playground.layout.presentation", initial: { left: 0.5, top: 0.46 }, maxTop: 0.6 },
};

export const MIN_TOP = 0.25;

function loadLayout(spec: LayoutSpec): Layout {
  try {
    const raw = localStorage.getItem(spec.key);
    if (!raw) return spec.initial;
    const v = JSON.parse(raw) as Partial<Layout>;
    const ok = (n: unknown, max: number): n is number => typeof n === "number" && n > 0.1 && n <= max;
    return {
      left: ok(v.left, 0.9) ? v.left : spec.initial.left,
      top: ok(v.top, spec.maxTop) ? v.top : spec.initial.top,
    };
  } catch {
    return spec.initial;
  }
}

/** The layout for the current mode, and setters for its two dividers. */
export function useLayout(presentation: boolean) {
  const mode = presentation ? "presentation" : "normal";
  const spec = LAYOUTS[mode];
  const [layouts, setLayouts] = useState(() => ({
    normal: loadLayout(LAYOUTS.normal),
    presentation: loadLayout(LAYOUTS.presentation),
  }));
  const layout = layouts[mode];

  useEffect(() => {
    try {
      localStorage.setItem(spec.key, JSON.stringify(layout));
    } catch {
      // Storage may be unavailable (private mode); the layout just isn't remembered.
    }
  }, [spec, layout]);

  const setLeft = useCallback((left: number) => setLayouts((l) => ({ ...l, [mode]: { ...l[mode], left } })), [mode]);
  const setTop = useCallback((top: number) => setLayouts((l) => ({ ...l, [mode]: { ...l[mode], top } })), [mode]);
  return { layout, spec, setLeft, setTop };
}
