/**
 * Fresh, private byte arrays for the items a get hands out, cut from 64 KB slabs.
 *
 * Why: allocating an ArrayBuffer costs ~1.5 µs in V8 whatever its size (a backing
 * store, zeroing, and external-memory bookkeeping for the GC), which made a 1 KB
 * item's get cost more than everything else it does. Items cut from one slab are
 * disjoint views, so each is still the receiver's own copy; the slab lives while any
 * of its items does (at most 64 KB kept for one surviving item). An item's `.buffer`
 * is therefore the slab, not an ArrayBuffer of its own.
 */
const SLAB_BYTES = 1 << 16;
/** Small arrays live on V8's heap (cheap already); big ones get their own buffer. */
const MIN_PIECE = 65;
const MAX_PIECE = SLAB_BYTES >> 3;

export class Slab {
  private buf = new ArrayBuffer(0);
  private used = 0;

  alloc(n: number): Uint8Array<ArrayBuffer> {
    if (n < MIN_PIECE || n > MAX_PIECE) return new Uint8Array(n);
    if (this.used + n > this.buf.byteLength) {
      this.buf = new ArrayBuffer(SLAB_BYTES);
      this.used = 0;
    }
    const out = new Uint8Array(this.buf, this.used, n);
    // 8-aligned, so a view of another element type over a piece stays possible.
    this.used += (n + 7) & ~7;
    return out;
  }
}
