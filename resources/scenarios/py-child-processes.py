# title: Python: child processes and their parent
# title.ko: 파이썬: 자식 프로세스와 부모 프로세스
# description: The parent prints its pid and starts three child processes: each has a pid of its own and the same parent pid. Then two children run different functions at the same time. Finally os.fork() copies the running process: the line after it is printed by both.
# description.ko: 부모 프로세스가 자기 PID를 출력하고 자식 프로세스 셋을 만듭니다. 자식마다 PID는 다르지만 부모 PID는 같습니다. 이어서 두 자식이 서로 다른 함수를 동시에 실행합니다. 마지막으로 os.fork()가 실행 중인 프로세스를 복제하여, 그 다음 줄을 두 프로세스가 모두 출력합니다.
import multiprocessing as mp
import os
import time


def child():
    print(f"[자식] pid: {os.getpid()}, 부모 pid: {os.getppid()}")


def foo():
    print("[foo] start")
    time.sleep(0.5)
    print("[foo] end")


def bar():
    print("[bar] start")
    time.sleep(0.5)
    print("[bar] end")


if __name__ == "__main__":
    print(f"[부모] pid: {os.getpid()}")
    children = [mp.Process(target=child) for _ in range(3)]
    for p in children:
        p.start()
    for p in children:
        p.join()
    pair = [mp.Process(target=foo, name="foo"), mp.Process(target=bar, name="bar")]
    for p in pair:
        p.start()
    for p in pair:
        p.join()
    if hasattr(os, "fork"):
        pid = os.fork()
        print(f"hello os (pid {os.getpid()})")
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
