// A3: Pipe(duplex=False) throughput one way, small ints (cpython_mp.py's b_pipe).
import { Pipe, Process } from "multiprocessing";
import type { Connection } from "multiprocessing";
import * as time from "time";

const N_MSG = 100_000; // as in bench/python/channels.py

function pipe_producer(conn: Connection, n: number) {
  for (let i = 0; i < n; i++) {
    conn.send(i);
  }
}

if (__name__ === "__main__") {
  const [r, w] = Pipe(false);
  const p = new Process({ target: pipe_producer, args: [w, N_MSG] });
  p.start();
  r.recv();
  const t = time.perf_counter();
  for (let i = 0; i < N_MSG - 1; i++) {
    r.recv();
  }
  const dt = time.perf_counter() - t;
  p.join();
  print(`BENCH pipe_msg_s ${((N_MSG - 1) / dt).toFixed(1)}`);
}
