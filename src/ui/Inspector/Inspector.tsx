/**
 * The Inspector: the queue or pipe picked in the timeline, as it is at the playhead (or
 * now, at the live edge): its items front first, each as Python would print it, its
 * maxsize, and how many items went in and came out so far; or the lock or semaphore
 * picked, its holders and waiters (LockDetails). Collapsible; absent when the run has
 * no shared objects.
 */
import { useState, type CSSProperties, type JSX } from "react";
import { useStore } from "zustand";
import { ObjectModel, processColor, runStore, uiStore, type ChannelObject, type Lane, type ObjItem } from "../../state";
import { LockDetails } from "./LockDetails";
import "./Inspector.css";

/** More items than this are summarised ("… and 1,234 more"). */
const SHOW_MAX = 200;
/**
 * While following a live run the list changes at every update, faster than anyone
 * reads it: a panel's worth of rows is shown, so a busy queue does not cost the UI
 * thread (and the processes sharing the machine) hundreds of rows per update.
 */
const LIVE_SHOW_MAX = 24;

function fmtTime(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function Inspector(): JSX.Element | null {
  const version = useStore(runStore, (s) => s.version);
  const model = useStore(runStore, (s) => s.objects);
  const sync = useStore(runStore, (s) => s.sync);
  const timeline = useStore(runStore, (s) => s.timeline);
  const playhead = useStore(uiStore, (s) => s.playhead);
  const selectedObjId = useStore(uiStore, (s) => s.selectedObjId);
  const live = useStore(runStore, (s) => s.status === "running");
  const [open, setOpen] = useState(true);
  void version;

  const objects = model.objects;
  const locks = sync.objects;
  if (objects.length === 0 && locks.length === 0) return null;
  // Nothing picked after a deadlock: the first lock of its cycle is what to look at.
  const deadlocked = timeline.deadlock?.objIds.find((id) => sync.byId.has(id));
  const lock =
    locks.find((o) => o.objId === (selectedObjId ?? deadlocked)) ?? (objects.length === 0 ? locks[0] : undefined);
  const obj = lock ? undefined : (objects.find((o) => o.objId === selectedObjId) ?? objects[0]);
  const picked = lock ?? obj;
  if (!picked) return null;
  const all = [...objects, ...locks];

  if (!open) {
    return (
      <aside className="insp insp--closed" role="region" aria-label="Inspector" data-testid="inspector.root">
        <button
          type="button"
          className="insp-toggle"
          aria-expanded={false}
          onClick={() => setOpen(true)}
          title="Show the Inspector"
        >
          <span className="insp-toggle-text">Inspector ‹</span>
        </button>
      </aside>
    );
  }

  const at = playhead ?? timeline.end;
  // After a deadlock the kill ends every wait: "now" for a lock is the moment it was found.
  const lockAt = playhead ?? timeline.deadlock?.t ?? at;
  const byPid = timeline.byPid;
  return (
    <aside
      className="insp"
      role="region"
      aria-label="Inspector"
      data-testid="inspector.root"
      data-obj-id={picked.objId}
    >
      <header className="insp-head">
        <h3 className="insp-title">Inspector</h3>
        <span className="insp-when" data-testid="inspector.when">
          {playhead === null ? "now" : `at ${fmtTime(playhead)}`}
        </span>
        <button
          type="button"
          className="insp-toggle"
          aria-expanded={true}
          onClick={() => setOpen(false)}
          title="Hide the Inspector"
        >
          ›
        </button>
      </header>
      {all.length > 1 && (
        <div className="insp-pick" role="toolbar" aria-label="Shared objects">
          {all.map((o) => (
            <button
              key={o.objId}
              type="button"
              className={`insp-pick-btn${o === picked ? " on" : ""}`}
              aria-pressed={o === picked}
              onClick={() => uiStore.getState().selectObject(o.objId)}
            >
              {o.label}
            </button>
          ))}
        </div>
      )}
      {lock ? (
        <LockDetails lock={lock} at={lockAt} byPid={byPid} fmtTime={fmtTime} />
      ) : (
        obj && (
          <ChannelDetails
            obj={obj}
            playhead={playhead}
            at={at}
            byPid={byPid}
            max={live && playhead === null ? LIVE_SHOW_MAX : SHOW_MAX}
          />
        )
      )}
    </aside>
  );
}

function ChannelDetails({
  obj,
  playhead,
  at,
  byPid,
  max,
}: {
  obj: ChannelObject;
  playhead: number | null;
  at: number;
  byPid: ReadonlyMap<number, Lane>;
  max: number;
}): JSX.Element {
  const t = playhead ?? Infinity;
  const counts = ObjectModel.countsAt(obj, t);
  const pipe = obj.kind === "Pipe";
  // Only the items listed are built; the rest are counted.
  const list = (dir?: 0 | 1) => ObjectModel.insideAt(obj, t, max, dir);
  const lists = pipe ? [list(0), list(1)] : [list()];
  const inside = lists.reduce((n, l) => n + l.total, 0);

  return (
    <>
      <div className="insp-obj">
        <div className="insp-obj-label" data-testid="inspector.label">
          {obj.label}
        </div>
        <div className="insp-obj-kind">
          {obj.kind}
          {pipe ? " · two ends" : obj.maxsize === null ? " · unbounded" : ` · maxsize ${obj.maxsize}`}
        </div>
        <Gauge obj={obj} n={inside} />
        <div className="insp-stats" data-testid="inspector.stats">
          <span>
            <strong>{counts.put}</strong> {pipe ? "sent" : "put"}
          </span>
          <span>
            <strong>{counts.got}</strong> {pipe ? "received" : "got"}
          </span>
          <span>
            <strong>{inside}</strong> inside
          </span>
        </div>
      </div>
      {/* It scrolls, so it takes focus: the arrow keys then scroll a long list without a mouse. */}
      <div className="insp-items-wrap" role="region" aria-label={`Items inside ${obj.label}`} tabIndex={0}>
        {pipe ? (
          <>
            <ItemList title="end 1 → end 2" {...lists[0]!} at={at} byPid={byPid} />
            <ItemList title="end 2 → end 1" {...lists[1]!} at={at} byPid={byPid} />
          </>
        ) : (
          <ItemList title="front (next out) first" {...lists[0]!} at={at} byPid={byPid} />
        )}
      </div>
    </>
  );
}

function Gauge({ obj, n }: { obj: ChannelObject; n: number }): JSX.Element | null {
  if (obj.maxsize === null) return null;
  const full = n >= obj.maxsize;
  return (
    <div
      className={`insp-gauge${full ? " full" : ""}`}
      role="meter"
      aria-label="Slots used"
      aria-valuemin={0}
      aria-valuemax={obj.maxsize}
      aria-valuenow={Math.min(n, obj.maxsize)}
      aria-valuetext={`${n} of ${obj.maxsize} slots used${full ? ", full" : ""}`}
    >
      {obj.maxsize <= 16 ? (
        Array.from({ length: obj.maxsize }, (_, i) => <span key={i} className={`insp-slot${i < n ? " used" : ""}`} />)
      ) : (
        <span className="insp-bar">
          <span className="insp-bar-fill" style={{ width: `${Math.min(100, (100 * n) / obj.maxsize)}%` }} />
        </span>
      )}
      {full && <span className="insp-full">full</span>}
    </div>
  );
}

/** `items`: the first of the `total` items inside, as many as are listed. */
function ItemList({
  title,
  items,
  total,
  at,
  byPid,
}: {
  title: string;
  items: ObjItem[];
  total: number;
  at: number;
  byPid: ReadonlyMap<number, Lane>;
}): JSX.Element {
  return (
    <section className="insp-list">
      <h4 className="insp-list-title">{title}</h4>
      {total === 0 ? (
        <div className="insp-empty">empty</div>
      ) : (
        <ol className="insp-items" data-testid="inspector.items">
          {items.map((it, k) => {
            const lane = byPid.get(it.putBy);
            return (
              <li
                key={it.itemId}
                className="insp-item"
                data-testid="inspector.item"
                style={{ "--pc": processColor(lane?.index ?? 0) } as CSSProperties}
              >
                <span className="insp-item-pos">{k + 1}</span>
                <span className="insp-item-body">
                  <code className="insp-item-repr">{it.preview}</code>
                  <span className="insp-item-sub">
                    from {lane?.name ?? `pid ${it.putBy}`} · waiting {fmtTime(Math.max(0, at - it.putAt))}
                  </span>
                </span>
              </li>
            );
          })}
          {total > items.length && <li className="insp-more">… and {(total - items.length).toLocaleString()} more</li>}
        </ol>
      )}
    </section>
  );
}
