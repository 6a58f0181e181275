# title: Python GIL: the sum in one thread
# title.ko: 파이썬 GIL: 스레드 하나로 합계
# description: The sum of the GIL lesson in one thread: the time to beat. Sums 0 to 20,000,000 (the tutorial: 100,000,000, about five times longer).
# description.ko: GIL 수업의 합계를 스레드 하나로 계산합니다. 비교 기준이 되는 시간입니다. 0부터 20,000,000까지 더합니다(원래 예제는 100,000,000으로 약 다섯 배 오래 걸립니다).
from threading import Thread

START, END = 0, 20000000  # the tutorial: 100000000


def work(id, start, end, result):
    total = 0
    for i in range(start, end):
        total += i
    result.append(total)


if __name__ == "__main__":
    result = list()
    th = Thread(target=work, args=(1, START, END, result))
    th.start()
    th.join()
    print(f"Result : {sum(result)}")
