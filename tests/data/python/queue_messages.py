# A producer and a consumer thread talk through a queue.Queue.
import queue
import threading
import time

q = queue.Queue()


def producer():
    for i in range(3):
        time.sleep(0.05)
        q.put("item %d" % i)
    q.put(None)


def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        print("consumer:", item)


c = threading.Thread(target=consumer, name="consumer")
p = threading.Thread(target=producer, name="producer")
c.start()
p.start()
p.join()
c.join()
print("main: done")
