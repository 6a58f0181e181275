# SPDX-License-Identifier: GPL-3.0-or-later
"""Waits on Lock, RLock, Condition, Semaphore, Event and Barrier, with hand-over arrows, and
queue.Queue messages as arrows.

A lock taken at once costs one extra Python call and sends nothing: only a thread that has to
wait is shown waiting, and the release that lets it go draws the arrow to it.
"""

import _thread
import reprlib
import threading
import queue

from . import _core as c
from . import _threads as th

_allocate_lock = _thread.allocate_lock
_CRLock = getattr(_thread, "RLock", None)
_short = reprlib.Repr()
_short.maxstring = 60
_short.maxother = 60
_short.maxlevel = 2


def short(obj):
    try:
        return _short.repr(obj)
    except Exception:
        return "<%s>" % type(obj).__name__


def _wait_begin(kind, obj, depth=3):
    """Shows the calling thread waiting on obj (by the name the program has for it, on its
    box), unless an outer traced call already does."""
    if th.nested():
        return None
    ln = c.lane()
    site, name = c.site_and_name(obj, depth)
    c.send(c.ev_state(ln.tid, kind, site, detail=name))
    return ln, site


def _wait_end(token, flow_id=0):
    if token is None:
        if flow_id:
            ln = c.lane()
            c.send(c.ev_flow(ln.tid, flow_id, "lock", False))
        return
    ln, site = token
    t = c.now()
    out = ""
    if flow_id:
        out = c.ev_flow(ln.tid, flow_id, "lock", False, site, t)
    c.send(out + c.ev_state(ln.tid, "running", site, t))


def _hand_over(site_depth=3):
    """A release that lets a waiting thread go: the start of its arrow."""
    ln = c.lane()
    fid = c.new_flow_id()
    c.send(c.ev_flow(ln.tid, fid, "lock", True, c.site(site_depth)))
    return fid


class Lock(object):
    """threading.Lock, traced: a thread that must wait shows `waiting:lock`."""

    __slots__ = ("_lock", "_waiting", "_handoff", "_user", "__weakref__")

    def __init__(self):
        self._lock = _allocate_lock()
        self._waiting = 0
        self._handoff = 0
        # Hand-over arrows for the program's own locks, not for those inside the library.
        self._user = c.called_from_user(2)

    def acquire(self, blocking=True, timeout=-1):
        if self._lock.acquire(False):
            return True
        if not blocking:
            return False
        token = _wait_begin("waiting:lock", self)
        self._waiting += 1
        try:
            got = self._lock.acquire(True, timeout)
        finally:
            self._waiting -= 1
        fid = 0
        if got:
            fid, self._handoff = self._handoff, 0
        _wait_end(token, fid)
        return got

    def __enter__(self):
        return self.acquire()

    def release(self):
        if self._waiting > 0 and self._user and not c.state.dead:
            self._handoff = _hand_over()
        self._lock.release()

    def __exit__(self, *exc):
        self.release()

    def locked(self):
        return self._lock.locked()

    def _at_fork_reinit(self):
        self._lock = _allocate_lock()
        self._waiting = 0
        self._handoff = 0

    def __repr__(self):
        return "<%s %s object at %s>" % ("locked" if self._lock.locked() else "unlocked",
                                         "_thread.lock", hex(id(self)))


class RLock(object):
    """threading.RLock, traced the same way; Condition uses its private methods."""

    __slots__ = ("_lock", "_waiting", "_handoff", "_user", "_depth", "__weakref__")

    def __init__(self, *args, **kwargs):
        self._lock = _CRLock() if _CRLock is not None else threading._PyRLock()
        self._waiting = 0
        self._handoff = 0
        self._depth = 0  # how deep its owner holds it; only the owner changes it
        self._user = c.called_from_user(2)

    def acquire(self, blocking=True, timeout=-1):
        if self._lock.acquire(False):
            self._depth += 1
            return True
        if not blocking:
            return False
        token = _wait_begin("waiting:lock", self)
        self._waiting += 1
        try:
            got = self._lock.acquire(True, timeout)
        finally:
            self._waiting -= 1
        fid = 0
        if got:
            self._depth += 1
            fid, self._handoff = self._handoff, 0
        _wait_end(token, fid)
        return got

    def __enter__(self):
        return self.acquire()

    def release(self):
        # Only the release that frees it hands it over.
        if self._depth == 1 and self._waiting > 0 and self._user and not c.state.dead and self._lock._is_owned():
            self._handoff = _hand_over()
        self._lock.release()
        self._depth -= 1

    def __exit__(self, *exc):
        self.release()

    def _is_owned(self):
        return self._lock._is_owned()

    def _release_save(self):
        depth, self._depth = self._depth, 0
        return (self._lock._release_save(), depth)

    def _acquire_restore(self, saved):
        self._lock._acquire_restore(saved[0])
        self._depth = saved[1]

    def _recursion_count(self):
        return self._lock._recursion_count()

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()
        self._waiting = 0
        self._handoff = 0
        self._depth = 0

    def __repr__(self):
        return repr(self._lock)


# --- Condition, and what is built on it --------------------------------------------------

_orig_cond_init = threading.Condition.__init__
_orig_cond_wait = threading.Condition.wait
_orig_cond_notify = threading.Condition.notify


def _cond_init(self, lock=None):
    _orig_cond_init(self, lock)
    # Arrows only for the conditions the program made, or that an Event, Semaphore or
    # Barrier it made is built on: the ones inside threading itself would only add noise.
    self._fl_user = c.called_from_user(2)
    self._fl_wakes = []


def _cond_notify(self, n=1):
    if getattr(self, "_fl_user", False) and self._waiters and not c.state.dead:
        woken = min(n, len(self._waiters))
        if woken > 0:
            ln = c.lane()
            site = c.site()
            t = c.now()
            out = ""
            for _ in range(woken):
                fid = c.new_flow_id()
                self._fl_wakes.append(fid)
                out += c.ev_flow(ln.tid, fid, "lock", True, site, t)
            c.send(out)
    return _orig_cond_notify(self, n)


def _cond_wait(self, timeout=None):
    token = _wait_begin("waiting:event", self)
    woken = False
    try:
        with th.quiet:
            woken = _orig_cond_wait(self, timeout)
        return woken
    finally:
        fid = 0
        wakes = getattr(self, "_fl_wakes", None)
        if woken and wakes:
            try:
                fid = wakes.pop(0)
            except IndexError:
                fid = 0
        _wait_end(token, fid)


def _mark_user(cond, depth=3):
    try:
        cond._fl_user = c.called_from_user(depth)
    except AttributeError:
        pass


_orig_event_init = threading.Event.__init__
_orig_event_wait = threading.Event.wait


def _event_init(self, *args, **kwargs):
    _orig_event_init(self, *args, **kwargs)
    _mark_user(self._cond)


def _event_wait(self, timeout=None):
    if self.is_set():
        return _orig_event_wait(self, timeout)
    token = _wait_begin("waiting:event", self)
    try:
        with th.quiet:
            return _orig_event_wait(self, timeout)
    finally:
        _wait_end(token)


_orig_sem_init = threading.Semaphore.__init__
_orig_sem_acquire = threading.Semaphore.acquire


def _sem_init(self, *args, **kwargs):
    _orig_sem_init(self, *args, **kwargs)
    _mark_user(self._cond)


def _sem_acquire(self, blocking=True, timeout=None):
    if _orig_sem_acquire(self, False):
        return True
    if not blocking:
        return False
    token = _wait_begin("waiting:lock", self)
    try:
        with th.quiet:
            return _orig_sem_acquire(self, True, timeout)
    finally:
        _wait_end(token)


def _sem_enter(self):
    return _sem_acquire(self)


_orig_bsem_init = threading.BoundedSemaphore.__init__


def _bsem_init(self, *args, **kwargs):
    _orig_bsem_init(self, *args, **kwargs)
    _mark_user(self._cond)  # its Semaphore.__init__ saw threading.py as the caller


_orig_barrier_init = threading.Barrier.__init__
_orig_barrier_wait = threading.Barrier.wait


def _barrier_init(self, *args, **kwargs):
    _orig_barrier_init(self, *args, **kwargs)
    _mark_user(self._cond)


def _barrier_wait(self, timeout=None):
    token = _wait_begin("waiting:event", self)
    try:
        with th.quiet:
            return _orig_barrier_wait(self, timeout)
    finally:
        _wait_end(token)


# --- queue.Queue -----------------------------------------------------------------------

_orig_q_put = queue.Queue.put
_orig_q_get = queue.Queue.get
_CSimpleQueue = queue.SimpleQueue


def _q_ids(q):
    try:
        return q._fl_ids
    except AttributeError:
        q._fl_ids = {}
        return q._fl_ids


def _q_put(self, item, block=True, timeout=None, _orig_q_put=_orig_q_put):
    ln = c.lane()
    site = c.site()
    fid = c.new_flow_id()
    ids = _q_ids(self)
    # Recorded before the item is in: a getter may take it the moment put() lets go.
    ids.setdefault(id(item), []).append(fid)
    waited = block and getattr(self, "maxsize", 0) > 0 and self.full()
    t = c.now()
    out = c.ev_instant(ln.tid, "send", short(item), site=site, t=t) + c.ev_flow(ln.tid, fid, "message", True,
                                                                                site, t)
    if waited:
        out += c.ev_state(ln.tid, "waiting:queue", site, t)
    c.send(out)
    try:
        with th.quiet:
            _orig_q_put(self, item, block, timeout)
    except BaseException:
        lst = ids.get(id(item))
        if lst and fid in lst:
            lst.remove(fid)
            if not lst:
                del ids[id(item)]
        raise
    finally:
        if waited:
            c.send(c.ev_state(ln.tid, "running", site))


def _q_get(self, block=True, timeout=None, _orig_q_get=_orig_q_get):
    ln = c.lane()
    waited = block and not self.qsize()
    if waited:
        site, name = c.site_and_name(self)
        c.send(c.ev_state(ln.tid, "waiting:queue", site, detail=name))
    else:
        site = c.site()
    item = None
    got = False
    try:
        with th.quiet:
            item = _orig_q_get(self, block, timeout)
        got = True
        return item
    finally:
        out = ""
        t = c.now()
        if got:
            fid = 0
            ids = _q_ids(self)
            lst = ids.get(id(item))
            if lst:
                fid = lst.pop(0)
                if not lst:
                    del ids[id(item)]
            if fid:
                out += c.ev_flow(ln.tid, fid, "message", False, site, t)
            out += c.ev_instant(ln.tid, "receive", short(item), site=site, t=t)
        if waited:
            out += c.ev_state(ln.tid, "running", site, t)
        if out:
            c.send(out)


class SimpleQueue(_CSimpleQueue):
    """queue.SimpleQueue, traced as queue.Queue is; only the program's own calls draw arrows
    (a ThreadPoolExecutor hands its work over through one)."""

    __module__ = _CSimpleQueue.__module__

    def put(self, item, block=True, timeout=None):
        if not c.called_from_user(2):
            return _CSimpleQueue.put(self, item, block, timeout)
        return _q_put(self, item, block, timeout, _CSimpleQueue.put)

    def put_nowait(self, item):
        return SimpleQueue.put(self, item, False)

    def get(self, block=True, timeout=None):
        if not c.called_from_user(2) and not getattr(self, "_fl_ids", None):
            return _CSimpleQueue.get(self, block, timeout)
        return _q_get(self, block, timeout, _CSimpleQueue.get)

    def get_nowait(self):
        return SimpleQueue.get(self, False)


def install():
    queue.SimpleQueue = SimpleQueue
    threading.Lock = Lock
    threading.RLock = RLock
    threading.Condition.__init__ = _cond_init
    threading.Condition.wait = _cond_wait
    threading.Condition.notify = _cond_notify
    threading.Event.__init__ = _event_init
    threading.Event.wait = _event_wait
    threading.Semaphore.__init__ = _sem_init
    threading.Semaphore.acquire = _sem_acquire
    threading.Semaphore.__enter__ = _sem_enter
    threading.BoundedSemaphore.__init__ = _bsem_init
    threading.Barrier.__init__ = _barrier_init
    threading.Barrier.wait = _barrier_wait
    queue.Queue.put = _q_put
    queue.Queue.get = _q_get
