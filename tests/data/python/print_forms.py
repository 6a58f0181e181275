# print() with the arguments it takes and refuses: the traced run prints the same text and
# marks each line on its own, with the line of the print() that ended it.
import sys
class S:
    def __str__(self): return "S!"
class T(str):
    def __str__(self): return "T!"
print(1, 2, sep=None, end=None)
print("a", "b", sep="-")
print()
print("a\nb")
print("x", end="")
print(" y")
print(S(), T("t"), b"by", 3.5, None)
print("err", file=sys.stderr)
print("flush", flush=True)
try:
    print("a", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("a", bogus=1)
except TypeError as e:
    print("TypeError:", e)
print("", end="")
print("tail", end="!\n")
