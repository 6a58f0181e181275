# title: Python: fork and join with a Worker class
# title.ko: 파이썬: Worker 클래스로 fork와 join
# description: Two Worker threads are started (fork) and the main thread waits for both with join() before its post job. The workers sleep 2 s (the tutorial: 5 s).
# description.ko: Worker 스레드 두 개를 시작하고(fork) 메인 스레드는 join()으로 둘을 기다린 뒤 후속 작업을 합니다. 워커는 2초 잠듭니다(원래 예제는 5초).
import threading
import time


class Worker(threading.Thread):
    def __init__(self, name):
        super().__init__()
        self.name = name  # 스레드 이름

    def run(self):
        print("sub thread start ", threading.current_thread().name)
        time.sleep(2)  # the tutorial sleeps 5 s
        print("sub thread end ", threading.current_thread().name)


print("main thread start")
t1 = Worker("1")
t1.start()
t2 = Worker("2")
t2.start()
t1.join()
t2.join()
print("main thread post job")
print("main thread end")
