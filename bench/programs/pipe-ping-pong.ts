// A3: duplex Pipe ping-pong, N_PING round trips after one warm-up, µs per round trip (cpython_mp.py's b_pingpong).
import { Pipe, Process } from "multiprocessing";
import type { Connection } from "multiprocessing";
import * as time from "time";

const N_PING = 20_000; // as in bench/python/channels.py

function pipe_echo(conn: Connection) {
  for (;;) {
    const x = conn.recv();
    if (x === null) {
      break;
    }
    conn.send(x);
  }
}

if (__name__ === "__main__") {
  const [a, b] = Pipe();
  const p = new Process({ target: pipe_echo, args: [b] });
  p.start();
  a.send(0); // warm up
  a.recv();
  const t = time.perf_counter();
  for (let i = 0; i < N_PING; i++) {
    a.send(i);
    a.recv();
  }
  const dt = time.perf_counter() - t;
  a.send(null);
  p.join();
  print(`BENCH pingpong_us ${((dt / N_PING) * 1e6).toFixed(2)}`);
}
