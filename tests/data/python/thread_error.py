# An exception ends a thread; Python prints its traceback and the program goes on.
import threading


def fail():
    print("fail: about to divide")
    return 1 / 0


t = threading.Thread(target=fail, name="failing")
t.start()
t.join()
print("main: still here")
