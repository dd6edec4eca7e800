// Typecodes, C wrapping and single precision, as sharedctypes.test.ts expects them.
import { RawValue, Value } from "multiprocessing";
import type { Typecode } from "multiprocessing";

if (__name__ === "__main__") {
  const small = new Value("b", 127);
  small.value += 1;
  print("b:", small.value, new Value("h", 32768).value, new Value("i", 2 ** 31).value, new RawValue("B", 256).value);
  print("q:", new Value("q", 2 ** 53).value, new Value("l", -(2 ** 53)).value, new RawValue("Q", -1).value);
  print("f:", new Value("f", 0.1).value, new Value("f", 16777217).value, "d:", new Value("d", 0.1).value);
  print("c:", new Value<Uint8Array>("c", new Uint8Array([65])).value, new Value("c", 66));
  for (const code of ["x", "u", ""]) {
    try {
      new Value(code as Typecode);
    } catch (e) {
      print(`${(e as Error).name}: ${(e as Error).message}`);
    }
  }
  print(new Value("i", 5), new RawValue("d", 1.5), new Value("i", 5).get_lock());
}
