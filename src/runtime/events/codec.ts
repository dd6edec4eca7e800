/**
 * Events as ring records. Output, by far the most frequent event, has a compact
 * form (`o`/`e` + header + raw text); everything else is JSON.
 * Record: `<tag><seq> <t> <line>\n<payload>`.
 */
import type { EventBody, Pid, RunEvent } from "../events";

export function encodeOut(seq: number, t: number, stream: 1 | 2, text: string, line?: number): string {
  return `${stream === 1 ? "o" : "e"}${seq} ${t} ${line ?? ""}\n${text}`;
}

export function encodeEvent(seq: number, t: number, body: EventBody): string {
  return `j${seq} ${t} \n${JSON.stringify(body)}`;
}

export function decodeRecord(record: string, pid: Pid): RunEvent {
  const nl = record.indexOf("\n");
  const head = record.slice(1, nl);
  const sp1 = head.indexOf(" ");
  const sp2 = head.indexOf(" ", sp1 + 1);
  const seq = Number(head.slice(0, sp1));
  const t = Number(head.slice(sp1 + 1, sp2));
  const lineText = head.slice(sp2 + 1);
  const payload = record.slice(nl + 1);
  const tag = record.charCodeAt(0);
  if (tag === 0x6a /* j */) {
    return { ...(JSON.parse(payload) as EventBody), seq, t, pid } as RunEvent;
  }
  const e: RunEvent = { kind: "out", stream: tag === 0x6f /* o */ ? 1 : 2, text: payload, seq, t, pid };
  if (lineText) e.line = Number(lineText);
  return e;
}
