# terminate(), kill() and os.kill() of children, each a mark on the caller with an arrow to
# the child's end; then the main thread's code ends while a non-daemon thread still sleeps.
import multiprocessing as mp
import os
import signal
import threading
import time


def sleeper(started):
    started.put("up")
    time.sleep(30)


def late():
    time.sleep(0.4)
    print("late: done")


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    started = ctx.Queue()
    t = ctx.Process(target=sleeper, args=(started,), name="terminated")
    k = ctx.Process(target=sleeper, args=(started,), name="killed")
    o = ctx.Process(target=sleeper, args=(started,), name="oskilled")
    for p in (t, k, o):
        p.start()
    for _ in range(3):
        started.get()
    t.terminate()
    k.kill()
    os.kill(o.pid, signal.SIGTERM)
    for p in (t, k, o):
        p.join()
        print(p.name, p.exitcode)
    threading.Thread(target=late, name="late").start()
    print("main: end")
