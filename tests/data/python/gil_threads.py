# Two threads each add up numbers for a while: under the GIL they take turns.
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000


def work(result):
    total = 0
    for i in range(N):
        total += i
    result.append(total)


result = []
threads = [threading.Thread(target=work, args=(result,), name="adder%d" % i) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sum(result))
