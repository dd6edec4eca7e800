/**
 * The console: every process's output in one stream, each process in its own
 * colour, with a per-process filter, virtualised so a million lines scroll fine.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type JSX,
  type KeyboardEvent,
  type UIEvent,
} from "react";
import { useStore } from "zustand";
import { processColor, runStore, uiStore, type ConsoleBuffer, type Lane } from "../../state";
import { LineFilter } from "./lineFilter";
import { clipSegments, displayText, formatCount, MAX_LINE_CHARS, shortName, WidestLine } from "./lineFormat";
import { statusRows, type StatusRow } from "./statusLine";
import { bottomScrollTop, isAtBottom, virtualWindow } from "./virtual";
import "./Console.css";

/** Must match --con-row in Console.css. */
const ROW_H = 22;

interface ProcInfo {
  name: string;
  color: string;
}

function procInfo(byPid: ReadonlyMap<number, Lane>, pid: number): ProcInfo {
  const lane = byPid.get(pid);
  return { name: lane?.name ?? `pid ${pid}`, color: processColor(lane?.index ?? pid) };
}

export function Console(): JSX.Element {
  const version = useStore(runStore, (s) => s.version);
  const buffer = useStore(runStore, (s) => s.console);
  const timeline = useStore(runStore, (s) => s.timeline);
  const status = useStore(runStore, (s) => s.status);
  const exitCode = useStore(runStore, (s) => s.exitCode);
  const syntaxReport = useStore(runStore, (s) => s.syntaxError?.report ?? null);
  const hidden = useStore(uiStore, (s) => s.hiddenPids);

  const [filter] = useState(() => new LineFilter());
  // The widest row drawn so far in this run (in characters), so every row - and its sticky
  // process tag - spans the full scroll width when the learner scrolls sideways.
  const [widest] = useState(() => new WidestLine());
  const scrollRef = useRef<HTMLDivElement>(null);
  const [viewportH, setViewportH] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [follow, setFollow] = useState(true);
  const [seenBuffer, setSeenBuffer] = useState(buffer);

  // A new run starts at the bottom, following, whatever the last run was doing.
  if (seenBuffer !== buffer) {
    setSeenBuffer(buffer);
    setFollow(true);
    setScrollTop(0);
  }

  // The buffer grows in place; `version` (bumped per batch) is what tells us to look again.
  void version;
  const lines = filter.view(buffer, hidden);
  const extra = statusRows(status, exitCode, syntaxReport);
  const rowCount = lines.count + extra.length;
  const top = follow ? bottomScrollTop(rowCount, ROW_H, viewportH) : scrollTop;
  const win = virtualWindow(rowCount, ROW_H, top, viewportH);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const ro = new ResizeObserver(() => setViewportH(scroller.clientHeight));
    ro.observe(scroller);
    return () => ro.disconnect();
  }, []);

  // Keep the newest line in view while following (before paint, so nothing flickers).
  // Only when the rows changed: touching scrollTop forces a layout of the whole page,
  // which a batch that brought only queue operations should not pay.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (follow && scroller) scroller.scrollTop = scroller.scrollHeight;
  }, [follow, rowCount, viewportH, win.totalHeight]);

  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    setScrollTop(el.scrollTop);
    setFollow(isAtBottom(el.scrollTop, el.clientHeight, el.scrollHeight, ROW_H / 2));
  }, []);

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
  let widestChars = widest.see(buffer, 0);
  for (let r = win.first; r < win.last; r++) {
    const y = r * ROW_H + win.offset;
    if (r < lines.count) {
      const li = lines.at(r);
      widestChars = widest.see(buffer, lineChars(buffer, li));
      const prev = r > 0 && r - 1 < lines.count ? lines.at(r - 1) : -1;
      rows.push(
        <LineRow
          key={`l${li}`}
          buffer={buffer}
          line={li}
          prevLine={prev}
          hidden={hidden}
          byPid={timeline.byPid}
          top={y}
        />,
      );
    } else {
      const s = extra[r - lines.count];
      if (s) rows.push(<StatusLineRow key={`s${r - lines.count}`} row={s} top={y} />);
    }
  }

  const empty = rowCount === 0;
  const anyHidden = hidden.size > 0;
  const allPids = lanes.map((l) => l.pid);

  return (
    <div className="con" data-testid="console.root">
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
          <div
            className="con-content"
            style={{ height: win.totalHeight, width: `calc(var(--con-gutter) + ${widestChars + 2}ch)` }}
          >
            {rows}
          </div>
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

/** Characters a row will draw (capped like clipSegments, plus room for the "more" note). */
function lineChars(buffer: ConsoleBuffer, line: number): number {
  const [s, e] = buffer.lineRange(line);
  let n = 0;
  for (let k = s; k < e && n <= MAX_LINE_CHARS; k++) n += (buffer.segText[k] ?? "").length;
  return n > MAX_LINE_CHARS ? MAX_LINE_CHARS + 32 : n;
}

/** Double-clicking the only visible process shows everyone again. */
function soloTarget(hidden: ReadonlySet<number>, allPids: readonly number[], pid: number): number | null {
  const soloAlready = !hidden.has(pid) && allPids.every((p) => p === pid || hidden.has(p));
  return soloAlready ? null : pid;
}

interface LineRowProps {
  buffer: ConsoleBuffer;
  line: number;
  prevLine: number;
  hidden: ReadonlySet<number>;
  byPid: ReadonlyMap<number, Lane>;
  top: number;
}

function LineRow({ buffer, line, prevLine, hidden, byPid, top }: LineRowProps): JSX.Element {
  const [s, e] = buffer.lineRange(line);
  const texts: string[] = [];
  const pids: number[] = [];
  const streams: number[] = [];
  for (let k = s; k < e; k++) {
    texts.push(buffer.segText[k] ?? "");
    pids.push(buffer.segPid[k] ?? -1);
    streams.push(buffer.segStream[k] ?? 1);
  }
  // The line belongs to its first visible writer (others may have interleaved mid-line).
  const ownerIdx = Math.max(
    0,
    pids.findIndex((p) => !hidden.has(p)),
  );
  const owner = pids[ownerIdx] ?? -1;
  const info = procInfo(byPid, owner);
  const prevOwner = prevLine >= 0 ? (buffer.segPid[buffer.lineRange(prevLine)[0]] ?? -2) : -2;
  const hasErr = streams.includes(2);
  const writers = [...new Set(pids)].map((p) => procInfo(byPid, p).name);
  const { pieces, omitted } = clipSegments(texts);

  return (
    <div
      className={`con-row${hasErr ? " err" : ""}`}
      style={{ top, "--pc": info.color } as CSSProperties}
      data-testid="console.line"
      data-pid={owner}
      data-stream={hasErr ? 2 : 1}
    >
      {/* The tag's text is CSS-generated (data-tag) so the row's text content is exactly the output. */}
      <span
        className={`con-tag${prevOwner === owner ? " repeat" : ""}`}
        data-tag={shortName(info.name)}
        title={`${writers.join(", ")}${hasErr ? " (stderr)" : ""}`}
      />
      <span className="con-text">
        {pieces.map((p) => {
          const pid = pids[p.index] ?? -1;
          if (hidden.has(pid)) return null;
          const err = streams[p.index] === 2;
          return (
            <span key={p.index} className={err ? "seg stderr" : "seg"} style={{ color: procInfo(byPid, pid).color }}>
              {displayText(p.text)}
            </span>
          );
        })}
        {omitted > 0 && <span className="con-more"> … {formatCount(omitted)} more characters</span>}
      </span>
    </div>
  );
}

function StatusLineRow({ row, top }: { row: StatusRow; top: number }): JSX.Element {
  return (
    <div className={`con-row con-status ${row.tone}`} style={{ top }} data-testid="console.status">
      <span className="con-tag" aria-hidden="true" />
      <span className="con-text">{displayText(row.text)}</span>
    </div>
  );
}
