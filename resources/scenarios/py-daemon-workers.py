# title: Python: five daemon workers die with the main thread
# title.ko: 파이썬: 메인 스레드와 함께 끝나는 데몬 워커 다섯
# description: A Worker class derived from threading.Thread, five of them started as daemon threads. The main thread prints its end at once; the interpreter does not wait for daemon threads, so all five are killed in their sleep and never print their end.
# description.ko: threading.Thread를 상속한 Worker 클래스로 데몬 스레드 다섯 개를 시작합니다. 메인 스레드는 바로 끝을 출력하고, 인터프리터는 데몬 스레드를 기다리지 않으므로 다섯 스레드는 잠든 채로 종료되어 끝을 출력하지 못합니다.
import threading
import time


class Worker(threading.Thread):
    def __init__(self, name):
        super().__init__()
        self.name = name  # 스레드 이름

    def run(self):
        print("sub thread start ", threading.current_thread().name)
        time.sleep(3)
        print("sub thread end ", threading.current_thread().name)


print("main thread start")
for i in range(5):
    t = Worker("thread {}".format(i))
    t.daemon = True  # 메인 스레드가 끝나면 같이 끝납니다
    t.start()
print("main thread end")
