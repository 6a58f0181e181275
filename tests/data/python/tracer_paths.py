# The tracer's path logic with Windows paths (ntpath), run on any system: drive letters,
# backslashes, case, library folders. Exits 0 when every check holds, else prints the failure.
import json
import ntpath
import posixpath
import sys

from forkline_trace import _core as c

checks = []


def check(got, expected, what):
    if got != expected:
        checks.append("%s: got %r, expected %r" % (what, got, expected))


check(c.source_path(r"C:\Users\t\lesson.py", ntpath), "C:/Users/t/lesson.py", "drive letter")
check(c.source_path(r"C:\Users\t\sub\..\lesson.py", ntpath), "C:/Users/t/lesson.py", "dot-dot")
check(c.source_path(r"\\server\share\l.py", ntpath), "//server/share/l.py", "UNC path")
check(c.source_path("/home/t/lesson.py", posixpath), "/home/t/lesson.py", "POSIX path")
roots = [ntpath.normcase(r"C:\Python311\Lib") + "\\"]
check(c.classify(r"c:\python311\lib\threading.py", ntpath, roots), None, "the standard library, in other case")
check(c.classify(r"C:\Python311\Lib\site-packages\numpy\core.py", ntpath, []), None, "site-packages")
check(c.classify("<frozen importlib._bootstrap>", ntpath, roots), None, "no file")
got = c.classify(r"D:\Lessons\Thread Ids\lesson.py", ntpath, roots)
check(json.loads(got) if got else None, "D:/Lessons/Thread Ids/lesson.py", "the program's own file")
if checks:
    print("\n".join(checks))
    sys.exit(1)
print("ok")
