# forkline-bench python_trace_overhead: seed 003's thread program (a sum split over two
# threads under the GIL), its size from the command line.
import sys
from threading import Thread


def work(start, end, result):
    total = 0
    for i in range(start, end):
        total += i
    result.append(total)


if __name__ == "__main__":
    END = int(sys.argv[1]) if len(sys.argv) > 1 else 20000000
    result = []
    th1 = Thread(target=work, args=(0, END // 2, result))
    th2 = Thread(target=work, args=(END // 2, END, result))
    th1.start()
    th2.start()
    th1.join()
    th2.join()
    print(f"Result : {sum(result)}")
