# Workers of a multiprocessing.Pool, a ThreadPoolExecutor and a ProcessPoolExecutor.
import multiprocessing as mp
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def square(x):
    time.sleep(0.05)
    return x * x


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    with ctx.Pool(2) as pool:
        print(pool.map(square, range(4)))
    with ThreadPoolExecutor(2) as ex:
        print(list(ex.map(square, range(4))))
    with ProcessPoolExecutor(2, mp_context=ctx) as ex:
        print(list(ex.map(square, range(4))))
