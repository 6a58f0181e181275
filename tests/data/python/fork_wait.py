# os.fork without exec: the child runs on in the same program and ends with its own code.
import os
import time

pid = os.fork()
if pid == 0:
    print("child: running")
    time.sleep(0.1)
    print("child: leaving")
    raise SystemExit(4)
_, status = os.waitpid(pid, 0)
print("parent: child exit code", os.WEXITSTATUS(status))
