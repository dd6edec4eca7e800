import type { JSX } from "react";

/** Samples of the three ways a lane's bar is drawn, for the toolbar. Decorative: the lanes say their state in words. */
export function Legend(): JSX.Element {
  return (
    <div className="tl-legend" aria-hidden="true">
      <span className="tl-legend-item">
        <svg width="26" height="12">
          <line x1="1" x2="25" y1="6" y2="6" className="tl-legend-starting" />
        </svg>
        starting
      </span>
      <span className="tl-legend-item">
        <svg width="26" height="12">
          <rect x="1" y="1" width="24" height="10" rx="2" className="tl-legend-run" />
        </svg>
        running
      </span>
      <span className="tl-legend-item">
        <svg width="26" height="12">
          <defs>
            <pattern
              id="tl-legend-hatch"
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="#10161d" />
              <rect width="2.5" height="6" fill="#c9d1d9" opacity="0.55" />
            </pattern>
          </defs>
          <rect
            x="1"
            y="1"
            width="24"
            height="10"
            rx="2"
            fill="url(#tl-legend-hatch)"
            stroke="#c9d1d9"
            strokeWidth="1.2"
          />
        </svg>
        blocked
      </span>
    </div>
  );
}
