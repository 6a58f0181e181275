# Prints a line into a buffered stdout, then computes in pure Python with no event of its own
# for up to two minutes (the test stops it sooner): the line's mark must still arrive at once.
import sys
import time

sys.stdout.reconfigure(line_buffering=False, write_through=False)
print("computing")
deadline = time.monotonic() + 120
n = 0
while time.monotonic() < deadline:
    n += 1
print("done", n)
