/**
 * Growing typed arrays: the one helper behind every column that grows (the kernel's op
 * rows and batches, the UI's item columns and time series). Typed arrays keep numbers
 * outside the JS heap, where the garbage collector neither copies nor walks them; a
 * plain array of a million numbers is copied on the heap at every growth.
 */

type Typed = Float64Array | Int32Array;

/**
 * `a` if it holds at least `need` elements, otherwise a copy of it at least twice as
 * long (and at least `need`), spare elements set to `fill`.
 */
export function ensureLength<A extends Typed>(a: A, need: number, fill = 0): A {
  if (need <= a.length) return a;
  let n = Math.max(1, a.length * 2);
  while (n < need) n *= 2;
  return grownCopy(a, n, fill);
}

/** A new array of `length` elements holding `a`'s, then `fill`. */
export function grownCopy<A extends Typed>(a: A, length: number, fill = 0): A {
  const next = new (a.constructor as new (n: number) => A)(length);
  next.set(a);
  if (fill !== 0) next.fill(fill, a.length);
  return next;
}
