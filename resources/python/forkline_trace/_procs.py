# SPDX-License-Identifier: GPL-3.0-or-later
"""Processes: multiprocessing.Process (fork, spawn, forkserver), signals to children, os.fork
and the os.wait family, subprocess.Popen, and how a process ends (sys.exit, os._exit, the
interpreter's exit). The messages between them are _messages'."""

import _thread
import os
# The C module: `signal` imports enum into every traced process.
import _signal as signal
import sys

from . import _core as c
from . import _threads as th
from . import _io
from ._messages import patch_connection, patch_managers, patch_queues

_orig_fork = getattr(os, "fork", None)
_orig_exit = os._exit
_orig_sys_exit = sys.exit
_ptls = c.tls


# --- how a process ends ------------------------------------------------------------------

def process_end(code):
    """The end marks of this process: daemon threads killed, the main thread's end.

    code None: the exit code is not known here (the program ended, or raised SystemExit,
    which Python handles out of the tracer's sight); whoever sees the process exit, its
    parent or the collector, marks the end with it.
    """
    st = c.state
    if st.dead:
        return
    if not st.announced:
        st.dead = True
        return
    _io.flush_partial_lines()
    main = st.main_lane
    t = c.now()
    out = []
    for ln in list(st.lanes.values()):
        if ln is main or ln.ended or ln.hidden or not ln.announced:
            continue
        ln.ended = True
        out.append(c.ev_instant(ln.tid, "killed", t=t))
    if not main.ended:
        if main.failure is not None:
            main.ended = True
            out.append(c.ev_instant(main.tid, "failed", main.failure, code=1 if code is None else code, t=t))
        elif code is not None:
            main.ended = True
            out.append(c.ev_instant(main.tid, "end", code=code, t=t))
        else:
            out.append(c.ev_state(main.tid, "running", t=t))
        if st.process_join_id:
            out.append(c.ev_flow(main.tid, st.process_join_id, "join", True, t=t))
    st.dead = True
    c.send_raw(out)


def exit_code_of(value):
    if value is None:
        return 0
    if isinstance(value, int):
        return value
    return 1


def _sys_exit(status=None):
    c.state.exit_code = exit_code_of(status)
    return _orig_sys_exit(status)


def _os_exit(code):
    try:
        process_end(code)
        c.close()
    except Exception:
        pass
    _orig_exit(code)


def at_exit():
    """Runs last of all atexit handlers: after the implicit joins and multiprocessing's own."""
    st = c.state
    if st.dead:
        return
    process_end(st.exit_code)
    c.close()


# --- children ----------------------------------------------------------------------------

def _signal_kind(child, sig):
    if child.signal == "kill" or sig == getattr(signal, "SIGKILL", -1):
        return "killed"
    if child.signal == "terminate" or sig == signal.SIGTERM:
        # multiprocessing terminates daemon processes at exit: the runner marks them killed.
        if child.signal is None and child.daemon and c.state.main_exited:
            return "killed"
        return "terminated"
    return "crashed"


def child_exited(pid, code, t=None):
    """The exit of a child this process started, as its parent sees it."""
    child = c.state.children.get(pid)
    if child is None or child.reported:
        return child
    child.reported = True
    t = c.now() if t is None else t
    if code is not None and code < 0:
        # A signal leaves the child no chance to report its own end: its arrows, from the
        # caller of terminate()/kill() and to whoever joins it, end and start here.
        sig = -code
        out = c.ev_instant(0, _signal_kind(child, sig), code=sig, t=t, pid=pid)
        if child.signal_id:
            out += c.ev_flow(0, child.signal_id, "signal", False, t=t, pid=pid)
        if child.join_id:
            out += c.ev_flow(0, child.join_id, "join", True, t=t, pid=pid)
        c.send(out)
    elif child.kind == "fork" and code is not None:
        # A forked child that ran off the end of the program, or raised SystemExit, cannot
        # know its own exit code: its parent does.
        c.send(c.ev_instant(0, "end", code=code, t=t, pid=pid))
    elif child.kind == "popen" and c.LINUX:
        # Only the parent knows when a program that is not Python ends; a traced Python
        # child reports the same end itself, and the first report counts.
        c.send(c.ev_instant(pid, "end", code=code or 0, t=t, pid=pid)
               + c.ev_flow(pid, child.join_id, "join", True, t=t, pid=pid))
    return child


def _child_joined(child, me, site, out, at_exit=False):
    if child is None or child.joined:
        return out
    child.joined = True
    if at_exit and child.daemon:
        return out  # killed at exit, as the runner draws it: no join of its own
    t = c.now()
    if child.join_id:
        out += c.ev_flow(me.tid, child.join_id, "join", False, site, t)
    if at_exit:
        return out  # the interpreter's join, not one the program wrote: an arrow only
    return out + c.ev_instant(me.tid, "join", child.name, site=site, t=t)


_SIGKILL = getattr(signal, "SIGKILL", 9)


def signal_child(pid, sig):
    """terminate(), kill() or os.kill() of a child by the program: a `signal` mark on the
    caller, with an arrow to the end it causes, as the scenario runner draws it."""
    st = c.state
    child = st.children.get(pid)
    if child is None or child.reported or st.dead or th.nested() or sig not in (signal.SIGTERM, _SIGKILL):
        return
    site = c.site()
    if not site:
        return  # the library's own (multiprocessing ending daemon processes at exit)
    if child.signal is None:
        child.signal = "kill" if sig == _SIGKILL else "terminate"
    me = c.lane()
    t = c.now()
    out = c.ev_instant(me.tid, "signal", child.name, code=int(sig), site=site, t=t)
    if not child.signal_id:
        child.signal_id = c.new_flow_id()
        out += c.ev_flow(me.tid, child.signal_id, "signal", True, site, t)
    c.send(out)


def _announce_child(pid, name, me, daemon, t):
    # Where a process's main thread id is its pid (Linux), the parent can show the child's
    # lane at once; the child's own announcement of the same lane follows.
    if c.LINUX:
        c.send(c.ev_lane(pid, name, True, daemon, (c.state.pid, me.tid), t=t, pid=pid, ppid=0))


def _decode_status(status):
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    if os.WIFEXITED(status):
        return os.WEXITSTATUS(status)
    return None


# --- os.fork and os.wait* ----------------------------------------------------------------

def _fork():
    me = c.lane()
    user = not _ptls.mp_start and c.called_from_user(2)
    if not user:
        return _orig_fork()
    site = c.site()
    fork_id = c.new_flow_id()
    join_id = c.new_flow_id()
    parent = (c.state.pid, me.tid)
    name = me.name
    t = c.now()
    pid = _orig_fork()
    if pid == 0:
        st = c.state  # already this process's own, made by the at-fork hook
        st.process_parent = parent
        st.process_fork_id = fork_id
        st.process_join_id = join_id
        st.process_name = "%s (fork)" % c.script_name()
        c.announce_process()
        return pid
    c.state.children[pid] = c.Child(pid, "fork", str(pid), join_id)
    c.send(c.ev_instant(me.tid, "fork", "pid %d" % pid, site=site, t=t)
           + c.ev_flow(me.tid, fork_id, "fork", True, site, t))
    _announce_child(pid, name, me, False, c.now())
    return pid


def _after_fork_child():
    c.reset_after_fork("")


def _wrap_wait(orig, blocking_of, result_of):
    def wait(*args, **kwargs):
        if th.nested():
            r = orig(*args, **kwargs)
            _note_wait(r, result_of, None, "")
            return r
        me = c.lane()
        site = c.site()
        blocking = blocking_of(args, kwargs)
        if blocking:
            c.send(c.ev_state(me.tid, "waiting:join", site))
        try:
            r = orig(*args, **kwargs)
        except BaseException:
            if blocking:
                c.send(c.ev_state(me.tid, "running", site))
            raise
        out = _note_wait(r, result_of, me, site)
        if blocking:
            out += c.ev_state(me.tid, "running", site)
        if out:
            c.send(out)
        return r

    return wait


def _note_wait(r, result_of, me, site):
    pid, code = result_of(r)
    if not pid:
        return ""
    child = c.state.children.get(pid)
    if child is None or child.kind != "fork" or code is None:
        return ""
    child_exited(pid, code)
    if me is None:
        return ""
    return _child_joined(child, me, site, "")


def _status_result(r):
    pid, status = r[0], r[1]
    return pid, (_decode_status(status) if pid else None)


def _waitid_result(r):
    if r is None:
        return 0, None
    if r.si_code == os.CLD_EXITED:
        return r.si_pid, r.si_status
    if r.si_code in (os.CLD_KILLED, os.CLD_DUMPED):
        return r.si_pid, -r.si_status
    return 0, None


def _options_blocking(pos):
    def blocking(args, kwargs):
        options = args[pos] if len(args) > pos else kwargs.get("options", 0)
        return not (options & os.WNOHANG)

    return blocking


# --- multiprocessing ---------------------------------------------------------------------

def _patch_process(mod):
    BP = mod.BaseProcess
    orig_start, orig_join, orig_boot = BP.start, BP.join, BP._bootstrap
    orig_terminate, orig_kill = BP.terminate, getattr(BP, "kill", None)

    def start(self):
        if self._popen is not None:
            return orig_start(self)
        me = c.lane()
        site = c.site()
        fork_id = c.new_flow_id()
        join_id = c.new_flow_id()
        self._fl = (c.state.pid, me.tid, fork_id, join_id)
        t = c.now()
        c.send(c.ev_instant(me.tid, "fork", self.name, site=site, t=t)
               + c.ev_flow(me.tid, fork_id, "fork", True, site, t))
        _ptls.mp_start = True
        try:
            with th.quiet:
                orig_start(self)
        finally:
            _ptls.mp_start = False
        pid = self._popen.pid
        c.state.children[pid] = c.Child(pid, "mp", self.name, join_id, bool(self.daemon))
        _announce_child(pid, self.name, me, bool(self.daemon), c.now())

    def join(self, timeout=None):
        popen = self._popen
        if popen is None or th.nested():
            return orig_join(self, timeout)
        me = c.lane()
        site = c.site()
        # multiprocessing's own join of the children still running when the program ends.
        at_exit = c.state.main_exited and not site
        waited = popen.poll() is None
        if waited:
            c.send(c.ev_state(me.tid, "waiting:exit" if at_exit else "waiting:join", site,
                              detail=None if at_exit else str(self.name)))
        try:
            with th.quiet:
                return orig_join(self, timeout)
        finally:
            out = ""
            if popen.returncode is not None:
                out = _child_joined(c.state.children.get(popen.pid), me, site, out, at_exit)
            if waited:
                out += c.ev_state(me.tid, "running", site)
            if out:
                c.send(out)

    def terminate(self):
        if self._popen is not None:
            signal_child(self._popen.pid, signal.SIGTERM)
        with th.quiet:  # its os.kill() is this call
            return orig_terminate(self)

    def kill(self):
        if self._popen is not None:
            signal_child(self._popen.pid, _SIGKILL)
        with th.quiet:
            return orig_kill(self)

    def bootstrap(self, *args, **kwargs):
        link = getattr(self, "_fl", None)
        parent = (link[0], link[1]) if link else None
        c.reannounce_process(self.name, parent, link[2] if link else 0, link[3] if link else 0, bool(self.daemon))
        main = c.state.main_lane
        # multiprocessing prints the traceback of what ended run() with print_exc(); the lane
        # learns it there, without a frame of the tracer in that traceback.
        import traceback

        print_exc = traceback.print_exc

        def noted_print_exc(*a, **kw):
            exc = sys.exc_info()[1]
            if exc is not None and main is not None:
                main.failure = th.describe(exc)
            return print_exc(*a, **kw)

        traceback.print_exc = noted_print_exc
        code = 1
        try:
            code = orig_boot(self, *args, **kwargs)
        finally:
            traceback.print_exc = print_exc
            process_end(code)
        return code

    BP.start = start
    BP.join = join
    BP.terminate = terminate
    if orig_kill is not None:
        BP.kill = kill
    BP._bootstrap = bootstrap


def _patch_popen(mod):
    P = mod.Popen
    orig_poll = P.__dict__.get("poll")
    if orig_poll is None:
        return

    def poll(self, *args, **kwargs):
        r = orig_poll(self, *args, **kwargs)
        if r is not None:
            child_exited(self.pid, r)
        return r

    P.poll = poll


# --- subprocess.Popen --------------------------------------------------------------------

def _patch_subprocess(mod):
    P = mod.Popen
    orig_init = P.__init__
    orig_wait = P.wait
    orig_handle = P.__dict__.get("_handle_exitstatus")
    orig_signal = P.send_signal

    def init(self, args, *rest, **kwargs):
        if not c.called_from_user(2) or c.state.dead or len(rest) >= 8:
            return orig_init(self, args, *rest, **kwargs)
        me = c.lane()
        site = c.site()
        fork_id = c.new_flow_id()
        join_id = c.new_flow_id()
        env = kwargs.get("env")
        env = dict(os.environ if env is None else env)
        env["FORKLINE_PARENT"] = "%d:%d" % (c.state.pid, me.tid)
        if "FORKLINE_CHANNEL" in os.environ:
            env.setdefault("FORKLINE_CHANNEL", os.environ["FORKLINE_CHANNEL"])
        here = os.path.dirname(c._tracer_dir)
        path = env.get("PYTHONPATH", "")
        if here not in path.split(os.pathsep):
            env["PYTHONPATH"] = here + (os.pathsep + path if path else "")
        kwargs["env"] = env
        t = c.now()
        orig_init(self, args, *rest, **kwargs)
        prog = args if isinstance(args, (str, bytes)) else (args[0] if args else "")
        if isinstance(prog, bytes):
            prog = prog.decode("utf-8", "replace")
        name = os.path.basename(str(prog).split()[0]) if str(prog).strip() else "process"
        c.state.children[self.pid] = c.Child(self.pid, "popen", name, join_id)
        out = (c.ev_instant(me.tid, "fork", name, site=site, t=t)
               + c.ev_flow(me.tid, fork_id, "fork", True, site, t))
        if c.LINUX:
            now = c.now()
            out += (c.ev_lane(self.pid, name, True, False, (c.state.pid, me.tid), t=now, pid=self.pid, ppid=0)
                    + c.ev_flow(self.pid, fork_id, "fork", False, t=now, pid=self.pid)
                    + c.ev_instant(self.pid, "start", t=now, pid=self.pid)
                    + c.ev_state(self.pid, "running", t=now, pid=self.pid))
        c.send(out)

    def wait(self, timeout=None):
        child = c.state.children.get(self.pid)
        if child is None or th.nested() or not c.called_from_user(2):
            return orig_wait(self, timeout)
        me = c.lane()
        site = c.site()
        waited = self.returncode is None
        if waited:
            c.send(c.ev_state(me.tid, "waiting:join", site))
        try:
            with th.quiet:
                return orig_wait(self, timeout)
        finally:
            out = ""
            if self.returncode is not None:
                out = _child_joined(child, me, site, out)
            if waited:
                out += c.ev_state(me.tid, "running", site)
            if out:
                c.send(out)

    def send_signal(self, sig):
        signal_child(self.pid, sig)
        with th.quiet:
            return orig_signal(self, sig)

    P.__init__ = init
    P.wait = wait
    P.send_signal = send_signal
    if orig_handle is not None:
        def handle(self, *args, **kwargs):
            r = orig_handle(self, *args, **kwargs)
            if self.returncode is not None:
                child_exited(self.pid, self.returncode)
            return r

        P._handle_exitstatus = handle


POST_IMPORT = {
    "multiprocessing.managers": patch_managers,
    "multiprocessing.process": _patch_process,
    "multiprocessing.popen_fork": _patch_popen,
    "multiprocessing.popen_forkserver": _patch_popen,
    "multiprocessing.popen_spawn_win32": _patch_popen,
    "multiprocessing.queues": patch_queues,
    "multiprocessing.connection": patch_connection,
    "subprocess": _patch_subprocess,
}


def install():
    if _orig_fork is not None:
        os.fork = _fork
        # No thread may hold the channel's lock across a fork: the child would never get it.
        os.register_at_fork(before=lambda: c._send_lock.acquire(), after_in_parent=lambda: c._send_lock.release(),
                            after_in_child=_after_fork_child)
    os._exit = _os_exit
    if hasattr(os, "kill"):
        orig_kill = os.kill

        def kill(pid, sig):
            signal_child(pid, sig)
            return orig_kill(pid, sig)

        os.kill = kill
    sys.exit = _sys_exit
    if hasattr(os, "wait"):
        os.wait = _wrap_wait(os.wait, lambda a, k: True, _status_result)
        os.waitpid = _wrap_wait(os.waitpid, _options_blocking(1), _status_result)
    if hasattr(os, "wait3"):
        os.wait3 = _wrap_wait(os.wait3, _options_blocking(0), _status_result)
    if hasattr(os, "wait4"):
        os.wait4 = _wrap_wait(os.wait4, _options_blocking(1), _status_result)
    if hasattr(os, "waitid"):
        os.waitid = _wrap_wait(os.waitid, _options_blocking(2), _waitid_result)
