# title: Python: thread ids and one process id
# title.ko: 파이썬: 스레드 ID와 하나의 프로세스 ID
# description: The real program of the first lesson. The main thread prints its process id, then starts three threads that run foo(): each prints its own thread id and the process id, which is the same for all of them.
# description.ko: 첫 수업의 실제 프로그램입니다. 메인 스레드가 프로세스 ID를 출력하고 foo()를 실행하는 스레드 세 개를 만듭니다. 스레드마다 자기 스레드 ID와 프로세스 ID를 출력하며, 프로세스 ID는 모두 같습니다.
import os
import threading


def foo():
    print('thread id', threading.get_native_id())
    print('process id', os.getpid())


if __name__ == '__main__':
    print('process id', os.getpid())
    for _ in range(3):
        threading.Thread(target=foo).start()
