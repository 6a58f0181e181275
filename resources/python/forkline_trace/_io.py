# SPDX-License-Identifier: GPL-3.0-or-later
"""What a thread writes to sys.stdout and sys.stderr, a line at a time, and input().

The text reaches the real stream at once and unchanged, so the traced program prints exactly
what it prints untraced; each complete line also becomes a `print` mark on the lane of the
thread that wrote it, so two threads writing parts of lines at the same time still get their
own lines.
"""

import _thread
import builtins
import io
import sys

from . import _core as c
from . import _threads as th

_orig_input = builtins.input
_orig_print = builtins.print
_get_ident = _thread.get_ident


class LineTap(object):
    """Stands in for sys.stdout or sys.stderr; everything but write() is the stream's own."""

    def __init__(self, stream):
        d = self.__dict__
        d["_fl_stream"] = stream
        d["_fl_write"] = stream.write
        d["_fl_parts"] = {}  # thread ident -> text of its line so far

    def write(self, s):
        # print() writes each argument, separator and end on its own: most calls have no
        # line end, and cost a dictionary update.
        n = self._fl_write(s)
        self.write_marks(s)
        return n

    def write_marks(self, s):
        """The print marks of text that has reached the stream."""
        if "\n" in s:
            self._fl_lines(s)
        elif s:
            parts = self._fl_parts
            ident = _get_ident()
            parts[ident] = parts.get(ident, "") + s

    def flush(self):
        # What the program flushes is out of the process: so are the marks of its lines.
        self._fl_stream.flush()
        c.flush_pending()

    def writelines(self, lines):
        for s in lines:
            self.write(s)

    def _fl_lines(self, s):
        if type(s) is not str or c.state.dead:
            return
        ident = _get_ident()
        lines = (self._fl_parts.pop(ident, "") + s).split("\n")
        rest = lines.pop()
        if rest:
            self._fl_parts[ident] = rest
        ln = c.lane()
        if ln.hidden:
            return
        site = c.site(3)
        t = c.now()
        if len(lines) == 1:
            c.send(c.ev_instant(ln.tid, "print", lines[0], site=site, t=t))
        else:
            c.send("".join([c.ev_instant(ln.tid, "print", line, site=site, t=t) for line in lines]))

    def _fl_take(self, ident):
        return self._fl_parts.pop(ident, "")

    def _fl_flush_all(self):
        """The unfinished lines at the end of the process, as print marks of their own."""
        parts = self._fl_parts
        while parts:
            ident, rest = parts.popitem()
            ln = c.state.lanes.get(ident)
            if ln is not None and not ln.hidden:
                c.send(c.ev_instant(ln.tid, "print", rest))

    def __getattr__(self, name):
        return getattr(self._fl_stream, name)

    def __setattr__(self, name, value):
        setattr(self._fl_stream, name, value)

    def __iter__(self):
        return iter(self._fl_stream)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self._fl_stream.__exit__(*exc)

    def __repr__(self):
        return repr(self._fl_stream)


def _input(prompt=""):
    ln = c.lane()
    site = c.site()
    # The prompt and whatever this thread left unfinished on stdout are one print: the text
    # the user sees before the answer.
    shown = ""
    out = sys.stdout
    if isinstance(out, LineTap):
        shown = out._fl_take(c.get_ident())
    shown += str(prompt)
    t = c.now()
    msg = ""
    if shown:
        msg = c.ev_instant(ln.tid, "print", shown, site=site, t=t)
    c.send(msg + c.ev_state(ln.tid, "waiting:input", site, t))
    try:
        return _orig_input(prompt)
    finally:
        # The prompt input() wrote itself is already in the print above.
        if isinstance(out, LineTap):
            out._fl_take(c.get_ident())
        c.send(c.ev_state(ln.tid, "running", site))


def _print(*args, **kwargs):
    # print() writes each argument, separator and end with a call of its own. To a buffered
    # stream those writes are C all along, and another thread cannot cut in between them; to
    # the stand-in they would be calls of Python code, where it can: the line is made first,
    # in C, and reaches the stream in one write. An unbuffered stream (python -u,
    # PYTHONUNBUFFERED) lets the GIL go at every write, so there print() goes piece by piece
    # as it does untraced.
    out = kwargs.get("file")
    if out is None:
        out = sys.stdout
    if type(out) is not LineTap or getattr(out._fl_stream, "write_through", False):
        return _orig_print(*args, **kwargs)
    flush = kwargs.pop("flush", False)
    text = _line_of(args, kwargs)
    if text is None:
        line = io.StringIO()
        kwargs["file"] = line
        _orig_print(*args, **kwargs)
        text = line.getvalue()
    out._fl_write(text)
    # The common line, one of its own, goes straight to its mark: no second pass over it.
    ident = _get_ident()
    if text[-1:] == "\n" and "\n" not in text[:-1] and ident not in out._fl_parts and not c.state.dead:
        ln = c.lane()
        if not ln.hidden:
            # The line waits in the stream's buffer, and its mark may wait a little too (see
            # _core.defer); a line the program flushes, or a stream that flushes at every line,
            # is out of the process already, and so is its mark, at once.
            mark = c.ev_instant(ln.tid, "print", text[:-1], site=c.site(), t=c.now())
            if flush or getattr(out._fl_stream, "line_buffering", True):
                c.send(mark)
            else:
                c.defer(mark)
    elif text:
        out.write_marks(text)
    if flush:
        out.flush()


def _line_of(args, kwargs):
    """The text print() makes of its arguments, made as print() makes it (str() of each, sep
    between, end after); None for arguments it would refuse, which print() itself then sees."""
    kwargs.pop("file", None)
    sep = kwargs.get("sep")
    end = kwargs.get("end")
    if len(kwargs) > (("sep" in kwargs) + ("end" in kwargs)):
        return None
    if sep is None:
        sep = " "
    elif type(sep) is not str:
        return None
    if end is None:
        end = "\n"
    elif type(end) is not str:
        return None
    return sep.join([a if type(a) is str else str(a) for a in args]) + end


taps = []


def install():
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        if stream is None or isinstance(stream, LineTap):
            continue
        tap = LineTap(stream)
        setattr(sys, name, tap)
        taps.append(tap)
    builtins.input = _input
    builtins.print = _print


def flush_partial_lines():
    for tap in taps:
        try:
            tap._fl_flush_all()
        except Exception:
            pass
