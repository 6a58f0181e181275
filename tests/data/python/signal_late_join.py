# A child terminated, then joined only a second and a half later: it died at once, and its
# end is drawn when it died, not when its parent noticed.
import multiprocessing as mp
import sys
import time


def sleeper(started):
    started.put("up")
    time.sleep(30)


if __name__ == "__main__":
    ctx = mp.get_context(sys.argv[1] if len(sys.argv) > 1 else "fork")
    started = ctx.Queue()
    p = ctx.Process(target=sleeper, args=(started,), name="victim")
    p.start()
    started.get()
    p.terminate()
    time.sleep(1.5)
    p.join()
    print(p.name, p.exitcode, flush=True)
