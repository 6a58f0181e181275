# multiprocessing children with the start method named on the command line: one ends well,
# one raises, one calls sys.exit(3), one is terminated and one killed; a Queue and a Pipe
# carry messages between them and the parent.
import multiprocessing as mp
import sys
import time


def good(q):
    print("good: sending")
    q.put("from good")


def bad():
    raise RuntimeError("bad child")


def exits():
    sys.exit(3)


def sleeper(started):
    started.put("up")
    time.sleep(30)


def piper(conn):
    conn.send("over the pipe")
    conn.close()


if __name__ == "__main__":
    ctx = mp.get_context(sys.argv[1] if len(sys.argv) > 1 else "fork")
    q = ctx.Queue()
    parent_end, child_end = ctx.Pipe()
    procs = {
        "good": ctx.Process(target=good, args=(q,), name="good"),
        "bad": ctx.Process(target=bad, name="bad"),
        "exits": ctx.Process(target=exits, name="exits"),
        "piper": ctx.Process(target=piper, args=(child_end,), name="piper"),
    }
    for p in procs.values():
        p.start()
    print("main: got", q.get())
    print("main: got", parent_end.recv())
    for p in procs.values():
        p.join()
    started = ctx.Queue()
    t = ctx.Process(target=sleeper, args=(started,), name="terminated")
    k = ctx.Process(target=sleeper, args=(started,), name="killed")
    t.start()
    k.start()
    started.get()
    started.get()
    t.terminate()
    k.kill()
    t.join()
    k.join()
    for name, p in list(procs.items()) + [("terminated", t), ("killed", k)]:
        print(name, p.exitcode)
