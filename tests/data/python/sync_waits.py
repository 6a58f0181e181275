# A lock, an RLock, an event, a bounded semaphore, a condition and a barrier, each making a
# thread wait. The printed lines come at least 150 ms apart (about 0.2, 0.35, 0.7 and 0.8 s),
# so that their order is the same traced or not on a loaded machine.
import threading
import time

lock = threading.Lock()
event = threading.Event()
rlock = threading.RLock()
sem = threading.BoundedSemaphore(1)
cond = threading.Condition()
barrier = threading.Barrier(2)
ready = []


def holder():
    with lock:
        time.sleep(0.2)
    event.set()


def locker():
    time.sleep(0.05)
    with lock:
        print("locker: got the lock")


def rholder():
    with rlock:
        with rlock:  # held twice: only the last release lets the other thread in
            time.sleep(0.2)


def rtaker():
    time.sleep(0.05)
    with rlock:
        pass


def waiter():
    event.wait()
    time.sleep(0.15)  # after the locker's line
    print("waiter: event set")


def sem_user():
    with sem:
        time.sleep(0.1)


def cond_waiter():
    with cond:
        while not ready:
            cond.wait()
    print("cond_waiter: ready")


def at_barrier():
    barrier.wait()
    print("at_barrier: through")


threads = [threading.Thread(target=f, name=f.__name__)
           for f in (holder, locker, rholder, rtaker, waiter, cond_waiter, at_barrier)]
for t in threads:
    t.start()
sem_threads = [threading.Thread(target=sem_user, name="sem%d" % i) for i in range(2)]
for t in sem_threads:
    t.start()
time.sleep(0.7)
with cond:
    ready.append(1)
    cond.notify()
time.sleep(0.1)
barrier.wait()
for t in threads + sem_threads:
    t.join()
print("main: done")
