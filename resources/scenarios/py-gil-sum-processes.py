# title: Python GIL: the sum in two processes
# title.ko: 파이썬 GIL: 프로세스 두 개로 합계
# description: The same sum split over two processes, each with its own interpreter and GIL: they run side by side, and their results come back through a multiprocessing Queue. Sums 0 to 20,000,000 (the tutorial: 100,000,000).
# description.ko: 같은 합계를 프로세스 두 개로 나눕니다. 프로세스마다 인터프리터와 GIL이 따로 있어 나란히 실행되고, 결과는 multiprocessing Queue로 돌아옵니다. 0부터 20,000,000까지 더합니다(원래 예제는 100,000,000).
from multiprocessing import Process, Queue

START, END = 0, 20000000  # the tutorial: 100000000


def work(id, start, end, result):
    total = 0
    for i in range(start, end):
        total += i
    result.put(total)


if __name__ == "__main__":
    result = Queue()
    th1 = Process(target=work, args=(1, START, END // 2, result))
    th2 = Process(target=work, args=(2, END // 2, END, result))
    th1.start()
    th2.start()
    th1.join()
    th2.join()
    result.put('STOP')
    total = 0
    while True:
        tmp = result.get()
        if tmp == 'STOP':
            break
        total += tmp
    print(f"result: {total}")
