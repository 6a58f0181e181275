# Each wait names what it waits on as the program does: a lock kept in an attribute, a lock
# in a list (no name of its own), a queue in a local; short sleeps say how long they are.
import queue
import threading
import time


class Account:
    def __init__(self):
        self.guard = threading.Lock()

    def hold(self):
        with self.guard:
            time.sleep(0.2)

    def take(self):
        time.sleep(0.05)
        with self.guard:
            pass


locks = [threading.Lock()]


def listed_holder():
    with locks[0]:
        time.sleep(0.2)


def listed_taker():
    time.sleep(0.05)
    with locks[0]:
        pass


def napper():
    for _ in range(3):
        time.sleep(0.005)


def getter(inbox):
    print("getter:", inbox.get())


account = Account()
mailbox = queue.Queue()
threads = [
    threading.Thread(target=account.hold, name="holder"),
    threading.Thread(target=account.take, name="taker"),
    threading.Thread(target=listed_holder, name="listed_holder"),
    threading.Thread(target=listed_taker, name="listed_taker"),
    threading.Thread(target=napper, name="napper"),
    threading.Thread(target=getter, args=(mailbox,), name="getter"),
]
for t in threads:
    t.start()
time.sleep(0.1)
mailbox.put("hello")
for t in threads:
    t.join()
print("main: done")
