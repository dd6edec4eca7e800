// Indexing, index errors and the global Array's statics where Array is imported.
import { Array, RawArray } from "multiprocessing";

if (__name__ === "__main__") {
  const a = new Array("i", [10, 20, 30]);
  a[1] = a[-1]! + 1;
  print(a.slice(), a.length, [...new RawArray("b", [127, 128])]);
  for (const i of [3, -4, 1.5]) {
    try {
      print(a[i]);
    } catch (e) {
      print(`${(e as Error).name}: ${(e as Error).message}`);
    }
  }
  try {
    a[3] = 1;
  } catch (e) {
    print(`${(e as Error).name}: ${(e as Error).message}`);
  }
  print(
    Array.from("ab"),
    Array.from([1, 2], (x) => x * 2),
    Array.isArray([1]),
    Array.isArray(a),
    Array.of(7, 8),
  );
  print(a);
}
