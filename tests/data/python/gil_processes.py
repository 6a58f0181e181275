# The same sums in two processes: each has its own GIL, nobody waits for one.
import multiprocessing as mp
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000


def work():
    total = 0
    for i in range(N):
        total += i


if __name__ == "__main__":
    procs = [mp.get_context("fork").Process(target=work, name="adder%d" % i) for i in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("done")
