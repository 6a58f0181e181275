# The main thread ends first: the interpreter waits for the non-daemon thread, and the
# daemon thread, still asleep, dies with the process.
import threading
import time


def worker():
    time.sleep(0.3)
    print("worker: done")


def watcher():
    while True:
        time.sleep(0.05)


threading.Thread(target=worker, name="worker").start()
threading.Thread(target=watcher, name="watcher", daemon=True).start()
print("main: end")
