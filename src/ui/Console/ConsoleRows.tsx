/** The console's rows: a line of output (its writer's tag and coloured segments), and a status line. */
import type { CSSProperties, JSX, Ref } from "react";
import { processColor, type ConsoleBuffer, type Lane } from "../../state";
import { clipSegments, displayText, formatCount, shortName } from "./lineFormat";
import type { StatusRow } from "./statusLine";

interface ProcInfo {
  name: string;
  color: string;
}

function procInfo(byPid: ReadonlyMap<number, Lane>, pid: number): ProcInfo {
  const lane = byPid.get(pid);
  return { name: lane?.name ?? `pid ${pid}`, color: processColor(lane?.index ?? pid) };
}

/** What the wrap layout needs to read a drawn row's height back (useRowMeasure). */
export interface MeasuredRowProps {
  row: number;
  cells: number;
  measureRef: Ref<HTMLDivElement>;
}

interface LineRowProps extends MeasuredRowProps {
  buffer: ConsoleBuffer;
  line: number;
  prevLine: number;
  hidden: ReadonlySet<number>;
  byPid: ReadonlyMap<number, Lane>;
}

export function LineRow({ buffer, line, prevLine, hidden, byPid, row, cells, measureRef }: LineRowProps): JSX.Element {
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
      ref={measureRef}
      className={`con-row${hasErr ? " err" : ""}`}
      style={{ "--pc": info.color } as CSSProperties}
      data-testid="console.line"
      data-pid={owner}
      data-stream={hasErr ? 2 : 1}
      data-row={row}
      data-cells={cells}
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

export function StatusLineRow({
  status,
  row,
  cells,
  measureRef,
}: MeasuredRowProps & { status: StatusRow }): JSX.Element {
  return (
    <div
      ref={measureRef}
      className={`con-row con-status ${status.tone}`}
      data-testid="console.status"
      data-row={row}
      data-cells={cells}
    >
      <span className="con-tag" aria-hidden="true" />
      <span className="con-text">{displayText(status.text)}</span>
    </div>
  );
}
