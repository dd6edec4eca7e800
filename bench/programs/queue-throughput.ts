// A2: Queue throughput child→parent (cpython_mp.py's b_queue): the child puts N_MSG
// items, small ints (its loop counter) or one 1 KB byte string again and again; the
// parent's first get() starts the clock, the other N_MSG - 1 are timed.
// Extra field: the parent's join() after the last get, ms.
import { Process, Queue } from "multiprocessing";
import * as time from "time";

const N_MSG = 100_000; // as in bench/python/channels.py
/** "ints" or "bytes": the harness sets it for each variant (bench/programs.ts). */
const PAYLOAD: string = "ints";

function q_producer(q: Queue, n: number, payload: Uint8Array | null) {
  for (let i = 0; i < n; i++) {
    q.put(payload !== null ? payload : i);
  }
}

if (__name__ === "__main__") {
  const payload = PAYLOAD === "bytes" ? new Uint8Array(1024).fill(0x78) /* b"x" * 1024 */ : null;
  const q = new Queue();
  const p = new Process({ target: q_producer, args: [q, N_MSG, payload] });
  p.start();
  q.get(); // first item: producer is up, start clock
  const t = time.perf_counter();
  for (let i = 0; i < N_MSG - 1; i++) {
    q.get();
  }
  const dt = time.perf_counter() - t;
  const t1 = time.perf_counter();
  p.join();
  const joinMs = (time.perf_counter() - t1) * 1000;
  print(`BENCH queue_${PAYLOAD}_msg_s ${((N_MSG - 1) / dt).toFixed(1)} join_ms=${joinMs.toFixed(2)}`);
}
