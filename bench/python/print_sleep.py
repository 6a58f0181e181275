# forkline-bench python_trace_overhead: print and sleep, 10,000 times by default.
import sys
import time

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
for i in range(n):
    print("line", i)
    time.sleep(0.0001)
