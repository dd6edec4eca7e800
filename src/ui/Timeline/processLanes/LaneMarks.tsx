/**
 * A lane's point events (child created, signal, error, note, output) as glyphs on its
 * bar. Marks closer than MARK_GAP px merge into one numbered glyph, so a busy lane
 * stays readable at any zoom.
 */
import { memo, type JSX } from "react";
import type { LaneMark } from "../../../state";
import { BAR_MID } from "../view/layout";
import { targetProps } from "../hover/hoverTargets";
import type { PartProps } from "./LaneParts";
import { clusterPoints } from "../view/spans";
import type { ProcessTarget } from "./processTargets";

const MARK_GAP = 16;

/** `count` is the number of marks so far: the memo key for a lane that grows in place. */
export const Marks = memo(function Marks({
  lane,
  count,
  scale,
  selectedSeq,
  handlers,
}: PartProps & { count: number }): JSX.Element {
  const clusters = clusterPoints(
    lane.marks.slice(0, count).map((m) => m.t),
    scale.toX,
    scale.width,
    MARK_GAP,
  );
  return (
    <g>
      {clusters.map((c) => {
        const marks = c.members.map((i) => lane.marks[i]).filter((m): m is LaneMark => m !== undefined);
        const first = marks[0];
        if (!first) return null;
        const target: ProcessTarget = { kind: "mark", pid: lane.pid, members: c.members };
        const kind = marks.every((m) => m.kind === first.kind) ? first.kind : "many";
        const selected = selectedSeq !== null && marks.some((m) => m.seq === selectedSeq);
        return (
          <g
            key={first.seq}
            className={`tl-mark kind-${kind}${selected ? " selected" : ""}`}
            data-testid="timeline.mark"
            data-kind={kind}
            data-count={marks.length}
            transform={`translate(${c.x} ${BAR_MID})`}
            {...targetProps(handlers, target)}
          >
            <circle className="tl-mark-hit" r={11} />
            <Glyph kind={kind} count={marks.length} />
          </g>
        );
      })}
    </g>
  );
});

function Glyph({ kind, count }: { kind: LaneMark["kind"] | "many"; count: number }): JSX.Element {
  if (count > 1) {
    return (
      <>
        <circle r={8.5} className={`tl-glyph g-${kind}`} />
        <text className="tl-glyph-text" dominantBaseline="central" textAnchor="middle">
          {count > 99 ? "99+" : count}
        </text>
      </>
    );
  }
  switch (kind) {
    case "create-child":
      return <path className="tl-glyph g-create-child" d="M -7 -5 L 7 -5 L 0 7 Z" />;
    case "signal":
      return <path className="tl-glyph g-signal" d="M 2 -9 L -6 1 L -1 1 L -3 9 L 6 -2 L 1 -2 Z" />;
    case "error":
      return (
        <>
          <circle r={8} className="tl-glyph g-error" />
          <text className="tl-glyph-text" dominantBaseline="central" textAnchor="middle">
            !
          </text>
        </>
      );
    case "note":
    case "output":
    case "many":
      return (
        <>
          <circle r={7.5} className={`tl-glyph g-${kind}`} />
          <text className="tl-glyph-text" dominantBaseline="central" textAnchor="middle">
            i
          </text>
        </>
      );
  }
}
