# SPDX-License-Identifier: GPL-3.0-or-later
"""Threads: start, run, join (with a timeout), the end of the main thread, the interpreter's
implicit join of non-daemon threads, an exception that ends a thread, and time.sleep."""

import _thread
import os
import sys
import threading
import time

from . import _core as c

tls = c.tls

_orig_start = threading.Thread.start
_orig_bootstrap_inner = threading.Thread._bootstrap_inner
_orig_join = threading.Thread.join
_orig_shutdown = threading._shutdown
_orig_sleep = time.sleep

# Threads that the multiprocessing machinery starts for itself (a queue's feeder, a pool's
# handlers) are not the program's: they get no lane.
_HIDDEN_STARTERS = (os.sep + "multiprocessing" + os.sep, os.sep + "concurrent" + os.sep + "futures" + os.sep
                    + "process.py")


def nested():
    return tls.depth > 0


class Quiet(object):
    """Within it, the waits of the calls this thread makes are not shown again."""

    __slots__ = ()

    def __enter__(self):
        tls.depth += 1

    def __exit__(self, *exc):
        tls.depth -= 1


quiet = Quiet()


def describe(exc):
    text = str(exc)
    name = type(exc).__name__
    return "%s: %s" % (name, text) if text else name


def _start(self):
    if self._started.is_set() or not getattr(self, "_initialized", True):
        return _orig_start(self)
    st = c.state
    starter = c.lane()
    fork_id = c.new_flow_id()
    join_id = c.new_flow_id()
    starter_file = os.path.normcase(c.caller_module_path(2))
    hidden = any(h in starter_file for h in _HIDDEN_STARTERS)
    self._fl_link = (st.pid, starter.tid, fork_id, join_id, hidden)
    if not hidden:
        site = c.site()
        t = c.now()
        c.send(c.ev_instant(starter.tid, "fork", self.name, site=site, t=t) + c.ev_flow(starter.tid, fork_id, "fork",
                                                                                         True, site=site, t=t))
    with quiet:
        # start() waits until the new thread runs: that wait is part of the fork, not a lock.
        return _orig_start(self)


def _bootstrap_inner(self):
    link = getattr(self, "_fl_link", None)
    st = c.state
    ident = c.get_ident()
    ln = c.Lane(c.get_native_id(), ident, self.name, bool(self.daemon))
    if link is not None and link[0] == st.pid:
        ln.parent = (link[0], link[1])
        ln.fork_id = link[2]
        ln.join_id = link[3]
        ln.hidden = link[4]
    st.lanes[ident] = ln
    self._fl_lane = ln
    if ln.hidden:
        tls.hidden = True
    else:
        c.announce_lane(ln)
    # Python's own handler prints the traceback; the lane only needs to know what ended it.
    # (Wrapping run() instead would add a frame of the tracer to that traceback.)
    invoke = getattr(self, "_invoke_excepthook", None)
    if invoke is not None:
        def invoke_excepthook(thread):
            exc = sys.exc_info()[1]
            if exc is not None and not isinstance(exc, SystemExit):
                ln.failure = describe(exc)
            return invoke(thread)

        self._invoke_excepthook = invoke_excepthook
    try:
        _orig_bootstrap_inner(self)
    finally:
        thread_ended(ln)


def thread_ended(ln):
    if ln.ended:
        return
    ln.ended = True
    if ln.hidden or c.state.dead:
        return
    t = c.now()
    if ln.failure is not None:
        line = c.ev_instant(ln.tid, "failed", ln.failure, t=t)
    else:
        line = c.ev_instant(ln.tid, "end", t=t)
    if ln.join_id:
        line += c.ev_flow(ln.tid, ln.join_id, "join", True, t=t)
    c.send(line)


def _join(self, timeout=None):
    ln = getattr(self, "_fl_lane", None)
    if (ln is None or ln.hidden or not self._started.is_set() or self is threading.current_thread()
            or nested()):
        return _orig_join(self, timeout)
    me = c.lane()
    site = c.site()
    waited = self.is_alive()
    if waited:
        c.send(c.ev_state(me.tid, "waiting:join", site, detail=str(self.name)))
    try:
        with quiet:
            _orig_join(self, timeout)
    finally:
        out = ""
        if not self.is_alive() and not ln.joined:
            ln.joined = True
            t = c.now()
            if ln.join_id:
                out += c.ev_flow(me.tid, ln.join_id, "join", False, site, t)
            out += c.ev_instant(me.tid, "join", self.name, site=site, t=t)
        if waited or out:
            out += c.ev_state(me.tid, "running", site)
        if out:
            c.send(out)


def _shutdown():
    st = c.state
    me = st.lanes.get(c.get_ident())
    if me is None or not me.main or st.main_exited or st.dead or not st.announced:
        # A process that has shown nothing (multiprocessing's resource tracker, say) ends
        # as quietly as it ran.
        return _orig_shutdown()
    st.main_exited = True
    pending = [ln for ln in list(st.lanes.values())
               if not ln.main and not ln.daemon and not ln.ended and not ln.hidden and ln.announced]
    out = c.ev_instant(me.tid, "main-exit")
    if pending:
        # The scenario runner's name for this wait: not a join the program wrote.
        out += c.ev_state(me.tid, "waiting:exit")
    c.send(out)
    try:
        _orig_shutdown()
    finally:
        # The interpreter's own join of every non-daemon thread, as in the runner.
        out = ""
        t = c.now()
        for ln in pending:
            if not ln.joined:
                ln.joined = True
                if ln.join_id:
                    out += c.ev_flow(me.tid, ln.join_id, "join", False, t=t)
        if pending:
            out += c.ev_state(me.tid, "running", t=t)
        if out:
            c.send(out)


# A sleep shorter than this is not worth a write of its own (see _core.defer).
_SHORT_SLEEP = 0.02


def _sleep(secs):
    ln = c.lane()
    site = c.site()
    secs_text = "%g s" % secs if isinstance(secs, (int, float)) else None
    if not 0 <= secs < _SHORT_SLEEP:
        c.send(c.ev_state(ln.tid, "sleeping", site, detail=secs_text))
        try:
            _orig_sleep(secs)
        finally:
            c.send(c.ev_state(ln.tid, "running", site))
        return
    # Too short to be seen live: both states go out later, together.
    t = c.now()
    try:
        _orig_sleep(secs)
    finally:
        c.defer(c.ev_short_sleep(ln.tid, site, t, c.now(), secs_text))


_orig_excepthook = sys.excepthook


def _excepthook(exc_type, exc, tb):
    # Python prints the traceback as always; the main thread's lane ends `failed` with it.
    main = c.state.main_lane
    if main is not None and c.get_ident() == main.ident:
        main.failure = describe(exc) if exc is not None else exc_type.__name__
    return _orig_excepthook(exc_type, exc, tb)


def install():
    threading.Thread.start = _start
    threading.Thread._bootstrap_inner = _bootstrap_inner
    threading.Thread.join = _join
    threading._shutdown = _shutdown
    time.sleep = _sleep
    sys.excepthook = _excepthook
