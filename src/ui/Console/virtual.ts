/**
 * A tiny fixed-row-height virtualiser.
 *
 * Browsers cap an element's height (Firefox near 17.9 million px, Chrome near 33.5
 * million), so a million 22 px rows (22 million px) cannot be laid out 1:1 everywhere.
 * Past `maxHeight` the scroll range is compressed: the scrollbar position maps
 * linearly onto the rows, and the rendered rows are offset so that they still sit
 * exactly row-height apart around the viewport.
 */

export interface VirtualWindow {
  /** Height to give the scroll content (css px). */
  totalHeight: number;
  /** First row to render (inclusive). */
  first: number;
  /** Last row to render (exclusive). */
  last: number;
  /** Top (css px, in scroll-content coordinates) of row `i` is `i * rowHeight + offset`. */
  offset: number;
}

export const MAX_SCROLL_HEIGHT = 15_000_000;

export function virtualWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan = 8,
  maxHeight = MAX_SCROLL_HEIGHT,
): VirtualWindow {
  const real = count * rowHeight;
  const vh = Math.max(0, viewportHeight);
  const totalHeight = Math.min(real, maxHeight);
  const maxScroll = Math.max(0, totalHeight - vh);
  const top = Math.min(Math.max(0, scrollTop), maxScroll);
  const realMaxScroll = Math.max(0, real - vh);
  // Where the viewport's top edge sits in the uncompressed list.
  const realTop = maxScroll > 0 && real > maxHeight ? (top / maxScroll) * realMaxScroll : top;
  const offset = top - realTop;
  const first = Math.max(0, Math.floor(realTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((realTop + vh) / rowHeight) + overscan);
  return { totalHeight, first, last: Math.max(first, last), offset };
}

/** The scrollTop that shows the last rows. */
export function bottomScrollTop(
  count: number,
  rowHeight: number,
  viewportHeight: number,
  maxHeight = MAX_SCROLL_HEIGHT,
): number {
  return Math.max(0, Math.min(count * rowHeight, maxHeight) - Math.max(0, viewportHeight));
}

/** True when the viewport shows the end of the content (within a tolerance). */
export function isAtBottom(scrollTop: number, clientHeight: number, scrollHeight: number, tolerance = 4): boolean {
  return scrollTop + clientHeight >= scrollHeight - tolerance;
}
