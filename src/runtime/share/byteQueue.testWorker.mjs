// A worker_thread for byteQueue.threads.test.ts: another thread opening the same queues.
// Plain .mjs so Node can start it; tsx (registered here, as in ../node/process.node.mjs)
// compiles byteQueue.ts on import. One task per worker, given in workerData; the
// result is posted back once.
import { register } from "tsx/esm/api";
import { parentPort, workerData } from "node:worker_threads";

register();
const { ByteQueue } = await import("./byteQueue.ts");

/** Item i of producer `id`, `size` bytes: a 4-byte tag, then a pattern a reader can check. */
function fill(buf, id, i) {
  // Big-endian, as DataView.getUint32 reads it back; no DataView here: at a million
  // items a second, allocating one per item costs as much as the put.
  const tag = id * 0x1000000 + i;
  buf[0] = tag >>> 24;
  buf[1] = (tag >>> 16) & 0xff;
  buf[2] = (tag >>> 8) & 0xff;
  buf[3] = tag & 0xff;
  for (let k = 4; k < buf.length; k++) buf[k] = (i + k) & 0xff;
  return buf;
}

/** Says it is ready, then sleeps until the test thread sets the go word, so start-up is not timed. */
function awaitGo(go) {
  if (!go) return;
  parentPort.postMessage({ ready: true });
  const w = new Int32Array(go);
  while (Atomics.load(w, 0) === 0) Atomics.wait(w, 0, 0, 50);
}

const t = workerData;
const tasks = {
  /** Puts `count` items; `varied` sizes force the ring to grow while others read it. */
  produce() {
    const q = new ByteQueue(t.state);
    const fixed = new Uint8Array(t.size ?? 8);
    const timeout = t.timeoutMs ?? null;
    awaitGo(t.go);
    const t0 = performance.now();
    for (let i = 0; i < t.count; i++) {
      const buf = t.varied ? new Uint8Array(4 + ((i * 7919) % 3000)) : fixed;
      fill(buf, t.id, i);
      // With a timeout, retry on "full": exercises waiters that give up and come back.
      for (let r = q.put(buf, timeout); r !== "ok"; r = q.put(buf, timeout)) if (r !== "full") throw new Error(r);
    }
    return { ms: performance.now() - t0 };
  },
  /** Gets until "closed" (retrying on "empty" if given a timeout); returns each item's tag and seq, in the order got. */
  consume() {
    const q = new ByteQueue(t.state);
    const tags = [];
    const seqs = [];
    const timeout = t.timeoutMs ?? null;
    for (;;) {
      const r = q.get(timeout);
      if (r === "closed") break;
      if (r === "empty") continue;
      tags.push(((r[0] << 24) | (r[1] << 16) | (r[2] << 8) | r[3]) >>> 0);
      seqs.push(q.lastGetSeq);
    }
    return { tags, seqs };
  },
  /** Answers each item from `in` with the same bytes on `out`: the ping-pong partner. */
  echo() {
    const a = new ByteQueue(t.in);
    const b = new ByteQueue(t.out);
    for (let i = 0; i < t.count; i++) {
      const r = a.get(null);
      if (typeof r === "string") throw new Error(r);
      b.put(r, null);
    }
    return {};
  },
  /** Announces itself, then blocks in get, poll or put (on a full queue) until woken. */
  block() {
    const q = new ByteQueue(t.state);
    parentPort.postMessage({ blocking: true });
    const t0 = performance.now();
    const timeout = t.timeoutMs ?? null;
    const r = t.op === "put" ? q.put(new Uint8Array([9]), timeout) : t.op === "poll" ? q.poll(timeout) : q.get(timeout);
    return { result: typeof r === "string" ? r : Array.from(r), ms: performance.now() - t0 };
  },
};

const task = tasks[t.task];
if (!task) throw new Error(`unknown task ${t.task}`);
parentPort.postMessage({ done: task() });
