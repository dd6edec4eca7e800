/**
 * The browser workloads as playground programs. Each measures itself with
 * time.perf_counter() and prints one `BENCH <name> <value> [key=value ...]` line last.
 */

/**
 * A1: start+join of an empty Process, N=20 sequentially after 2 warm-up rounds (cpython_mp.py's b_spawn).
 * Extra fields: mean time inside start(), and the slowest single start+join.
 */
export const SPAWN_JOIN = `import { Process } from "multiprocessing";
import * as time from "time";

function empty() {}

if (__name__ === "__main__") {
  const N = 20;
  for (let i = 0; i < 2; i++) {
    const p = new Process({ target: empty });
    p.start();
    p.join();
  }
  let inStart = 0;
  let slowest = 0;
  const t = time.perf_counter();
  for (let i = 0; i < N; i++) {
    const t0 = time.perf_counter();
    const p = new Process({ target: empty });
    p.start();
    const t1 = time.perf_counter();
    p.join();
    inStart += t1 - t0;
    slowest = Math.max(slowest, time.perf_counter() - t0);
  }
  const ms = ((time.perf_counter() - t) / N) * 1000;
  const extra = \`start_ms=\${((inStart / N) * 1000).toFixed(3)} slowest_ms=\${(slowest * 1000).toFixed(3)}\`;
  print(\`BENCH spawn_join_ms \${ms.toFixed(3)} \${extra}\`);
}
`;

export const PRINT_LINES_PER_PROC = 50_000;

/** P1: two children print 50,000 lines each; the parent times start()..join(). */
export const PRINT_LINES = `import { Process } from "multiprocessing";
import * as time from "time";

function writer(n: number) {
  for (let i = 0; i < n; i++) {
    print(i);
  }
}

if (__name__ === "__main__") {
  const epoch0 = time.time();
  const t = time.perf_counter();
  const a = new Process({ target: writer, args: [${PRINT_LINES_PER_PROC}] });
  const b = new Process({ target: writer, args: [${PRINT_LINES_PER_PROC}] });
  a.start();
  b.start();
  a.join();
  b.join();
  const ms = (time.perf_counter() - t) * 1000;
  const epoch1 = time.time();
  // Wall-clock stamps let the harness split click-to-shown into before/during/after the program.
  print(\`BENCH print_lines_ms \${ms.toFixed(1)} start_epoch_ms=\${(epoch0 * 1000).toFixed(1)} end_epoch_ms=\${(epoch1 * 1000).toFixed(1)}\`);
}
`;

/** cpython_mp.py's N_MSG and N_PING. */
export const N_MSG = 100_000;
export const N_PING = 20_000;

export type QueuePayload = "ints" | "bytes";

/**
 * A2: Queue throughput child→parent (cpython_mp.py's b_queue): the child puts N_MSG
 * items, small ints (its loop counter) or one 1 KB byte string again and again; the
 * parent's first get() starts the clock, the other N_MSG - 1 are timed.
 * Extra field: the parent's join() after the last get, ms.
 */
export function queueSnippet(payload: QueuePayload): string {
  const arg = payload === "bytes" ? `new Uint8Array(1024).fill(0x78) /* b"x" * 1024 */` : "null";
  return `import { Process, Queue } from "multiprocessing";
import * as time from "time";

const N_MSG = ${N_MSG};

function q_producer(q: Queue, n: number, payload: Uint8Array | null) {
  for (let i = 0; i < n; i++) {
    q.put(payload !== null ? payload : i);
  }
}

if (__name__ === "__main__") {
  const q = new Queue();
  const p = new Process({ target: q_producer, args: [q, N_MSG, ${arg}] });
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
  print(\`BENCH queue_${payload}_msg_s \${((N_MSG - 1) / dt).toFixed(1)} join_ms=\${joinMs.toFixed(2)}\`);
}
`;
}

/** A3: Pipe(duplex=False) throughput one way, small ints (cpython_mp.py's b_pipe). */
export const PIPE_ONE_WAY = `import { Pipe, Process } from "multiprocessing";
import type { Connection } from "multiprocessing";
import * as time from "time";

const N_MSG = ${N_MSG};

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
  print(\`BENCH pipe_msg_s \${((N_MSG - 1) / dt).toFixed(1)}\`);
}
`;

/** A3: duplex Pipe ping-pong, N_PING round trips after one warm-up, µs per round trip (cpython_mp.py's b_pingpong). */
export const PIPE_PING_PONG = `import { Pipe, Process } from "multiprocessing";
import type { Connection } from "multiprocessing";
import * as time from "time";

const N_PING = ${N_PING};

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
  print(\`BENCH pingpong_us \${((dt / N_PING) * 1e6).toFixed(2)}\`);
}
`;
