/**
 * The console's size in lines and character cells, and the wrap layout's corrections
 * from the heights the browser drew the rows at.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from "react";
import type { WrapLayout } from "./wrapLayout";

/** A visual line's height, css px, everyday and in presentation mode (Console.tsx sets --con-row to it). */
export const ROW_H = { normal: 22, presentation: 30 };
/** Characters in the hidden probe that measures one cell of the console's font. */
export const PROBE_CHARS = 64;

export interface ConsoleSize {
  /** The viewport's height, css px. */
  height: number;
  /** Character cells a row's text has room for. */
  cols: number;
}

/** Watches the scroller's size (and the font arriving) and the width of one character cell. */
export function useConsoleSize(
  scrollRef: RefObject<HTMLElement | null>,
  probeRef: RefObject<HTMLElement | null>,
  /** The row height: another one comes with another font size, so the cells are measured again. */
  rowH: number,
): ConsoleSize {
  const [size, setSize] = useState<ConsoleSize>({ height: 0, cols: 80 });
  useEffect(() => {
    const scroller = scrollRef.current;
    const probe = probeRef.current;
    if (!scroller || !probe) return;
    let alive = true;
    const update = () => {
      if (!alive) return;
      const cell = probe.getBoundingClientRect().width / PROBE_CHARS || 9;
      const gutter = parseFloat(getComputedStyle(scroller).getPropertyValue("--con-gutter")) || 0;
      const height = scroller.clientHeight;
      const cols = Math.max(8, Math.floor((scroller.clientWidth - gutter) / cell));
      setSize((s) => (s.height === height && s.cols === cols ? s : { height, cols }));
    };
    const ro = new ResizeObserver(update);
    ro.observe(scroller);
    void document.fonts?.ready.then(update);
    return () => {
      alive = false;
      ro.disconnect();
    };
  }, [scrollRef, probeRef, rowH]);
  return size;
}

/**
 * A ref for each drawn row: its height, once laid out, goes back into `layout`; when
 * that moved anything, `tick` changes so the console lays out again. A row carries
 * `data-row` and `data-cells`, what it was drawn from. (Entries only come for rows in
 * the page, whose attributes are the latest render's, so none is stale.)
 */
export function useRowMeasure(
  layout: WrapLayout,
  rowH: number,
): {
  measureRef: (el: HTMLDivElement | null) => () => void;
  tick: number;
} {
  const [tick, setTick] = useState(0);
  // Another row height: another observer, so the rows are measured again in its lines.
  const observer = useMemo(
    () =>
      new ResizeObserver((entries) => {
        let moved = false;
        for (const entry of entries) {
          const el = entry.target as HTMLElement;
          const height = entry.borderBoxSize[0]?.blockSize ?? el.offsetHeight;
          if (height === 0) continue; // not laid out (hidden)
          const lines = Math.max(1, Math.round(height / rowH));
          if (layout.measure(Number(el.dataset.row), Number(el.dataset.cells), lines)) moved = true;
        }
        if (moved) setTick((t) => t + 1);
      }),
    [layout, rowH],
  );
  // Rows leave the page through their ref's cleanup, so nothing stays observed.
  const measureRef = useCallback(
    (el: HTMLDivElement | null) => {
      if (el) observer.observe(el);
      return () => {
        if (el) observer.unobserve(el);
      };
    },
    [observer],
  );
  return { measureRef, tick };
}
