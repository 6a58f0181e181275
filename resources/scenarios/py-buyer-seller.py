# title: Python: buyer and seller, two threads joined
# title.ko: 파이썬: 매수와 매도, 스레드 두 개와 join
# description: The buyer and seller threads of the lesson, each five rounds of four steps, and the main thread that waits for both with join() before closing the market. Each step sleeps 0.25 s (the tutorial: 1 s), so the run takes about 5 s instead of 20.
# description.ko: 수업의 매수·매도 스레드가 각각 네 단계를 다섯 번 반복하고, 메인 스레드는 join()으로 둘을 기다린 뒤 장을 마감합니다. 단계마다 0.25초씩 잠들어(원래 예제는 1초) 20초 대신 약 5초 걸립니다.
import threading
import time

STEP = 0.25  # seconds; the tutorial sleeps 1 s


def buyer():
    for _ in range(5):
        print('[매수] 데이터 요청 중...')
        time.sleep(STEP)
        print('[매수] 데이터 분석 중...')
        time.sleep(STEP)
        print('[매수] 매수 타이밍 계산 중...')
        time.sleep(STEP)
        print('[매수] 풀매수...')
        time.sleep(STEP)


def seller():
    for _ in range(5):
        print('[매도] 데이터 요청 중...')
        time.sleep(STEP)
        print('[매도] 데이터 분석 중...')
        time.sleep(STEP)
        print('[매도] 매도 타이밍 계산 중...')
        time.sleep(STEP)
        print('[매도] 풀 매도...')
        time.sleep(STEP)


print('[메인] start')
buy = threading.Thread(target=buyer, name='buyer')
sell = threading.Thread(target=seller, name='seller')
buy.start()
sell.start()
buy.join()  # 매수 스레드가 끝날 때까지 기다립니다
sell.join()  # 매도 스레드가 끝날 때까지 기다립니다
print('[메인] 장 종료')
