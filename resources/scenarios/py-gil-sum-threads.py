# title: Python GIL: the sum in two threads
# title.ko: 파이썬 GIL: 스레드 두 개로 합계
# description: The same sum split over two threads. With the GIL only one of them runs Python code at a time: they take turns and the whole takes about as long as one thread. Sums 0 to 20,000,000 (the tutorial: 100,000,000).
# description.ko: 같은 합계를 스레드 두 개로 나눕니다. GIL 때문에 한 번에 하나만 파이썬 코드를 실행하므로 번갈아 실행되고, 전체 시간은 스레드 하나와 비슷합니다. 0부터 20,000,000까지 더합니다(원래 예제는 100,000,000).
from threading import Thread

START, END = 0, 20000000  # the tutorial: 100000000


def work(id, start, end, result):
    total = 0
    for i in range(start, end):
        total += i
    result.append(total)


if __name__ == "__main__":
    result = list()
    th1 = Thread(target=work, args=(1, START, END // 2, result))
    th2 = Thread(target=work, args=(2, END // 2, END, result))
    th1.start()
    th2.start()
    th1.join()
    th2.join()
    print(f"Result : {sum(result)}")
