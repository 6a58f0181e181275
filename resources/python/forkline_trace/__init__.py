# SPDX-License-Identifier: GPL-3.0-or-later
"""Forkline's tracer for real Python programs.

Put first on a program's PYTHONPATH (with the sitecustomize.py beside this package) and
given the collector's socket in FORKLINE_CHANNEL, it wraps the threading, multiprocessing,
subprocess, os, time, queue, print and input APIs the program uses, with no per-line
tracing, and reports every fork, start, wait, print, join and end on the event channel.
See docs/python.md.
"""

import atexit
import os
# The C module: `signal` imports enum into every traced process.
import _signal as signal
import sys

from . import _core as c

__all__ = ["install"]


class _PatchedLoader(object):
    """Runs a module's code, then patches it; everything else is the real loader's."""

    def __init__(self, loader, patch):
        self._fl_loader = loader
        self._fl_patch = patch

    def create_module(self, spec):
        create = getattr(self._fl_loader, "create_module", None)
        return create(spec) if create is not None else None

    def exec_module(self, module):
        self._fl_loader.exec_module(module)
        self._fl_patch(module)

    def __getattr__(self, name):
        return getattr(self._fl_loader, name)


class _PostImportFinder(object):
    """Patches multiprocessing and subprocess when the program imports them, not before:
    a program that never uses them does not pay for their import."""

    def __init__(self, patches):
        self._patches = patches

    def find_spec(self, name, path=None, target=None):
        patch = self._patches.get(name)
        if patch is None:
            return None
        for finder in sys.meta_path:
            if finder is self:
                continue
            find = getattr(finder, "find_spec", None)
            if find is None:
                continue
            spec = find(name, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = _PatchedLoader(spec.loader, patch)
        return spec

    def invalidate_caches(self):
        pass


def _parse_parent(value):
    try:
        pid, tid = value.split(":")
        return int(pid), int(tid)
    except ValueError:
        return None


def install():
    if sys.version_info < (3, 8) or not os.environ.get("FORKLINE_CHANNEL"):
        return
    # Only the program itself is the run's root; its children learn who they are otherwise.
    root = os.environ.pop("FORKLINE_ROOT", "") == "1"
    parent = _parse_parent(os.environ.pop("FORKLINE_PARENT", ""))
    c.init_library_roots()
    c.set_script(sys.argv[0] if sys.argv and sys.argv[0] not in ("", "-c", "-m") else "python")
    st = c.state
    main = c.Lane(c.get_native_id(), c.get_ident(), "MainThread", main=True)
    st.main_lane = main
    st.lanes[main.ident] = main
    st.process_parent = parent

    from . import _threads, _sync, _io, _procs

    _threads.install()
    _sync.install()
    _io.install()
    _procs.install()
    patches = dict(_procs.POST_IMPORT)
    for name in list(patches):
        mod = sys.modules.get(name)
        if mod is not None:
            patches.pop(name)(mod)
    sys.meta_path.insert(0, _PostImportFinder(patches))
    # The first handler registered runs last: after the program's own and multiprocessing's.
    atexit.register(_procs.at_exit)
    if hasattr(signal, "SIGINT"):
        # Ctrl+C stops the whole run from forkline (as Stop does), with every lane marked.
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        except (ValueError, OSError):
            pass
    if root or parent is not None:
        c.announce_process()
