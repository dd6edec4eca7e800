/**
 * Reading a ByteQueue for observers: the split item counters and a full snapshot.
 * Every function here runs under the queue's lock (the caller holds it).
 *
 * The counters are 53-bit numbers in two Int32 words, so a long run cannot wrap them;
 * both words change only under the lock, which is why reading them takes it too
 * (an unlocked reader could pair an old high word with a new low word).
 */
import * as layout from "./byteQueueLayout";
import * as ring from "./byteQueueRing";

const { CLOSED, COUNT, FLAGS, GET_HI, GET_LO, HEAD, PUT_HI, PUT_LO, recordBytes } = layout;
const { copyOut } = ring;

/** A consistent picture for inspectors. */
export interface ByteQueueSnapshot {
  /** Copies of the queued items, oldest first; items[i] has seq firstSeq + i. */
  items: Uint8Array<ArrayBuffer>[];
  firstSeq: number;
  putCount: number;
  getCount: number;
  closed: boolean;
  /** Ring bytes committed. */
  capacityBytes: number;
}

/** Increments a split counter and returns its new value. */
export function bump(h: Int32Array, lo: number, hi: number): number {
  const l = (h[lo]! + 1) | 0;
  h[lo] = l;
  if (l === 0) h[hi]!++;
  return read(h, lo, hi);
}

export function read(h: Int32Array, lo: number, hi: number): number {
  return h[hi]! * 0x100000000 + (h[lo]! >>> 0);
}

/** Walks the ring from its head, copying each record's payload. */
export function readSnapshot(h: Int32Array, data: Uint8Array, words: Int32Array, cap: number): ByteQueueSnapshot {
  const items: Uint8Array<ArrayBuffer>[] = [];
  let p = h[HEAD]!;
  for (let k = h[COUNT]!; k > 0; k--) {
    const n = words[p >> 2]!;
    items.push(copyOut(data, cap, p + 4 === cap ? 0 : p + 4, n, new Uint8Array(n)));
    p += recordBytes(n);
    if (p >= cap) p -= cap;
  }
  const getCount = read(h, GET_LO, GET_HI);
  return {
    items,
    firstSeq: getCount + 1,
    putCount: read(h, PUT_LO, PUT_HI),
    getCount,
    closed: (h[FLAGS]! & CLOSED) !== 0,
    capacityBytes: cap,
  };
}
