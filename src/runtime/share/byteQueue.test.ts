/**
 * ByteQueue on one thread: FIFO and numbering, close, timeouts, growth (including the
 * wrapped-ring relocation), the fixed-size fallback and the capacity cases the
 * brief requires (1,000,000 small items, one 50 MB item). Threads: byteQueue.threads.test.ts.
 */
import { describe, expect, it } from "vitest";
import { ByteQueue, type ByteQueueOptions } from "./byteQueue";
import { ByteQueueTasks } from "./byteQueueTasks";
import { relocate } from "./byteQueueRing";
import { GROWABLE_SUPPORTED } from "./byteQueueLayout";
import { Mutex } from "./mutex";

const bytes = (...xs: number[]) => new Uint8Array(xs);
const open = (opts: Parameters<typeof ByteQueue.create>[0] = {}) => new ByteQueue(ByteQueue.create(opts));
/** Cheap equality for hot test loops; expect() only runs to report a difference. */
const same = (r: Uint8Array | string, want: Uint8Array | undefined) =>
  want === undefined
    ? r === "empty"
    : typeof r !== "string" && r.length === want.length && r.every((x, i) => x === want[i]);
/** Timeouts may end late (a loaded machine), never early. */
const SLACK_MS = 500;

describe("ByteQueue basics", () => {
  it("is FIFO and numbers puts and gets alike", () => {
    const q = open();
    expect(q.put(bytes(1), 0)).toBe("ok");
    expect(q.lastPutSeq).toBe(1);
    expect(q.put(bytes(2, 2), 0)).toBe("ok");
    expect(q.put(new Uint8Array(0), 0)).toBe("ok");
    expect(q.lastPutSeq).toBe(3);
    expect([q.size(), q.bytes()]).toEqual([3, 3]);
    expect(q.get(0)).toEqual(bytes(1));
    expect(q.lastGetSeq).toBe(1);
    expect(q.get(0)).toEqual(bytes(2, 2));
    expect(q.get(0)).toEqual(new Uint8Array(0));
    expect(q.lastGetSeq).toBe(3);
    expect(q.get(0)).toBe("empty");
    expect([q.putCount(), q.getCount(), q.size(), q.bytes()]).toEqual([3, 3, 0, 0]);
  });

  it("copies on put and hands out non-shared copies", () => {
    const q = open();
    const src = bytes(1, 2, 3);
    q.put(src, 0);
    src[0] = 99;
    const r = q.get(0);
    expect(r).toEqual(bytes(1, 2, 3));
    expect((r as Uint8Array).buffer).toBeInstanceOf(ArrayBuffer);
  });

  it("items got one after another are disjoint copies, even when cut from one slab", () => {
    const q = open();
    const a = new Uint8Array(1024).fill(1);
    const b = new Uint8Array(1000).fill(2);
    q.put(a, 0);
    q.put(b, 0);
    const ga = q.get(0) as Uint8Array;
    const gb = q.get(0) as Uint8Array;
    expect([ga.length, gb.length]).toEqual([1024, 1000]);
    ga.fill(7);
    expect(gb.every((x) => x === 2)).toBe(true);
    gb.fill(9);
    expect(ga.every((x) => x === 7)).toBe(true);
    expect(ga.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it("views of one state share the queue", () => {
    const state = ByteQueue.create();
    const a = new ByteQueue(state);
    const b = new ByteQueue(structuredClone(state));
    a.put(bytes(7), 0);
    expect(b.size()).toBe(1);
    expect(b.get(0)).toEqual(bytes(7));
    expect(b.lastGetSeq).toBe(a.lastPutSeq);
  });

  it("close refuses puts, drains gets, then says closed", () => {
    const q = open();
    q.put(bytes(1), 0);
    q.put(bytes(2), 0);
    q.close();
    q.close();
    expect(q.closed).toBe(true);
    expect(q.put(bytes(3), null)).toBe("closed");
    expect(q.poll(null)).toBe("ready");
    expect(q.get(null)).toEqual(bytes(1));
    expect(q.get(null)).toEqual(bytes(2));
    expect(q.get(null)).toBe("closed");
    expect(q.poll(null)).toBe("closed");
  });

  it("snapshot and peekAll copy the queue without changing it", () => {
    const q = open();
    for (let i = 0; i < 5; i++) q.put(bytes(i), 0);
    q.get(0);
    const s = q.snapshot();
    expect(s.items).toEqual([bytes(1), bytes(2), bytes(3), bytes(4)]);
    expect([s.firstSeq, s.putCount, s.getCount, s.closed]).toEqual([2, 5, 1, false]);
    expect(q.peekAll()).toEqual(s.items);
    expect(q.size()).toBe(4);
  });

  it("counts unfinished tasks for JoinableQueue", () => {
    const q = open();
    const tasks = new ByteQueueTasks(q.state);
    expect(tasks.join(0)).toBe(true);
    q.put(bytes(1), 0);
    q.put(bytes(2), 0);
    expect(q.put(bytes(3), 0) && q.get(0) && tasks.unfinished()).toBe(3);
    expect(tasks.join(0)).toBe(false);
    const t0 = performance.now();
    expect(tasks.join(30)).toBe(false);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(30);
    for (let i = 0; i < 3; i++) expect(tasks.taskDone()).toBe(true);
    expect(tasks.taskDone()).toBe(false);
    expect(tasks.join(null)).toBe(true);
  });

  it("the mutex excludes and hands over", () => {
    const m = new Mutex(new Int32Array(new SharedArrayBuffer(4)), 0);
    m.lock();
    expect(m.tryLock()).toBe(false);
    m.unlock();
    expect(m.tryLock()).toBe(true);
    expect(m.isLocked()).toBe(true);
    m.unlock();
  });
});

describe("ByteQueue bounds and timeouts", () => {
  it("a bounded queue is full at maxItems", () => {
    const q = open({ maxItems: 2 });
    expect(q.put(bytes(1), 0)).toBe("ok");
    expect(q.put(bytes(2), 0)).toBe("ok");
    expect(q.put(bytes(3), 0)).toBe("full");
    q.get(0);
    expect(q.put(bytes(3), 0)).toBe("ok");
  });

  it.each([0.5, 30, 120])("get on empty and put on full give up after %s ms", (ms) => {
    const q = open({ maxItems: 1 });
    let t0 = performance.now();
    expect(q.get(ms)).toBe("empty");
    let dt = performance.now() - t0;
    expect(dt).toBeGreaterThanOrEqual(ms);
    expect(dt).toBeLessThan(ms + SLACK_MS);
    q.put(bytes(1), 0);
    t0 = performance.now();
    expect(q.put(bytes(2), ms)).toBe("full");
    dt = performance.now() - t0;
    expect(dt).toBeGreaterThanOrEqual(ms);
    expect(dt).toBeLessThan(ms + SLACK_MS);
  });

  it("an item that can never fit throws RangeError", () => {
    const q = open({ maxBytes: 1024 });
    expect(() => q.put(new Uint8Array(2000), null)).toThrow(RangeError);
    expect(q.put(new Uint8Array(1000), 0)).toBe("ok");
  });

  it("a fixed ring reports full when bytes run out, and takes puts again after gets", () => {
    const q = open({ growable: false, fallbackBytes: 256 });
    expect(q.capacityBytes()).toBe(256);
    expect(q.put(new Uint8Array(200), 0)).toBe("ok");
    expect(q.put(new Uint8Array(100), 0)).toBe("full");
    const t0 = performance.now();
    expect(q.put(new Uint8Array(100), 20)).toBe("full");
    expect(performance.now() - t0).toBeGreaterThanOrEqual(20);
    q.get(0);
    expect(q.put(new Uint8Array(100), 0)).toBe("ok");
  });
});

describe("ByteQueue ring growth", () => {
  it("relocate moves the smaller part of a wrapped ring", () => {
    // Tail part smaller: it moves to just after the old end.
    let d = Uint8Array.from({ length: 32 }, (_, i) => (i < 4 ? 100 + i : i >= 8 ? i : 0));
    expect(relocate(d, 16, 32, 8, 12)).toBe(8);
    expect(Array.from(d.subarray(8, 20))).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 100, 101, 102, 103]);
    // Front part smaller: it moves to the new end.
    d = Uint8Array.from({ length: 32 }, (_, i) => (i < 12 ? 100 + i : i >= 12 && i < 16 ? i : 0));
    expect(relocate(d, 16, 32, 12, 16)).toBe(28);
    expect(Array.from(d.subarray(28, 32))).toEqual([12, 13, 14, 15]);
    expect(Array.from(d.subarray(0, 12))).toEqual(Array.from({ length: 12 }, (_, i) => 100 + i));
    // Not wrapped: nothing moves.
    expect(relocate(d, 16, 32, 4, 8)).toBe(4);
  });

  it.each<[string, ByteQueueOptions]>([
    ["growable", { initialBytes: 64 }],
    ["fixed", { growable: false, fallbackBytes: 2048 }],
  ])("agrees with an array model through wraps and growth (%s)", (_, opts) => {
    const q = open(opts);
    const model: Uint8Array[] = [];
    let seed = 12345;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
    for (let step = 0; step < 20000; step++) {
      if (rand(100) < 55) {
        const item = Uint8Array.from({ length: rand(step % 1000 < 500 ? 40 : 400) }, () => rand(256));
        const r = q.put(item, 0);
        if (r === "ok") model.push(item);
        else expect(r === "full" && opts.growable === false && model.length > 0).toBe(true);
      } else {
        const r = q.get(0);
        const want = model.shift();
        if (!same(r, want)) expect(r).toEqual(want ?? "empty");
      }
      if (q.size() !== model.length) expect(q.size()).toBe(model.length);
    }
    expect(q.peekAll()).toEqual(model);
    if (opts.growable === undefined && GROWABLE_SUPPORTED) expect(q.capacityBytes()).toBeGreaterThan(64);
  });
});

describe("ByteQueue capacity", () => {
  it.each<[string, ByteQueueOptions]>([
    ["growable", {}],
    ["fixed 64 MiB fallback", { growable: false }],
  ])("holds 1,000,000 three-byte items in order (%s)", (_, opts) => {
    const q = open(opts);
    const n = 1_000_000;
    const item = new Uint8Array(3);
    for (let i = 0; i < n; i++) {
      item[0] = i & 0xff;
      item[1] = (i >> 8) & 0xff;
      item[2] = i >> 16;
      if (q.put(item, 0) !== "ok") expect.fail(`put ${i} failed`);
    }
    expect([q.size(), q.bytes(), q.putCount()]).toEqual([n, 3 * n, n]);
    for (let i = 0; i < n; i++) {
      const r = q.get(0) as Uint8Array;
      if (r[0]! + (r[1]! << 8) + (r[2]! << 16) !== i) expect.fail(`item ${i} came out as ${Array.from(r)}`);
    }
    expect(q.get(0)).toBe("empty");
  });

  it.each([
    ["growable", {}],
    ["fixed 64 MiB fallback", { growable: false }],
  ] as const)("holds a 50 MB item (%s)", (_, opts) => {
    const q = open(opts);
    q.put(bytes(1, 2, 3), 0);
    q.get(0); // leaves the head off 0, so the big item starts mid-ring
    q.put(bytes(4), 0);
    const big = new Uint8Array(50 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4093) big[i] = (i / 4093) & 0xff;
    big[big.length - 1] = 0xee;
    expect(q.put(big, 0)).toBe("ok");
    expect(q.bytes()).toBe(big.length + 1);
    expect(q.get(0)).toEqual(bytes(4));
    const r = q.get(0) as Uint8Array;
    expect(r.length).toBe(big.length);
    let same = true;
    for (let i = 0; i < big.length; i += 4093) same &&= r[i] === big[i];
    expect(same && r[big.length - 1] === 0xee).toBe(true);
  });
});

describe("ByteQueue speed on one thread (printed, not asserted)", () => {
  it("put+get of 8-byte items", () => {
    const q = open();
    const item = new Uint8Array(8);
    const n = 2_000_000;
    for (let i = 0; i < 100_000; i++) {
      q.put(item, 0);
      q.get(0);
    }
    let t0 = performance.now();
    for (let i = 0; i < n; i++) {
      q.put(item, 0);
      q.get(0);
    }
    const alt = performance.now() - t0;
    t0 = performance.now();
    for (let i = 0; i < n; i++) q.put(item, 0);
    for (let i = 0; i < n; i++) q.get(0);
    const bulk = performance.now() - t0;
    const rate = (ms: number) => `${(((n / ms) * 1000) / 1e6).toFixed(2)} M pairs/s`;
    console.log(
      `[byteQueue] 1 thread, 8-byte items: alternating put/get ${rate(alt)}; ${n} puts then ${n} gets ${rate(bulk)}; growable=${GROWABLE_SUPPORTED}`,
    );
  });
});
