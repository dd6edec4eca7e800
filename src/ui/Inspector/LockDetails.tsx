/**
 * The Inspector's view of a lock or semaphore at the playhead (or now): who holds it,
 * its count, and who waits for it, in the order they began waiting.
 */
import type { CSSProperties, JSX } from "react";
import { countAt, holdersAt, processColor, waitsAt, type Lane, type LockObject } from "../../state";

interface Props {
  lock: LockObject;
  /** The moment shown. */
  at: number;
  byPid: ReadonlyMap<number, Lane>;
  fmtTime: (ms: number) => string;
}

export function LockDetails({ lock, at, byPid, fmtTime }: Props): JSX.Element {
  const name = (pid: number) => byPid.get(pid)?.name ?? `pid ${pid}`;
  const color = (pid: number) => ({ "--pc": processColor(byPid.get(pid)?.index ?? 0) }) as CSSProperties;
  const holders = holdersAt(lock, at);
  const waiters = waitsAt(lock, at);
  const count = countAt(lock, at);
  return (
    <>
      <div className="insp-obj">
        <div className="insp-obj-label" data-testid="inspector.label">
          {lock.label}
        </div>
        <div className="insp-obj-kind">
          {lock.kind}
          {lock.exclusive ? "" : ` · value ${lock.initial} at start`}
        </div>
        <div className="insp-stats" data-testid="inspector.stats">
          <span>
            <strong>{lock.exclusive ? (holders.length > 0 ? "held" : "free") : count}</strong>
            {lock.exclusive ? "" : " value"}
          </span>
          <span>
            <strong>{waiters.length}</strong> waiting
          </span>
        </div>
      </div>
      <div className="insp-items-wrap">
        <section className="insp-list">
          <h4 className="insp-list-title">{lock.exclusive ? "held by" : "permits held by"}</h4>
          {holders.length === 0 ? (
            <div className="insp-empty">nobody</div>
          ) : (
            <ol className="insp-items">
              {holders.map((h) => (
                <li key={h.seq} className="insp-item" data-testid="inspector.holder" style={color(h.pid)}>
                  <span className="insp-item-body">
                    <code className="insp-item-repr">{name(h.pid)}</code>
                    <span className="insp-item-sub">for {fmtTime(Math.max(0, at - h.t0))}</span>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="insp-list">
          <h4 className="insp-list-title">waiting, first come first</h4>
          {waiters.length === 0 ? (
            <div className="insp-empty">nobody</div>
          ) : (
            <ol className="insp-items">
              {waiters.map((w, k) => (
                <li key={w.seq} className="insp-item" data-testid="inspector.waiter" style={color(w.pid)}>
                  <span className="insp-item-pos">{k + 1}</span>
                  <span className="insp-item-body">
                    <code className="insp-item-repr">{name(w.pid)}</code>
                    <span className="insp-item-sub">
                      in {w.call}() · waiting {fmtTime(Math.max(0, at - w.t0))}
                    </span>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}
