import { useRef, type KeyboardEvent, type PointerEvent, type RefObject } from "react";

export interface SplitterProps {
  /** "columns": a vertical bar between two columns; "rows": a horizontal bar between two rows. */
  between: "columns" | "rows";
  /** The first pane's share of the container, 0..1. */
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  /** The element whose size the fraction refers to. */
  containerRef: RefObject<HTMLElement | null>;
  label: string;
  /** Where a double-click puts the divider back. */
  reset: number;
  testId?: string;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A draggable (and keyboard-operable) divider between two panes. */
export function Splitter({ between, value, min, max, onChange, containerRef, label, reset, testId }: SplitterProps) {
  const dragging = useRef(false);

  const fractionAt = (e: PointerEvent<HTMLDivElement>) => {
    const box = containerRef.current?.getBoundingClientRect();
    if (!box) return value;
    const f = between === "columns" ? (e.clientX - box.left) / box.width : (e.clientY - box.top) / box.height;
    return clamp(f, min, max);
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) onChange(fractionAt(e));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 0.1 : 0.025;
    const back = between === "columns" ? "ArrowLeft" : "ArrowUp";
    const forward = between === "columns" ? "ArrowRight" : "ArrowDown";
    let next: number | null = null;
    if (e.key === back) next = value - step;
    else if (e.key === forward) next = value + step;
    else if (e.key === "Home") next = min;
    else if (e.key === "End") next = max;
    if (next === null) return;
    e.preventDefault();
    onChange(clamp(next, min, max));
  };

  return (
    <div
      className={`splitter splitter--${between}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={between === "columns" ? "vertical" : "horizontal"}
      aria-valuemin={Math.round(min * 100)}
      aria-valuemax={Math.round(max * 100)}
      aria-valuenow={Math.round(value * 100)}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onChange(clamp(reset, min, max))}
    >
      <span className="splitter__grip" aria-hidden="true" />
    </div>
  );
}
