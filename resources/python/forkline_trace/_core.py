# SPDX-License-Identifier: GPL-3.0-or-later
"""The event channel and the lanes of this process.

Every traced process writes one JSON object a line to the collector's local socket, in the
format the scenario runner writes (src/core/channelevent.cpp): the same collector builds the
same model from either. Events are sent at once, from the thread they describe: a print must
reach the window within a few milliseconds, and a thread that blocks on a full socket slows
the program down rather than losing an event.
"""

import _thread
import os
import sys
import time

# perf_counter_ns is the clock the C++ side's std::chrono::steady_clock reads on every
# platform: CLOCK_MONOTONIC on Linux, mach_absolute_time on macOS, QueryPerformanceCounter on
# Windows (where time.monotonic_ns ticks only every 15 ms before Python 3.13).
now = time.perf_counter_ns
get_ident = _thread.get_ident
try:
    get_native_id = _thread.get_native_id
except AttributeError:  # before 3.8, where this tracer does not run anyway
    get_native_id = _thread.get_ident

_allocate_lock = _thread.allocate_lock
LINUX = sys.platform.startswith("linux")
# The real one: the tracer's own os._exit marks the end on the channel, which is what failed.
_exit_now = os._exit


class Lane(object):
    """One thread of this process as the timeline knows it."""

    __slots__ = ("tid", "ident", "name", "daemon", "main", "hidden", "ended", "joined", "join_id",
                 "failure", "announced", "parent", "fork_id")

    def __init__(self, tid, ident, name, daemon=False, main=False):
        self.tid = tid
        self.ident = ident
        self.name = name
        self.daemon = daemon
        self.main = main
        self.hidden = False  # a thread the multiprocessing machinery starts for itself
        self.ended = False
        self.joined = False
        self.join_id = 0
        self.failure = None  # "TypeName: message" of an exception that ended it
        self.announced = False
        self.parent = None  # (pid, tid) of the thread that started it
        self.fork_id = 0


class State(object):
    """Everything about this process the tracer keeps; reset in a forked child."""

    def __init__(self):
        self.pid = os.getpid()
        self.lanes = {}  # thread ident -> Lane
        self.main_lane = None
        self.process_name = ""
        self.process_parent = None  # (pid, tid)
        self.process_fork_id = 0
        self.process_join_id = 0
        self.process_daemon = False
        self.announced = False
        self.dead = False  # past the process's end mark: nothing more may be sent
        self.main_exited = False
        self.exit_code = None  # what sys.exit() was given
        self.children = {}  # pid -> Child
        self.started_at = now()


class Child(object):
    """A process this one started: a multiprocessing.Process, an os.fork() or a Popen."""

    __slots__ = ("pid", "kind", "name", "join_id", "daemon", "signal", "signal_id", "reported", "joined")

    def __init__(self, pid, kind, name, join_id, daemon=False):
        self.pid = pid
        self.kind = kind
        self.name = name
        self.join_id = join_id
        self.daemon = daemon
        self.signal = None  # "terminate" / "kill" when this process asked for its end
        self.signal_id = 0  # the arrow from the signal mark on the caller to this child's end
        self.reported = False
        self.joined = False


state = State()
class _PerThread(_thread._local):
    """Per thread, with defaults: a missing attribute of a thread-local costs an exception."""

    depth = 0  # inside a traced call whose wait is already shown
    hidden = False  # a thread of the multiprocessing machinery: it sends nothing
    mp_start = False  # inside Process.start, whose fork is already shown
    recv_fid = 0  # the arrow's id the last message this thread received carried in its header


tls = _PerThread()
_send_lock = _allocate_lock()
_announce_lock = _allocate_lock()
_sock = None
_broken = False
_flow_counter = [0]
_tracer_dir = os.path.dirname(os.path.abspath(__file__))
_script_name = ""


def set_script(path):
    global _script_name
    _script_name = os.path.basename(path) if path else "python"


def script_name():
    return _script_name


def new_flow_id():
    # Unique across the run's processes: the pid in the high bits, as the runner does.
    _flow_counter[0] += 1
    return (state.pid << 24) | (_flow_counter[0] & 0xFFFFFF)


# --- the socket -----------------------------------------------------------------------

def _connect():
    global _sock
    name = os.environ.get("FORKLINE_CHANNEL", "")
    if not name:
        return None
    if os.name == "nt":
        _sock = open(name, "wb", buffering=0)
    else:
        # The C module: `socket` would import enum and selectors into every traced process.
        import _socket
        s = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        s.connect(name)
        _sock = s
    return _sock


def _write(data):
    global _broken
    try:
        if os.name == "nt":
            _sock.write(data)
        else:
            _sock.sendall(data)
    except OSError:
        # The collector is gone: nobody is left to show or stop this run, so it ends here,
        # as a scenario run does when its channel closes.
        _broken = True
        _exit_now(130)


# Events that can wait a little: prints and the states around a sleep too short to see (a
# frame of the window is 16 ms). They go out together within _PENDING_AGE_NS, with the next
# event of the process that must go at once, or once there are many, so a loop that prints and
# sleeps costs one write per batch rather than one per line. A batch is never older than that
# age however long the program then computes without an event: a thread of the tracer's own
# (started with _thread, so threading.enumerate() and active_count() never see it) sends it.
_pending = []
_pending_since = [0]
_PENDING_MAX = 256
_PENDING_AGE_NS = 2000000
_flush_wake = None  # released while a batch waits for the flusher; held otherwise
_flush_armed = [False]
_flusher_pid = [0]


def send(line):
    """Sends encoded event lines (a str ending in a newline) of the calling thread."""
    if state.dead or _broken or tls.hidden:
        return
    if not state.announced:
        announce_process()
    with _send_lock:
        if _pending:
            line = "".join(_pending) + line
            del _pending[:]
        if _sock is None and _connect() is None:
            return
        _write(line.encode("utf-8", "surrogateescape"))


def defer(line):
    """Like send(), for an event that may reach the window a few milliseconds later."""
    if state.dead or _broken or tls.hidden:
        return
    if not state.announced:
        announce_process()
    t = now()
    with _send_lock:
        if not _pending:
            _pending_since[0] = t
        _pending.append(line)
        if len(_pending) < _PENDING_MAX and t - _pending_since[0] < _PENDING_AGE_NS:
            if not _flush_armed[0]:
                _arm_flusher()
            return
        data = "".join(_pending)
        del _pending[:]
        if _sock is None and _connect() is None:
            return
        _write(data.encode("utf-8", "surrogateescape"))


def flush_pending():
    """Sends the events that wait, now."""
    if not _pending or _broken:
        return
    with _send_lock:
        if not _pending or _sock is None:
            return
        data = "".join(_pending)
        del _pending[:]
        _write(data.encode("utf-8", "surrogateescape"))


def _arm_flusher():
    """With _send_lock held: wakes the flusher, started in this process if it is not yet."""
    global _flush_wake
    if _flusher_pid[0] != state.pid:
        _flusher_pid[0] = state.pid
        _flush_wake = _allocate_lock()
        _flush_wake.acquire()
        try:
            _thread.start_new_thread(_flush_loop, (_flush_wake,))
        except RuntimeError:  # no thread to be had (at interpreter exit): the next send() takes it
            return
    _flush_armed[0] = True
    _flush_wake.release()


def _flush_loop(wake):
    tls.hidden = True
    nap = _allocate_lock()
    nap.acquire()
    while True:
        wake.acquire()  # until a batch waits
        # It stays awake while batches keep coming: a program that prints in a loop sends most
        # batches itself (defer() sends one that has come of age), and this thread, waking once
        # per batch age rather than at every new batch, costs it one thread switch in each.
        wait_ns = _PENDING_AGE_NS
        while True:
            nap.acquire(True, wait_ns / 1e9)
            with _send_lock:
                if not _pending or _broken or state.dead:
                    del _pending[:]
                    _flush_armed[0] = False
                    break
                age = now() - _pending_since[0]
                if age < _PENDING_AGE_NS:
                    wait_ns = _PENDING_AGE_NS - age  # a younger batch: its own age is due later
                    continue
                data = "".join(_pending)
                del _pending[:]
                wait_ns = _PENDING_AGE_NS
                if _sock is None and _connect() is None:
                    continue
                _write(data.encode("utf-8", "surrogateescape"))


def send_raw(lines):
    """Sends lines without announcing the process first (the announcement itself)."""
    if _broken:
        return
    with _send_lock:
        data = "".join(_pending) + "".join(lines)
        del _pending[:]
        if _sock is None and _connect() is None:
            return
        _write(data.encode("utf-8", "surrogateescape"))


def close():
    global _sock
    with _send_lock:
        if _sock is not None:
            try:
                _sock.close()
            except OSError:
                pass
            _sock = None


# --- encoding (the keys of ChannelEvent::encode) --------------------------------------

# json's own C encoder of a str, without importing json (and re) into every traced process:
# most values are strings; json itself is imported the first time another value is written.
try:
    from _json import encode_basestring as _encode_str
except ImportError:
    import json

    _encode_str = json.encoder.py_encode_basestring


def _encode_any(value):
    global _encode_any
    import json

    _encode_any = json.JSONEncoder(ensure_ascii=False).encode
    return _encode_any(value)


def _dumps(value):
    # A str straight to the C encoder: most texts are a printed line.
    return _encode_str(value) if type(value) is str else _encode_any(value)


def text(value):
    return _dumps(value)


def ev_state(tid, s, site="", t=None, pid=None, detail=None):
    # detail: what the state is about ("1 s" of a sleep, the thread joined), drawn on its box.
    if detail:
        site += ',"detail":' + _dumps(detail)
    return '{"e":"state","t":%d,"pid":%d,"tid":%d,"s":"%s"%s}\n' % (
        now() if t is None else t, state.pid if pid is None else pid, tid, s, site)


_SHORT_SLEEP = ('{"e":"state","t":%d,"pid":%d,"tid":%d,"s":"sleeping"%s%s}\n'
                '{"e":"state","t":%d,"pid":%d,"tid":%d,"s":"running"%s}\n')


def ev_short_sleep(tid, site, t0, t1, secs_text=None):
    """ev_state() sleeping at t0 (for secs_text, drawn on its box) and running at t1, made in
    one go (a loop of short sleeps)."""
    pid = state.pid
    detail = ',"detail":"%s"' % secs_text if secs_text else ""
    return _SHORT_SLEEP % (t0, pid, tid, site, detail, t1, pid, tid, site)


def ev_instant(tid, n, txt=None, code=0, site="", t=None, pid=None):
    extra = ""
    if txt is not None:
        extra += ',"text":' + _dumps(txt)
    if code:
        extra += ',"code":%d' % code
    return '{"e":"inst","t":%d,"pid":%d,"tid":%d,"n":"%s"%s%s}\n' % (
        now() if t is None else t, state.pid if pid is None else pid, tid, n, extra, site)


def ev_flow(tid, fid, kind, start, site="", t=None, pid=None):
    return '{"e":"flow","t":%d,"pid":%d,"tid":%d,"id":%d,"ph":"%s","n":"%s"%s}\n' % (
        now() if t is None else t, state.pid if pid is None else pid, tid, fid, "s" if start else "f", kind, site)


def ev_lane(tid, name, process, daemon, parent, t=None, pid=None, ppid=None):
    extra = ""
    if parent:
        extra = ',"parent":[%d,%d]' % parent
    return '{"e":"lane","t":%d,"pid":%d,"tid":%d,"name":%s,"kind":"%s","daemon":%s,"ppid":%d%s}\n' % (
        now() if t is None else t, state.pid if pid is None else pid, tid, _dumps(name),
        "process" if process else "thread", "true" if daemon else "false",
        os.getppid() if ppid is None else ppid, extra)


def ev_process(tid, name, t=None, pid=None, ppid=None):
    return '{"e":"proc","t":%d,"pid":%d,"tid":%d,"ppid":%d,"name":%s}\n' % (
        now() if t is None else t, state.pid if pid is None else pid, tid,
        os.getppid() if ppid is None else ppid, _dumps(name))


# --- where in the user's program -------------------------------------------------------

_user_file = {}  # co_filename -> '"json path"' for user code, None for library code
_library_roots = []


def _init_library_roots():
    import threading  # a module of the standard library that is never frozen, unlike os

    roots = [_tracer_dir]
    for mod in (os, threading):
        d = os.path.dirname(os.path.abspath(getattr(mod, "__file__", "") or ""))
        if d and d not in roots:
            roots.append(d)
    roots.append(os.path.abspath(os.path.dirname(os.__file__)))
    _library_roots[:] = [os.path.normcase(r) + os.sep for r in roots if r]


def source_path(filename, paths=os.path):
    """A file as the events name it: absolute, with "/" between folders on every system (Qt's
    own way of writing a path, which the code pane compares it with, and what a trace made
    on Windows needs to be read elsewhere)."""
    path = paths.abspath(filename)
    return path.replace("\\", "/") if paths.sep == "\\" else path


def classify(filename, paths=os.path, roots=None):
    """The JSON text of a file of the user's own code, None for the library's (the standard
    library, site-packages, the tracer) and for code that is in no file."""
    if not filename or filename.startswith("<"):
        return None
    path = paths.normcase(paths.abspath(filename))
    for root in _library_roots if roots is None else roots:
        if path.startswith(root):
            return None
    sep = paths.sep
    if sep + "site-packages" + sep in path or sep + "dist-packages" + sep in path:
        return None
    return _dumps(source_path(filename, paths))


_classify = classify


def _user_frame(depth):
    """The innermost frame of the user's own code from `depth` frames above this one up, and
    its file's index."""
    try:
        f = sys._getframe(depth)
    except ValueError:
        return None, None
    while f is not None:
        fn = f.f_code.co_filename
        try:
            j = _user_file[fn]
        except KeyError:
            j = _user_file[fn] = _classify(fn)
        if j is not None:
            return f, j
        f = f.f_back
    return None, None


def site(depth=2):
    """',"file":...,"line":N' for the innermost frame of the user's own code, or ''."""
    f, j = _user_frame(depth + 1)
    return "" if f is None else ',"file":%s,"line":%d' % (j, f.f_lineno)


def _name_in(f, obj):
    # The program's own name for obj where it waits on it: a local, an attribute of `self`,
    # a global. Looked for only when a thread has to wait, which costs far more anyway.
    try:
        scope = f.f_locals
        for k, v in scope.items():
            if v is obj:
                return k
        me = scope.get("self")
        for k, v in getattr(me, "__dict__", {}).items():
            if v is obj:
                return "self." + k
        for k, v in f.f_globals.items():
            if v is obj:
                return k
    except Exception:
        pass
    return None


def site_and_name(obj, depth=2):
    """site(depth), and the name the user's code has for obj there (None when it has none:
    an item of a list, say)."""
    f, j = _user_frame(depth + 1)
    if f is None:
        return "", None
    return ',"file":%s,"line":%d' % (j, f.f_lineno), _name_in(f, obj)


def called_from_user(depth=2):
    """True when the nearest frame outside the tracer belongs to the user's code."""
    try:
        f = sys._getframe(depth)
    except ValueError:
        return False
    fn = f.f_code.co_filename
    try:
        j = _user_file[fn]
    except KeyError:
        j = _user_file[fn] = _classify(fn)
    return j is not None


def called_from_user_frame(f):
    fn = f.f_code.co_filename
    try:
        j = _user_file[fn]
    except KeyError:
        j = _user_file[fn] = _classify(fn)
    return j is not None


def caller_module_path(depth=2):
    try:
        return sys._getframe(depth).f_code.co_filename
    except ValueError:
        return ""


# --- lanes --------------------------------------------------------------------------

def _thread_name(ident):
    # Straight from threading's table: current_thread() would make a dummy thread (and take
    # a lock) for a thread threading does not know.
    th = sys.modules.get("threading")
    if th is not None:
        t = th._active.get(ident)
        if t is not None:
            return t.name, bool(t.daemon)
    return "Thread-%d" % get_native_id(), True


def lane():
    """The calling thread's lane, made and shown the first time it is needed."""
    ident = get_ident()
    ln = state.lanes.get(ident)
    if ln is None:
        name, daemon = _thread_name(ident)
        ln = Lane(get_native_id(), ident, name, daemon)
        state.lanes[ident] = ln
        if not state.announced:
            announce_process()
        if not ln.announced:
            announce_lane(ln)
    return ln


def announce_lane(ln, t=None):
    if ln.announced or ln.hidden:
        return
    ln.announced = True
    t = now() if t is None else t
    lines = [ev_lane(ln.tid, ln.name, False, ln.daemon, ln.parent, t)]
    if ln.fork_id:
        lines.append(ev_flow(ln.tid, ln.fork_id, "fork", False, t=t))
    lines.append(ev_instant(ln.tid, "start", t=t))
    lines.append(ev_state(ln.tid, "running", t=t))
    send("".join(lines))


def announce_process(t=None):
    """proc and lane events for this process and its main thread, once."""
    with _announce_lock:
        if state.announced:
            return
        state.announced = True
    main = state.main_lane
    if main is None:
        main = Lane(get_native_id(), get_ident(), "MainThread", main=True)
        state.main_lane = main
        state.lanes[main.ident] = main
    main.announced = True
    t = state.started_at if t is None else t
    name = state.process_name or _script_name
    lines = [ev_process(main.tid, name, t),
             ev_lane(main.tid, main.name, True, state.process_daemon, state.process_parent, t)]
    if state.process_fork_id:
        lines.append(ev_flow(main.tid, state.process_fork_id, "fork", False, t=t))
    lines.append(ev_instant(main.tid, "start", t=t))
    lines.append(ev_state(main.tid, "running", t=t))
    send_raw(lines)


def reannounce_process(name, parent, fork_id, join_id, daemon=False):
    """A process learns who it is late (a spawned multiprocessing child): name and parent."""
    state.process_name = name
    state.process_parent = parent
    state.process_join_id = join_id
    state.process_daemon = daemon
    main = state.main_lane
    if main is not None:
        main.name = name
    if not state.announced:
        state.process_fork_id = fork_id
        announce_process(t=now())
        return
    t = now()
    lines = [ev_process(main.tid, name, t), ev_lane(main.tid, name, True, daemon, parent, t)]
    if fork_id:
        lines.append(ev_flow(main.tid, fork_id, "fork", False, t=t))
    send("".join(lines))


def reset_after_fork(name):
    """In a forked child: a new process with one thread, and no connection of its own yet."""
    global _sock, _send_lock, _announce_lock, _broken, state
    old = _sock
    _sock = None
    _broken = False
    del _pending[:]  # the parent's, which it sends itself
    _flush_armed[0] = False  # the flusher is the parent's thread; the child starts its own
    _flusher_pid[0] = 0
    _send_lock = _allocate_lock()
    _announce_lock = _allocate_lock()
    if old is not None:
        # Only this process's copy of the descriptor: the parent's connection stays open.
        try:
            if os.name == "nt":
                old.close()
            else:
                os.close(old.detach())
        except OSError:
            pass
    # The fork may have happened inside a traced call of the parent (Process.start): the
    # child's code starts afresh, with nothing of that call around it.
    tls.depth = 0
    tls.mp_start = False
    tls.recv_fid = 0
    ident = get_ident()
    keep = state.lanes.get(ident)
    st = State()
    st.process_name = name
    main = Lane(get_native_id(), ident, keep.name if keep is not None else "MainThread", main=True)
    st.main_lane = main
    st.lanes[ident] = main
    state = st
    return st


def init_library_roots():
    _init_library_roots()
