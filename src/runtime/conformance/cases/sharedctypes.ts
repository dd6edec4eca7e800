import { Array, Lock, Process, Queue, RawArray, RawValue, Value } from "multiprocessing";
import type { Typecode } from "multiprocessing";

function attempt(label: string, f: () => unknown) {
  try {
    print(label, f());
  } catch (e) {
    print(label, `${(e as Error).name}: ${(e as Error).message}`);
  }
}

function add(counter: Value, total: Value, n: number) {
  for (let i = 0; i < n; i++) {
    with_(counter.get_lock(), () => {
      counter.value += 1;
    });
  }
  with_(total, () => {
    total.value += n;
  });
}

function fill(arr: Array, raw: RawArray, text: Array<Uint8Array>) {
  for (let i = 0; i < arr.length; i++) arr[i] = arr[i]! * 10;
  raw[-1] = 99;
  text.value = new Uint8Array([99, 104, 105, 108, 100]);
}

const bytes = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

if (__name__ === "__main__") {
  for (const code of "bhilqc") print(code, new Value(code as Typecode), new RawValue(code as Typecode));
  attempt("b wraps:", () => new Value("b", 127 + 1).value);
  let v = new Value("b", 127);
  v.value += 1;
  print("b 127 + 1:", v.value);
  attempt("h wraps:", () => new Value("h", 40000).value);
  attempt("i wraps:", () => new Value("i", 2 ** 31).value);
  attempt("B wraps:", () => new RawValue("B", -1).value);
  attempt("q:", () => new Value("q", -(2 ** 53)).value);
  attempt("l:", () => new RawValue("l", 2 ** 53).value);
  attempt("f:", () => new Value("f", 0.1).value);
  attempt("d:", () => new Value("d", 0.1).value);
  attempt("c:", () => new Value("c", bytes("a")).value);
  attempt("c int:", () => new Value("c", 97));
  attempt("c str:", () => new Value("c", "a" as never));
  attempt("x:", () => new Value("x" as Typecode, 1));
  attempt("i float:", () => new Value("i", 1.5));
  attempt("i str:", () => new Value("i", "one" as never));
  attempt("d str:", () => new Value("d", "one" as never));
  attempt("no args:", () => new (Value as new () => unknown)());
  attempt("bad keyword:", () => new Value("i", 1, { foo: 1 } as never));
  attempt("lock 3:", () => new Value("i", 1, { lock: 3 as never }));
  v = new Value("i", 5);
  print(v, v.get_lock(), v.value);
  print(new Value("d", 1.5), new Value("i", 1, { lock: false }), new RawValue("d", 2.5));
  attempt("raw get_lock:", () => (new RawValue("d", 2.5) as unknown as Value).get_lock());
  attempt("unlocked get_lock:", () => new Value("i", 1, { lock: false }).get_lock());
  const lock = new Lock();
  v = new Value("i", 7, { lock });
  print("own lock:", v.get_lock() === lock, v.get_lock());
  with_(v, () => print("with v:", lock));
  print(v.get_obj());

  const a = new Array("i", [1, 2, 3]);
  print(a.get_lock(), a.length, a[0], a[-1], a.slice(), [...a]);
  attempt("a[3]:", () => a[3]);
  attempt("a[-4]:", () => a[-4]);
  attempt("a[3] = 1:", () => (a[3] = 1));
  attempt("a[0] = 1.5:", () => (a[0] = 1.5));
  a[1] = 20;
  print(a.slice(), a.slice(1), a.slice(null, -1), a.slice(null, null, 2), a.slice(null, null, -1), a.slice(5, 9));
  a.set([7, 8]);
  print(a.slice());
  attempt("a[2:4] = [1, 2]:", () => a.set([1, 2], 2));
  attempt("Array x:", () => new Array("x" as Typecode, 3));
  attempt("Array -1:", () => new Array("i", -1));
  attempt("Array 2.5:", () => new Array("i", 2.5));
  attempt("Array None:", () => new Array("i", null as never));
  attempt("Array str:", () => new Array("i", "abc" as never));
  attempt("Array missing:", () => new (Array as unknown as new (t: string) => unknown)("i"));
  attempt("Array bytes:", () => new Array("b", [127, 128, 300]).slice());
  attempt("Array f:", () => new Array("f", [0.1, 0.25]).slice());
  attempt("Array len 0:", () => new Array("i", 0).slice());
  attempt("value of i array:", () => new Array("i", 3).value);
  attempt("raw array get_lock:", () => (new RawArray("i", 2) as unknown as Array).get_lock());
  const s = new Array<Uint8Array>("c", bytes("hi!"));
  print(s[0], s.slice(), s.value, s.raw, s.slice(1));
  s.value = bytes("a");
  print(s.raw, s.value);
  attempt("too long:", () => (s.value = bytes("abcd")));
  print(new RawArray("d", [1.5, 2.5]).slice(), new RawArray("i", 2).slice());

  const q = new Queue();
  for (const o of [
    new Value("i", 1),
    new Array("i", 2),
    new Array("c", 2),
    new RawValue("i", 1),
    new RawArray("i", 2),
    new RawValue("d", 1),
    new Value("c", 1, { lock: false }),
  ]) {
    attempt("put:", () => q.put(o));
  }

  const counter = new Value("i", 0);
  const total = new Value("q", 0);
  const ps = [0, 1, 2].map(() => new Process({ target: add, args: [counter, total, 500] }));
  for (const p of ps) p.start();
  for (const p of ps) p.join();
  print("counter:", counter.value, "total:", total.value);

  const arr = new Array("d", [0.25, 1.25, 2.25]);
  const raw = new RawArray("i", 3);
  const text = new Array<Uint8Array>("c", 8);
  const p = new Process({ target: fill, args: [arr, raw, text] });
  p.start();
  p.join();
  print("child wrote:", arr.slice(), raw.slice(), text.value);
}
