/**
 * Byte copies into and out of a ByteQueue's ring, and the one relocation growth needs.
 * Callers hold the queue's lock; nothing here is atomic.
 *
 * A record is an Int32 length word at a 4-aligned offset, then the payload, padded to
 * 4. The capacity is a multiple of 4, so a length word never straddles the end of the
 * ring, while a payload may: it then continues at offset 0.
 */

/**
 * Below this many bytes a plain loop beats `TypedArray.prototype.set`, whose fixed
 * cost (argument checks, a memmove call) is several times that of copying 3 bytes.
 */
const SMALL = 24;

/** Copies `src` into the ring at `pos`, continuing at 0 past `cap`. */
export function copyIn(data: Uint8Array, cap: number, pos: number, src: Uint8Array): void {
  const n = src.length;
  const first = cap - pos;
  if (n <= first) {
    if (n <= SMALL) {
      for (let i = 0; i < n; i++) data[pos + i] = src[i]!;
    } else {
      data.set(src, pos);
    }
    return;
  }
  data.set(src.subarray(0, first), pos);
  data.set(src.subarray(first), 0);
}

/**
 * Copies `n` ring bytes from `pos` into `out` (n bytes, fresh and non-shared: what a
 * get hands out must not change under the caller when the ring is reused).
 */
export function copyOut(
  data: Uint8Array,
  cap: number,
  pos: number,
  n: number,
  out: Uint8Array<ArrayBuffer>,
): Uint8Array<ArrayBuffer> {
  const first = cap - pos;
  if (n <= first) {
    if (n <= SMALL) {
      for (let i = 0; i < n; i++) out[i] = data[pos + i]!;
    } else {
      out.set(data.subarray(pos, pos + n));
    }
    return out;
  }
  out.set(data.subarray(pos, cap));
  out.set(data.subarray(0, n - first), first);
  return out;
}

/**
 * After the buffer grew from `oldCap` to `newCap` ring bytes, keeps the queued bytes
 * (`used` of them from `head`) in ring order and returns the new head.
 *
 * An unwrapped ring needs nothing. A wrapped one has a front part [head, oldCap) and a
 * tail part [0, tail); offsets oldCap..newCap are new free space that would otherwise
 * sit between them. Whichever part is smaller moves: the tail to just after oldCap,
 * or the front to the very end of the new ring. So growth copies at most half the
 * queued bytes, and since capacity at least doubles, each byte is moved O(1) times
 * over its life, amortised.
 */
export function relocate(data: Uint8Array, oldCap: number, newCap: number, head: number, used: number): number {
  const end = head + used;
  if (end <= oldCap) return head;
  const tail = end - oldCap;
  const front = oldCap - head;
  if (tail <= front && tail <= newCap - oldCap) {
    data.copyWithin(oldCap, 0, tail);
    return head;
  }
  // newCap >= used, so [newCap - front, newCap) starts at or after tail: no clobbering.
  data.copyWithin(newCap - front, head, oldCap);
  return newCap - front;
}
