# SPDX-License-Identifier: GPL-3.0-or-later
# Forkline's start-up hook. Python imports sitecustomize at start-up from the first folder of
# sys.path that has one; Forkline puts this folder first on PYTHONPATH, so every process of a
# traced run (the program, its spawned, forked and forkserver children, the Python programs
# it starts) installs the tracer before its own code runs. The system's own sitecustomize, if
# any, still runs afterwards.


def _forkline_start():
    import os
    import sys

    here = os.path.dirname(os.path.abspath(__file__))
    if os.environ.get("FORKLINE_CHANNEL"):
        try:
            import forkline_trace

            forkline_trace.install()
        except Exception as e:  # the program must run even if the tracer cannot
            sys.stderr.write("forkline: the tracer is off for this process: %s: %s\n" % (type(e).__name__, e))
    # The sitecustomize this one hides, further along the path.
    for folder in sys.path:
        if not folder or os.path.normcase(os.path.abspath(folder)) == os.path.normcase(here):
            continue
        path = os.path.join(folder, "sitecustomize.py")
        if os.path.isfile(path):
            with open(path, "rb") as f:
                code = compile(f.read(), path, "exec")
            exec(code, {"__name__": "sitecustomize", "__file__": path})
            break


_forkline_start()
del _forkline_start
