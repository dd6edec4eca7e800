/** Small text helpers for console rows. */

/** Longest text drawn per row; the rest is summarised so one huge line can't freeze layout. */
export const MAX_LINE_CHARS = 2000;

export interface ClippedSegment {
  text: string;
  index: number;
}

/**
 * Cuts the segments of one line to `max` characters in total. Returns the kept
 * pieces and how many characters were left out.
 */
export function clipSegments(
  texts: readonly string[],
  max = MAX_LINE_CHARS,
): { pieces: ClippedSegment[]; omitted: number } {
  const pieces: ClippedSegment[] = [];
  let used = 0;
  let omitted = 0;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] ?? "";
    if (used >= max) {
      omitted += t.length;
      continue;
    }
    const room = max - used;
    if (t.length <= room) {
      pieces.push({ text: t, index: i });
      used += t.length;
    } else {
      pieces.push({ text: t.slice(0, room), index: i });
      omitted += t.length - room;
      used = max;
    }
  }
  return { pieces, omitted };
}

/** Spaces a tab is drawn as. */
export const TAB_WIDTH = 4;
const TAB_SPACES = " ".repeat(TAB_WIDTH);

/** Tabs as spaces and other control characters made visible (each one cell wide). */
export function displayText(text: string): string {
  return (
    text
      .replace(/\t/g, TAB_SPACES)
      .replace(/\r/g, "")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "\ufffd")
  );
}

/** A short tag for a process name: "MainProcess" -> "main", "Process-3" -> "P-3". */
export function shortName(name: string): string {
  if (name === "MainProcess") return "main";
  const m = /^Process-(\d+(?::\d+)*)$/.exec(name);
  if (m) return `P-${m[1]}`;
  const m2 = /^(\w+)PoolWorker-(\d+)$/.exec(name);
  if (m2) return `W-${m2[2]}`;
  return name.length > 8 ? `${name.slice(0, 7)}…` : name;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
