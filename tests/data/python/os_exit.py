# os._exit leaves at once: no implicit join, the sleeping thread dies with the process.
import os
import threading
import time


def sleeper():
    time.sleep(5)


threading.Thread(target=sleeper, name="sleeper").start()
print("main: leaving with 5", flush=True)
os._exit(5)
