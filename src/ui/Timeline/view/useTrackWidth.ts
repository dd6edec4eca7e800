import { useEffect, useState, type RefObject } from "react";
import { NAME_W } from "./layout";

/** Width of the tracks (the scroll area less the name column), kept current as the panel resizes. */
export function useTrackWidth(scrollRef: RefObject<HTMLDivElement | null>): number {
  const [trackW, setTrackW] = useState(600);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setTrackW(Math.max(120, el.clientWidth - NAME_W)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [scrollRef]);
  return trackW;
}
