# Never ends by itself: a thread, a child process and a forked child, all asleep.
import multiprocessing as mp
import os
import threading
import time


def nap():
    while True:
        time.sleep(0.1)


if __name__ == "__main__":
    threading.Thread(target=nap, name="napper").start()
    mp.get_context("fork").Process(target=nap, name="child").start()
    if os.fork() == 0:
        nap()
    print("started", flush=True)
    nap()
