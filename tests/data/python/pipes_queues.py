# Messages the tracer follows besides queue.Queue and multiprocessing.Queue: bytes through a
# Pipe, a duplex Pipe both ways, queue.SimpleQueue between threads, multiprocessing.SimpleQueue
# and a Manager's queue between processes, and a Manager's list and dict. Every print flushes:
# with stdout a pipe, a process's lines would otherwise leave when its buffer does (at its exit),
# and the order across processes would be the buffers', in CPython as traced.
import multiprocessing as mp
import queue
import sys
import threading


def bytes_child(conn):
    conn.send_bytes(b"raw bytes")
    buf = bytearray(32)
    n = conn.recv_bytes_into(buf)
    print("bytes_child got", bytes(buf[:n]), flush=True)


def duplex_child(conn):
    print("duplex_child got", conn.recv(), flush=True)
    conn.send("pong")


def simple_child(sq):
    sq.put("simple hello")


def managed_child(mq, shared, table):
    mq.put("managed hello")
    shared.append(1)
    table["child"] = "here"


def thread_side(sq):
    sq.put("from thread")


if __name__ == "__main__":
    ctx = mp.get_context(sys.argv[1] if len(sys.argv) > 1 else "fork")
    here, there = ctx.Pipe()
    p = ctx.Process(target=bytes_child, args=(there,), name="bytes_child")
    p.start()
    print("main got", here.recv_bytes(), flush=True)
    here.send_bytes(b"xxback!xx", 2, 5)
    p.join()

    a, b = ctx.Pipe(duplex=True)
    d = ctx.Process(target=duplex_child, args=(b,), name="duplex_child")
    d.start()
    a.send("ping")
    print("main got", a.recv(), flush=True)
    d.join()

    tq = queue.SimpleQueue()
    t = threading.Thread(target=thread_side, args=(tq,), name="thread_side")
    t.start()
    print("main got", tq.get(), flush=True)
    t.join()

    sq = ctx.SimpleQueue()
    s = ctx.Process(target=simple_child, args=(sq,), name="simple_child")
    s.start()
    print("main got", sq.get(), flush=True)
    s.join()

    with ctx.Manager() as manager:
        mq = manager.Queue()
        shared = manager.list()
        table = manager.dict()
        m = ctx.Process(target=managed_child, args=(mq, shared, table), name="managed_child")
        m.start()
        print("main got", mq.get(), flush=True)
        m.join()
        print("list", list(shared), "dict", dict(table), flush=True)
    print("main: done", flush=True)
