# Prints which of some slow-to-import modules are loaded: a program that imports nothing
# itself should find the same ones loaded whether it is traced or not.
import sys
import time

time.sleep(0.001)
print("line")
heavy = ("enum", "json", "re", "selectors", "signal", "socket")
print("loaded:", ",".join(m for m in heavy if m in sys.modules))
