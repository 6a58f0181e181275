# Takes 64 MiB for a moment, every page written, then lets it go.
import time

data = bytearray(64 * 1024 * 1024)
for page in range(0, len(data), 4096):
    data[page] = 1
time.sleep(0.3)
del data
time.sleep(0.1)
print("done")
