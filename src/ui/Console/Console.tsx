/**
 * The console: every process's output in one stream, each process in its own
 * colour, with a per-process filter, virtualised so a million lines scroll fine.
 * Long lines wrap, as in a browser's devtools or Jupyter, so nothing needs sideways
 * scrolling: the rows in view are drawn in one block, in flow, placed by the wrap layout
 * (wrapLayout.ts), which the heights they are drawn at correct.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type JSX,
  type KeyboardEvent,
  type UIEvent,
} from "react";
import { useStore } from "zustand";
import { processColor, runStore, uiStore } from "../../state";
import { LineRow, StatusLineRow } from "./ConsoleRows";
import { LineCells, textCells } from "./lineCells";
import { LineFilter } from "./lineFilter";
import { formatCount } from "./lineFormat";
import { statusRows } from "./statusLine";
import { PROBE_CHARS, ROW_H, useConsoleSize, useRowMeasure } from "./useWrapLayout";
import { bottomScrollTop, isAtBottom, virtualWindow } from "./virtual";
import { WrapLayout } from "./wrapLayout";
import "./Console.css";

export function Console(): JSX.Element {
  const version = useStore(runStore, (s) => s.version);
  const buffer = useStore(runStore, (s) => s.console);
  const timeline = useStore(runStore, (s) => s.timeline);
  const status = useStore(runStore, (s) => s.status);
  const exitCode = useStore(runStore, (s) => s.exitCode);
  const syntaxReport = useStore(runStore, (s) => s.syntaxError?.report ?? null);
  const hidden = useStore(uiStore, (s) => s.hiddenPids);
  const rowH = ROW_H[useStore(uiStore, (s) => s.presentation) ? "presentation" : "normal"];

  const [filter] = useState(() => new LineFilter());
  const [cells] = useState(() => new LineCells());
  const [layout] = useState(() => new WrapLayout());
  const scrollRef = useRef<HTMLDivElement>(null);
  const probeRef = useRef<HTMLSpanElement>(null);
  const { height: viewportH, cols } = useConsoleSize(scrollRef, probeRef, rowH);
  const { measureRef, tick } = useRowMeasure(layout, rowH);
  const [scrollTop, setScrollTop] = useState(0);
  const [follow, setFollow] = useState(true);
  const [seenBuffer, setSeenBuffer] = useState(buffer);

  // A new run starts at the bottom, following, whatever the last run was doing.
  if (seenBuffer !== buffer) {
    setSeenBuffer(buffer);
    setFollow(true);
    setScrollTop(0);
  }

  // The buffer grows in place; `version` (bumped per batch) and the measured rows (`tick`)
  // are what tell us to look again.
  void version;
  void tick;
  const lines = filter.view(buffer, hidden);
  // Another run or another filter: other rows, laid out afresh.
  const layoutKey = useMemo(() => [buffer, hidden], [buffer, hidden]);
  const extra = statusRows(status, exitCode, syntaxReport);
  const rowCount = lines.count + extra.length;
  const cellsOf = (row: number) =>
    row < lines.count ? cells.of(buffer, lines.at(row)) : textCells(extra[row - lines.count]?.text ?? "");
  // Only the last line of output (and the status rows after it) may change from here on.
  layout.sync(layoutKey, rowCount, Math.max(0, lines.count - 1), cols, cellsOf);
  const lineCount = layout.lineCount;
  const top = follow ? bottomScrollTop(lineCount, rowH, viewportH) : scrollTop;
  // The window is in visual lines; the rows drawn are those the lines belong to.
  const win = virtualWindow(lineCount, rowH, top, viewportH);
  const firstRow = layout.rowAtLine(win.first);
  const endRow = win.last > win.first ? layout.rowAtLine(win.last - 1) + 1 : firstRow;

  // Keep the newest line in view while following (before paint, so nothing flickers).
  // Only when the rows changed: touching scrollTop forces a layout of the whole page,
  // which a batch that brought only queue operations should not pay.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (follow && scroller) scroller.scrollTop = scroller.scrollHeight;
  }, [follow, rowCount, lineCount, viewportH, win.totalHeight]);

  const onScroll = useCallback(
    (e: UIEvent<HTMLDivElement>) => {
      const el = e.currentTarget;
      setScrollTop(el.scrollTop);
      setFollow(isAtBottom(el.scrollTop, el.clientHeight, el.scrollHeight, rowH / 2));
    },
    [rowH],
  );

  // Scrolling up must win over the next batch's auto-scroll, so stop following at once.
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const onWheel = (e: WheelEvent) => {
      if (e.deltaY < 0) setFollow(false);
    };
    scroller.addEventListener("wheel", onWheel, { passive: true });
    return () => scroller.removeEventListener("wheel", onWheel);
  }, []);

  const onKeyDown = useCallback((e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "ArrowUp" || e.key === "PageUp" || e.key === "Home") setFollow(false);
    if (e.key === "End" && (e.ctrlKey || e.metaKey)) setFollow(true);
  }, []);

  const jumpToLatest = useCallback(() => {
    setFollow(true);
    scrollRef.current?.focus({ preventScroll: true });
  }, []);

  const lanes = timeline.lanes;
  const rows: JSX.Element[] = [];
  const gen = layout.generation;
  for (let r = firstRow; r < endRow; r++) {
    const measured = { row: r, cells: cellsOf(r), measureRef };
    if (r < lines.count) {
      const li = lines.at(r);
      const prev = r > 0 && r - 1 < lines.count ? lines.at(r - 1) : -1;
      rows.push(
        <LineRow
          key={`l${li}.${gen}`}
          buffer={buffer}
          line={li}
          prevLine={prev}
          hidden={hidden}
          byPid={timeline.byPid}
          {...measured}
        />,
      );
    } else {
      const s = extra[r - lines.count];
      if (s) rows.push(<StatusLineRow key={`s${r - lines.count}.${gen}`} status={s} {...measured} />);
    }
  }

  const empty = rowCount === 0;
  const anyHidden = hidden.size > 0;
  const allPids = lanes.map((l) => l.pid);

  return (
    <div className="con" data-testid="console.root" style={{ "--con-row": `${rowH}px` } as CSSProperties}>
      <div className="con-bar">
        <div className="con-filters" role="toolbar" aria-label="Show output of">
          {lanes.map((lane) => {
            const on = !hidden.has(lane.pid);
            return (
              <button
                key={lane.pid}
                type="button"
                className={`con-chip${on ? "" : " off"}`}
                style={{ "--pc": processColor(lane.index) } as CSSProperties}
                data-testid="console.filter"
                data-pid={lane.pid}
                aria-pressed={on}
                title={`${on ? "Hide" : "Show"} ${lane.name}'s output (pid ${lane.pid}). Alt+click or double-click: show only this process.`}
                onClick={(e) => {
                  if (e.altKey || e.shiftKey)
                    uiStore.getState().showOnly(soloTarget(hidden, allPids, lane.pid), allPids);
                  else uiStore.getState().togglePid(lane.pid);
                }}
                onDoubleClick={() => uiStore.getState().showOnly(soloTarget(hidden, allPids, lane.pid), allPids)}
              >
                <span className="con-chip-dot" aria-hidden="true" />
                {lane.name}
              </button>
            );
          })}
          {anyHidden && (
            <button
              type="button"
              className="con-chip con-chip-all"
              data-testid="console.filter-all"
              onClick={() => uiStore.getState().showOnly(null, allPids)}
            >
              Show all
            </button>
          )}
        </div>
        <div className="con-count" aria-live="off">
          {anyHidden
            ? `${formatCount(lines.count)} of ${formatCount(buffer.lineCount)} lines`
            : `${formatCount(buffer.lineCount)} line${buffer.lineCount === 1 ? "" : "s"}`}
        </div>
      </div>
      <div className="con-body">
        {/*
          aria-live="off": a run can print thousands of lines a second, and a live region
          would make a screen reader queue every one of them (and costs layout work on each
          change). The log role still lets assistive tech find and read the output on demand.
        */}
        <div
          ref={scrollRef}
          className="con-scroll"
          role="log"
          aria-label="Console"
          aria-live="off"
          tabIndex={0}
          onScroll={onScroll}
          onKeyDown={onKeyDown}
        >
          <div className="con-content" style={{ height: win.totalHeight }}>
            <div className="con-rows" style={{ top: layout.lineOf(firstRow) * rowH + win.offset }}>
              {rows}
            </div>
          </div>
          {/* One cell of the console's font, PROBE_CHARS times: how many fit in a row. */}
          <span className="con-probe" aria-hidden="true">
            <span ref={probeRef}>{"0".repeat(PROBE_CHARS)}</span>
          </span>
          {empty && (
            <div className="con-empty">
              {status === "running" ? "Waiting for output…" : "Output from every process appears here. Press Run."}
            </div>
          )}
        </div>
        {!follow && !empty && (
          <button type="button" className="con-jump" data-testid="console.jump" onClick={jumpToLatest}>
            ↓ Jump to latest
          </button>
        )}
      </div>
    </div>
  );
}

/** Double-clicking the only visible process shows everyone again. */
function soloTarget(hidden: ReadonlySet<number>, allPids: readonly number[], pid: number): number | null {
  const soloAlready = !hidden.has(pid) && allPids.every((p) => p === pid || hidden.has(p));
  return soloAlready ? null : pid;
}
