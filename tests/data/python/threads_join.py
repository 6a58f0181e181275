# Two threads: one joined with a timeout that runs out first, then for good.
import threading
import time


def slow():
    print("slow: start")
    time.sleep(0.4)
    print("slow: end")


def quick():
    time.sleep(0.05)
    print("quick: start")
    time.sleep(0.05)
    print("quick: end")


a = threading.Thread(target=slow, name="slow")
b = threading.Thread(target=quick, name="quick")
a.start()
b.start()
b.join()
a.join(timeout=0.05)
print("after timeout, slow alive:", a.is_alive())
a.join()
print("main: done")
