import { Process, Pipe } from "multiprocessing";
import type { Connection } from "multiprocessing";

function f(conn: Connection) {
  conn.send(["hello", "world"]);
  conn.close();
}

function echo(conn: Connection) {
  for (;;) {
    const x = conn.recv();
    if (x === null) break;
    conn.send([x, "echoed"]);
  }
}

if (__name__ === "__main__") {
  const [parent_conn, child_conn] = Pipe();
  const p = new Process({ target: f, args: [child_conn] });
  p.start();
  child_conn.close();
  print(parent_conn.recv());
  p.join();
  try {
    parent_conn.recv();
  } catch (e) {
    print("recv after the child closed:", (e as Error).name, JSON.stringify((e as Error).message));
  }

  const [a, b] = Pipe();
  const e = new Process({ target: echo, args: [b] });
  e.start();
  for (const x of [1, "two", { three: 3 }]) {
    a.send(x);
    print(a.recv());
  }
  a.send(null);
  e.join();
  print("poll with nothing sent:", a.poll(0.05));

  const [reader, writer] = Pipe(false);
  print(reader.readable, reader.writable, writer.readable, writer.writable);
  for (const [label, fn] of [
    ["send on reader", () => reader.send(1)],
    ["recv on writer", () => writer.recv()],
  ] as const) {
    try {
      fn();
    } catch (err) {
      print(label, (err as Error).name, (err as Error).message);
    }
  }
  writer.send_bytes(new Uint8Array([104, 101, 108, 108, 111]), 1, 3);
  print(reader.poll(), reader.recv_bytes());
  writer.close();
  print(writer.closed);
  try {
    writer.send(1);
  } catch (err) {
    print("send after close:", (err as Error).name, (err as Error).message);
  }
}
