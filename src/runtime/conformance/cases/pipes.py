import multiprocessing

multiprocessing.set_start_method("spawn", force=True)
mp = multiprocessing
import json


def f(conn):
    conn.send(["hello", "world"])
    conn.close()


def echo(conn):
    while True:
        x = conn.recv()
        if x is None:
            break
        conn.send([x, "echoed"])


if __name__ == "__main__":
    parent_conn, child_conn = mp.Pipe()
    p = mp.Process(target=f, args=(child_conn,))
    p.start()
    child_conn.close()
    print(parent_conn.recv())
    p.join()
    try:
        parent_conn.recv()
    except Exception as e:
        print("recv after the child closed:", type(e).__name__, json.dumps(str(e)))

    a, b = mp.Pipe()
    e = mp.Process(target=echo, args=(b,))
    e.start()
    for x in [1, "two", {"three": 3}]:
        a.send(x)
        print(a.recv())
    a.send(None)
    e.join()
    print("poll with nothing sent:", a.poll(0.05))

    reader, writer = mp.Pipe(False)
    print(reader.readable, reader.writable, writer.readable, writer.writable)
    for label, fn in [("send on reader", lambda: reader.send(1)), ("recv on writer", lambda: writer.recv())]:
        try:
            fn()
        except Exception as err:
            print(label, type(err).__name__, str(err))
    writer.send_bytes(b"hello", 1, 3)
    print(reader.poll(), reader.recv_bytes())
    writer.close()
    print(writer.closed)
    try:
        writer.send(1)
    except Exception as err:
        print("send after close:", type(err).__name__, str(err))
