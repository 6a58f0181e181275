# forkline-bench python_event_latency_ms: each line carries the moment print() was called,
# on the clock the collector uses, so the bench can tell how long its mark took to arrive.
import sys
import time

n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
for i in range(n):
    print(time.perf_counter_ns())
    time.sleep(0.01)
