import { describe, expect, it } from "vitest";
import { PicklingError, ValueError, OSError, BaseException } from "../lib/exceptions";
import { dumps, dumpsInto, loads, PickleWriter, UnpicklingError, type PickleHooks } from "./pickleCodec";

const rt = (v: unknown, hooks?: PickleHooks): unknown => {
  const { bytes, shared } = dumps(v, hooks);
  return loads(bytes, shared, hooks);
};

/** A snippet's top-level bindings, as the runtime's lookup would see them. */
const moduleLookup = (bindings: Record<string, unknown>): PickleHooks => ({ lookup: (name) => bindings[name] });

describe("primitives", () => {
  it("round-trips numbers exactly, small ints in 3 bytes", () => {
    const nums = [
      0,
      1,
      -1,
      63,
      -64,
      64,
      127,
      128,
      300,
      2 ** 31 - 1,
      -(2 ** 31),
      2 ** 31,
      2 ** 53,
      -(2 ** 53),
      0.5,
      -0,
      NaN,
      Infinity,
      -Infinity,
      Number.MIN_VALUE,
      1e308,
    ];
    for (const n of nums) expect(Object.is(rt(n), n), String(n)).toBe(true);
    expect(dumps(5).bytes.length).toBe(3);
    expect(dumps(-64).bytes.length).toBe(3);
    expect(dumps(1000).bytes.length).toBe(4);
    expect(dumps(0.5).bytes.length).toBe(10);
  });

  it("encodes undefined and null as None, decoded as null", () => {
    expect(rt(null)).toBeNull();
    expect(rt(undefined)).toBeNull();
    expect(rt([undefined, null])).toEqual([null, null]);
    expect(rt(true)).toBe(true);
    expect(rt(false)).toBe(false);
  });

  it("round-trips strings, including non-ASCII, astral and lone surrogates", () => {
    const strs = [
      "",
      "a",
      "hello world",
      "x".repeat(1000),
      "héllo",
      "日本語",
      "😀 emoji",
      "é".repeat(100),
      "€".repeat(50),
      "\ud800",
      "a\udc00b",
      "\udbff\udfff",
      "\ud83d",
      "mixed ascii then ü and 😀 and \ud800 end",
      "ab😀".repeat(5000),
      "\u0000\u007f\u0080\u07ff\u0800\uffff",
      "\ufeff starts with a byte order mark, and is long enough for the native path",
      "x".repeat(100) + "\udc00" + "y".repeat(100),
    ];
    for (const s of strs) expect(rt(s)).toBe(s);
  });

  it("round-trips bigints", () => {
    for (const b of [0n, 1n, -1n, 255n, 256n, -256n, 2n ** 64n, -(2n ** 200n) + 12345n, 10n ** 100n])
      expect(rt(b)).toBe(b);
  });
});

describe("containers", () => {
  it("round-trips arrays (holes become null), objects, Map, Set, Date, RegExp", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(rt([1, , 3])).toEqual([1, null, 3]);
    const v = {
      a: 1,
      b: "two",
      c: [1, [2, [3, { d: 4 }]]],
      "": 0,
      7: "seven",
      m: new Map<unknown, unknown>([
        [1, "one"],
        ["k", { x: 1 }],
        [{ o: 1 }, [2]],
      ]),
      s: new Set([1, "1", 2n]),
      d: new Date(1700000000123),
      bad: new Date(NaN),
      r: /a+b/giu,
    };
    const out = rt(v) as typeof v;
    expect(out).toEqual(v);
    expect(Object.keys(out)).toEqual(Object.keys(v));
    expect(out.m).toBeInstanceOf(Map);
    expect([...out.m.keys()]).toEqual([...v.m.keys()]);
    expect(out.d.getTime()).toBe(1700000000123);
    expect(Number.isNaN(out.bad.getTime())).toBe(true);
    expect(out.r.source).toBe("a+b");
    expect(out.r.flags).toBe("giu");
  });

  it("keeps null-prototype objects and a `__proto__` key as data", () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.x = 1;
    const out = rt(o) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(out.x).toBe(1);
    const evil = JSON.parse('{"__proto__": {"polluted": true}, "y": 2}') as object;
    const back = rt(evil) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.hasOwn(back, "__proto__")).toBe(true);
    expect(back.y).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("round-trips ArrayBuffer", () => {
    const ab = new Uint8Array([1, 2, 3, 250]).buffer;
    const out = rt(ab) as ArrayBuffer;
    expect(out).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(out)]).toEqual([1, 2, 3, 250]);
  });
});

describe("typed arrays", () => {
  const kinds = [
    Int8Array,
    Uint8Array,
    Uint8ClampedArray,
    Int16Array,
    Uint16Array,
    Int32Array,
    Uint32Array,
    Float32Array,
    Float64Array,
  ] as const;

  it("round-trips every kind, a subarray as just its own elements", () => {
    for (const K of kinds) {
      const full = new K(16).map((_, i) => i * 3 - 7);
      const sub = full.subarray(3, 11);
      const out = rt(sub) as typeof sub;
      expect(out.constructor, K.name).toBe(K);
      expect([...out]).toEqual([...sub]);
      expect(out.byteOffset).toBe(0);
      expect(out.buffer.byteLength).toBe(sub.byteLength);
    }
    for (const K of [BigInt64Array, BigUint64Array] as const) {
      const sub = new K([1n, 2n, 2n ** 63n - 1n, 5n]).subarray(1, 3);
      const out = rt(sub) as typeof sub;
      expect(out.constructor).toBe(K);
      expect([...out]).toEqual([...sub]);
    }
    const F16 = (globalThis as Record<string, unknown>).Float16Array as
      (new (a: number[]) => { length: number }) | undefined;
    if (F16) expect((rt(new F16([1.5, -2])) as object).constructor).toBe(F16);
  });

  it("round-trips a DataView over part of a buffer, and a Node Buffer as a Uint8Array", () => {
    const dv = new DataView(new Uint8Array([9, 8, 7, 6, 5]).buffer, 1, 3);
    const out = rt(dv) as DataView;
    expect(out).toBeInstanceOf(DataView);
    expect([out.getUint8(0), out.getUint8(1), out.getUint8(2)]).toEqual([8, 7, 6]);
    const b = rt(Buffer.from("hi")) as Uint8Array;
    expect(b.constructor).toBe(Uint8Array);
    expect([...b]).toEqual([104, 105]);
  });

  it("copies (the decoded array does not alias the pickle's bytes)", () => {
    const { bytes } = dumps(new Uint8Array([1, 2, 3]));
    const out = loads(bytes) as Uint8Array;
    bytes.fill(0);
    expect([...out]).toEqual([1, 2, 3]);
  });

  it("handles a 50 MB Uint8Array", () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big[0] = 1;
    big[big.length - 1] = 2;
    big[12345678] = 3;
    const t0 = performance.now();
    const { bytes } = dumps(big);
    const t1 = performance.now();
    const out = loads(bytes) as Uint8Array;
    const t2 = performance.now();
    expect(out.length).toBe(big.length);
    expect([out[0], out[12345678], out[big.length - 1]]).toEqual([1, 3, 2]);
    console.log(`50 MB Uint8Array: dumps ${(t1 - t0).toFixed(1)} ms, loads ${(t2 - t1).toFixed(1)} ms`);
  });
});

describe("references", () => {
  it("keeps shared references and cycles", () => {
    const a = [1];
    const [x, y] = rt([a, a]) as number[][];
    expect(x).toBe(y);
    expect(x).toEqual([1]);

    const self: Record<string, unknown> = { name: "self" };
    self.me = self;
    self.list = [self, { back: self }];
    const out = rt(self) as typeof self;
    expect(out.me).toBe(out);
    expect((out.list as unknown[])[0]).toBe(out);
    expect(((out.list as unknown[])[1] as { back: unknown }).back).toBe(out);

    const m = new Map<unknown, unknown>();
    m.set(m, m);
    const mo = rt(m) as Map<unknown, unknown>;
    expect(mo.get(mo)).toBe(mo);

    const s = new Set<unknown>();
    s.add(s);
    const so = rt(s) as Set<unknown>;
    expect(so.has(so)).toBe(true);

    const arr: unknown[] = [];
    arr.push(arr);
    const ao = rt(arr) as unknown[];
    expect(ao[0]).toBe(ao);

    const u8 = new Uint8Array(2);
    const [p, q] = rt([u8, u8]) as Uint8Array[];
    expect(p).toBe(q);
  });
});

class Point {
  x: number;
  y: number;
  static built = 0;
  constructor(x: number, y: number) {
    Point.built++;
    this.x = x;
    this.y = y;
  }
  norm(): number {
    return Math.hypot(this.x, this.y);
  }
}
class Node3 {
  next: Node3 | null = null;
  constructor(readonly label: string) {}
}
class Guarded {
  value = 1;
  set trap(_v: unknown) {
    throw new Error("setter ran");
  }
}

describe("class instances", () => {
  const hooks = moduleLookup({ Point, Node3, Guarded });

  it("rebuilds instances of reachable classes without calling the constructor", () => {
    const p = new Point(3, 4);
    const built = Point.built;
    const out = rt({ p, list: [p] }, hooks) as { p: Point; list: Point[] };
    expect(out.p).toBeInstanceOf(Point);
    expect(out.p.norm()).toBe(5);
    expect(out.list[0]).toBe(out.p);
    expect(Point.built).toBe(built);
  });

  it("rebuilds cycles through instances, and does not run setters", () => {
    const a = new Node3("a"),
      b = new Node3("b");
    a.next = b;
    b.next = a;
    const out = rt(a, hooks) as Node3;
    expect(out).toBeInstanceOf(Node3);
    expect(out.next!.next).toBe(out);
    expect(out.next!.label).toBe("b");
    const g = new Guarded();
    Object.defineProperty(g, "trap", { value: 7, enumerable: true, writable: true, configurable: true });
    const go = rt(g, hooks) as Guarded & { trap: number };
    expect(go.trap).toBe(7);
  });

  it("raises PicklingError for a class the module does not reach by its name", () => {
    class Hidden {
      v = 1;
    }
    expect(() => dumps(new Hidden(), hooks)).toThrow(PicklingError);
    expect(() => dumps({ deep: [new Hidden()] }, hooks)).toThrow(
      "Can't pickle <class '__main__.Hidden'>: attribute lookup Hidden on __main__ failed",
    );
    // Same name, another class: the name does not lead back to it.
    const Impostor = class Point {
      v = 1;
    };
    expect(() => dumps(new Impostor(), hooks)).toThrow(
      "Can't pickle <class '__main__.Point'>: attribute lookup Point on __main__ failed",
    );
  });

  it("without lookup, writes instances, and loads fails clearly where the class is unknown", () => {
    const { bytes } = dumps(new Point(1, 2));
    expect(() => loads(bytes)).toThrow(UnpicklingError);
    expect(() => loads(bytes, [], moduleLookup({}))).toThrow("Can't get attribute 'Point' on <module '__main__'>");
    expect(loads(bytes, [], hooks)).toBeInstanceOf(Point);
  });
});

describe("errors", () => {
  it("rebuilds a Python exception through lookup, with name, message and args", () => {
    const hooks = moduleLookup({ ValueError, OSError });
    const e = rt(new ValueError("bad value"), hooks) as ValueError;
    expect(e).toBeInstanceOf(ValueError);
    expect(e).toBeInstanceOf(BaseException);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("ValueError");
    expect(e.message).toBe("bad value");
    expect(e.args).toEqual(["bad value"]);
    expect(Object.prototype.toString.call(e)).toBe("[object Error]");
    expect(e.stack).toBe("ValueError: bad value");
    const o = rt(new OSError(2, "No such file", "x.txt"), hooks) as OSError;
    expect(o).toBeInstanceOf(OSError);
    expect(o.message).toBe("[Errno 2] No such file: 'x.txt'");
    expect(o.errno).toBe(2);
    expect(o.filename).toBe("x.txt");
  });

  it("falls back to the engine's class of that name, then to Error with the same name", () => {
    const t = rt(new TypeError("nope")) as Error;
    expect(t).toBeInstanceOf(TypeError);
    expect(t.message).toBe("nope");
    const e = rt(new ValueError("v")) as Error;
    expect(e.constructor).toBe(Error);
    expect(e.name).toBe("ValueError");
    expect(e.message).toBe("v");
    class MyErr extends Error {
      code = 42;
    }
    const m = rt(new MyErr("mine"), moduleLookup({ MyErr })) as MyErr;
    expect(m).toBeInstanceOf(MyErr);
    expect(m.code).toBe(42);
    expect(m.name).toBe("Error");
    expect(m.message).toBe("mine");
  });
});

describe("PicklingError", () => {
  it("refuses functions and symbols in CPython's words", () => {
    function work(): void {}
    expect(() => dumps(work)).toThrow(PicklingError);
    expect(() => dumps([1, { f: work }])).toThrow(
      "Can't pickle <function work>: attribute lookup work on __main__ failed",
    );
    expect(() => dumps({ cb: () => 1 }.cb)).toThrow(
      "Can't pickle <function cb>: attribute lookup cb on __main__ failed",
    );
    expect(() => dumps([() => 1])).toThrow(
      "Can't pickle <function <lambda>>: attribute lookup <lambda> on __main__ failed",
    );
    expect(() => dumps(class Foo {})).toThrow(
      "Can't pickle <class '__main__.Foo'>: attribute lookup Foo on __main__ failed",
    );
    expect(() => dumps(Symbol("s"))).toThrow(new PicklingError("cannot pickle 'symbol' object"));
    expect(() => dumps({ s: Symbol.iterator })).toThrow("cannot pickle 'symbol' object");
    expect(() => dumps(new WeakMap())).toThrow("cannot pickle 'WeakMap' object");
    expect(() => dumps(Promise.resolve(1))).toThrow("cannot pickle 'Promise' object");
  });

  it("saves a top-level function or class by name, as pickle does, when lookup finds it", () => {
    function work(): number {
      return 1;
    }
    const hooks = moduleLookup({ work, Point });
    const [f, C] = rt([work, Point], hooks) as [typeof work, typeof Point];
    expect(f).toBe(work);
    expect(C).toBe(Point);
    expect(() => dumps(() => 2, hooks)).toThrow("Can't pickle <function <lambda>>");
  });
});

/** A stand-in for a runtime Lock: its state is a word of shared memory. */
class FakeLock {
  constructor(readonly word: Int32Array) {}
}
const lockHooks: PickleHooks = {
  encodeHandle: (v) =>
    v instanceof FakeLock
      ? { kind: "Lock", state: { sab: v.word.buffer, word: v.word, index: v.word.byteOffset / 4 } }
      : undefined,
  decodeHandle: (kind, state) => {
    expect(kind).toBe("Lock");
    return new FakeLock((state as { word: Int32Array }).word);
  },
};

describe("handles", () => {
  it("writes handles through the hooks, with SharedArrayBuffers in the side table", () => {
    const sab = new SharedArrayBuffer(64);
    const lock = new FakeLock(new Int32Array(sab, 8, 2));
    const other = new FakeLock(new Int32Array(sab, 16, 1));
    const { bytes, shared } = dumps({ lock, again: lock, other, raw: sab }, lockHooks);
    expect(shared).toEqual([sab]);
    expect(shared[0]).toBe(sab);
    const out = loads(bytes, shared, lockHooks) as {
      lock: FakeLock;
      again: FakeLock;
      other: FakeLock;
      raw: SharedArrayBuffer;
    };
    expect(out.lock).toBeInstanceOf(FakeLock);
    expect(out.again).toBe(out.lock);
    expect(out.raw).toBe(sab);
    expect(out.lock.word.buffer).toBe(sab);
    expect([out.lock.word.byteOffset, out.lock.word.length]).toEqual([8, 2]);
    Atomics.store(lock.word, 0, 99);
    expect(Atomics.load(out.lock.word, 0)).toBe(99);
    expect(out.other.word.byteOffset).toBe(16);
  });

  it("lets encodeHandle refuse (CPython's RuntimeError for a Lock in a queue)", () => {
    const refuse: PickleHooks = {
      encodeHandle: () => {
        throw new Error("Lock objects should only be shared between processes through inheritance");
      },
    };
    expect(() => dumps([new FakeLock(new Int32Array(4))], refuse)).toThrow("Lock objects should only");
  });

  it("fails clearly without decodeHandle or without the shared buffers", () => {
    const { bytes, shared } = dumps(new FakeLock(new Int32Array(new SharedArrayBuffer(4))), lockHooks);
    expect(() => loads(bytes, shared)).toThrow("no decodeHandle hook");
    expect(() => loads(bytes, [], lockHooks)).toThrow("shared buffer 0; 0 given");
  });

  it("allows a nested dumps from a hook", () => {
    const nested: PickleHooks = {
      encodeHandle: (v) => (v instanceof FakeLock ? { kind: "Lock", state: dumps([1, 2, 3]).bytes } : undefined),
      decodeHandle: (_k, state) => loads(state as Uint8Array),
    };
    expect(rt(["a", new FakeLock(new Int32Array(1)), "b"], nested)).toEqual(["a", [1, 2, 3], "b"]);
  });
});

describe("bytes", () => {
  const sample = (): unknown => {
    const shared = { s: "shared ü" };
    return [
      1,
      -2,
      3.5,
      "text",
      "日本",
      "a longer string, decoded natively even from shared memory: ü",
      2n ** 70n,
      null,
      true,
      [shared, shared],
      new Map([["k", new Set([1])]]),
      new Date(5),
      /x/g,
      new Float64Array([1.5, 2]),
      new Uint8Array([1, 2]).buffer,
      { a: { b: [] } },
    ];
  };

  it("reads a pickle held in shared memory", () => {
    const { bytes } = dumps(sample());
    const view = new Uint8Array(new SharedArrayBuffer(bytes.length + 10), 5, bytes.length);
    view.set(bytes);
    expect(loads(view)).toEqual(sample());
  });

  it("dumpsInto appends to a reusable writer", () => {
    const w = new PickleWriter(8);
    w.byte(0xee);
    const shared = dumpsInto(sample(), w);
    expect(shared).toEqual([]);
    expect(w.view()[0]).toBe(0xee);
    expect(loads(w.view().subarray(1))).toEqual(sample());
    w.reset();
    dumpsInto("again", w);
    expect(loads(w.view())).toBe("again");
  });

  it("rejects every truncation, trailing bytes, and bad first bytes with UnpicklingError", () => {
    const { bytes } = dumps(sample());
    for (let n = 0; n < bytes.length; n++)
      expect(() => loads(bytes.subarray(0, n)), `prefix ${n}`).toThrow(UnpicklingError);
    expect(() => loads(bytes.subarray(0, 0))).toThrow("pickle data was truncated");
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(() => loads(longer)).toThrow("unexpected bytes after its end");
    expect(() => loads(new Uint8Array(16))).toThrow("invalid load key, '\\x00'.");
    expect(() => loads(new TextEncoder().encode("hello"))).toThrow("invalid load key, 'h'.");
    expect(() => loads(new Uint8Array([0xb1, 0]))).toThrow("invalid load key, '\\x00'.");
    // A huge count with nothing behind it fails at once instead of allocating.
    expect(() => loads(new Uint8Array([0xb1, 10, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toThrow("pickle data was truncated");
    expect(() => loads(new Uint8Array([0xb1, 9, 0]))).toThrow("refers to object 0");
    expect(() => loads(new Uint8Array([0xb1, 6, 2, 0xc3, 0x28]))).toThrow("invalid UTF-8");
  });

  it("never hangs on garbage: each input returns or throws an Error", () => {
    let seed = 12345;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    const good = dumps(sample()).bytes;
    const t0 = performance.now();
    let threw = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const b = trial % 2 ? new Uint8Array(1 + (rand() % 40)).map(rand) : good.slice();
      b[0] = 0xb1;
      if (trial % 2 === 0) for (let k = 0; k < 3; k++) b[1 + ((rand() * 7 + k) % (b.length - 1))] = rand();
      try {
        loads(b);
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        threw++;
      }
    }
    expect(threw).toBeGreaterThan(1000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe("performance (measured, not asserted)", () => {
  /** Best of a few rounds: other processes share this machine, and the best round is the codec's own cost. */
  const time = (label: string, n: number, f: () => void): void => {
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) f();
      best = Math.min(best, ((performance.now() - t0) * 1000) / n);
    }
    console.log(`${label}: ${best < 10 ? best.toFixed(3) : best.toFixed(1)} µs per dumps+loads`);
  };

  it("prints timings", () => {
    let sink = 0;
    time("small int", 100_000, () => {
      const { bytes, shared } = dumps(sink & 1023);
      sink += loads(bytes, shared) as number;
    });
    time("short string", 50_000, () => {
      const { bytes, shared } = dumps("item-42");
      sink += (loads(bytes, shared) as string).length;
    });
    const kb = new Uint8Array(1024).map((_, i) => i);
    time("1 KB Uint8Array", 20_000, () => {
      const { bytes, shared } = dumps(kb);
      sink += (loads(bytes, shared) as Uint8Array).length;
    });
    const w = new PickleWriter();
    time("small int via dumpsInto", 100_000, () => {
      w.reset();
      dumpsInto(7, w);
      sink += loads(w.view()) as number;
    });
    const objs = Array.from({ length: 1000 }, (_, i) => ({ id: i, name: `item ${i}`, score: i / 7, tags: ["a", "b"] }));
    time("1,000 small objects", 100, () => {
      const { bytes, shared } = dumps(objs);
      sink += (loads(bytes, shared) as unknown[]).length;
    });
    const pts = Array.from({ length: 1000 }, (_, i) => new Point(i, -i));
    const hooks = moduleLookup({ Point });
    time("1,000 class instances", 100, () => {
      const { bytes, shared } = dumps(pts, hooks);
      sink += (loads(bytes, shared, hooks) as unknown[]).length;
    });
    const text = "lorem ipsum dolor ".repeat(6000);
    time("100 KB ASCII string", 50, () => {
      const { bytes } = dumps(text);
      sink += (loads(bytes) as string).length;
    });
    const uni = "日本語テキスト".repeat(15000);
    time("100 K-char CJK string", 20, () => {
      const { bytes } = dumps(uni);
      sink += (loads(bytes) as string).length;
    });
    time("structuredClone, for scale: small int", 100_000, () => {
      sink += structuredClone(sink & 1023);
    });
    time("structuredClone, for scale: 1 KB Uint8Array", 20_000, () => {
      sink += structuredClone(kb).length;
    });
    time("structuredClone, for scale: 1,000 small objects", 100, () => {
      sink += structuredClone(objs).length;
    });
    expect(sink).toBeGreaterThan(0);
  }, 120_000);
});

describe("loads from an owned copy", () => {
  it("hands out a Uint8Array as a view of the input instead of a second copy, with the same bytes", () => {
    const item = new Uint8Array(1024).map((_, i) => i & 0xff);
    const { bytes } = dumps(item);
    const owned = loads(bytes, [], undefined, true) as Uint8Array;
    expect(owned).toEqual(item);
    expect(owned.buffer).toBe(bytes.buffer);
    const copied = loads(bytes) as Uint8Array;
    expect(copied).toEqual(item);
    expect(copied.buffer).not.toBe(bytes.buffer);
    expect(copied.byteLength).toBe(copied.buffer.byteLength);
  });

  it("still copies other views, whose alignment a view of the input could break", () => {
    const f = new Float64Array([1.5, -2, 3e300]);
    const { bytes } = dumps(f);
    const back = loads(bytes, [], undefined, true) as Float64Array;
    expect(back).toBeInstanceOf(Float64Array);
    expect(Array.from(back)).toEqual([1.5, -2, 3e300]);
  });
});
