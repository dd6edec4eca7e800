/**
 * What the browser spends drawing a frame after our code ran: style, layout and
 * paint, which no JavaScript timer around a React render sees.
 *
 * Why: the UI thread's pacing (runStore's flushes, the live timeline's ticks) keeps
 * its work to a share of the time, so the processes being watched keep the cores.
 * Measured on a 100,000-operation run, the browser's own frame work was larger than
 * the JavaScript that asked for it; pacing on JavaScript alone let the UI thread
 * take three quarters of a core.
 *
 * How: a requestAnimationFrame callback runs just before the frame's rendering
 * steps, and a message posted from it is delivered just after them.
 */

type Waiter = (paintMs: number) => void;

const MAX_WAITERS = 8;

let waiters: Waiter[] = [];
let channel: MessageChannel | null = null;
let rafAt = 0;

function deliver(): void {
  const paintMs = performance.now() - rafAt;
  const ws = waiters;
  waiters = [];
  for (const w of ws) w(paintMs);
}

/** Calls `done` with the next frame's rendering time, in ms; never, where there are no frames (Node, tests). */
export function afterNextPaint(done: Waiter): void {
  if (typeof requestAnimationFrame !== "function" || typeof MessageChannel !== "function") return;
  // A hidden page has no frames: keep the newest few waiters, not one per flush.
  if (waiters.length >= MAX_WAITERS) waiters.shift();
  waiters.push(done);
  if (waiters.length > 1) return;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = deliver;
  }
  const port = channel.port2;
  requestAnimationFrame(() => {
    rafAt = performance.now();
    port.postMessage(0);
  });
}
