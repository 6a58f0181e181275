# SPDX-License-Identifier: GPL-3.0-or-later
"""Messages between processes as arrows: multiprocessing's Queue, SimpleQueue and
JoinableQueue, Pipe connections (objects and bytes, both ends of a duplex pipe) and the
queues of a multiprocessing.Manager."""

import io
import sys

from . import _core as c
from . import _threads as th

_ptls = c.tls


class Tagged(object):
    """An object on its way through a multiprocessing Queue or Pipe, with its arrow's id."""

    __slots__ = ("fid", "obj")

    def __init__(self, fid, obj):
        self.fid = fid
        self.obj = obj

    def __reduce__(self):
        return (Tagged, (self.fid, self.obj))


def patch_queues(mod):
    for cls in (mod.Queue, mod.JoinableQueue, mod.SimpleQueue):
        _tag_methods(cls, "put", "get")


def patch_connection(mod):
    _tag_methods(mod._ConnectionBase, "send", "recv")
    _tag_methods(mod._ConnectionBase, "send_bytes", "recv_bytes")
    _tag_methods(mod._ConnectionBase, None, "recv_bytes_into")
    for name in ("Connection", "PipeConnection"):
        cls = getattr(mod, name, None)
        if cls is not None and "_recv_bytes" in cls.__dict__:
            _strip_header(cls)


# Bytes sent with send_bytes() stay bytes: the arrow's id rides in a header in front of them,
# which every receive of the other end takes off again before anyone sees the message.
_HEADER = b"\x00\xf0FLK"
_HEADER_SIZE = len(_HEADER) + 8


def _tag_bytes(buf, offset=0, size=None, fid=0):
    """The message send_bytes(buf, offset, size) would send, with the header; None when the
    arguments are not the plain kind (the real send_bytes then checks and sends them)."""
    try:
        m = memoryview(buf)
    except TypeError:
        return None
    with m:
        if m.itemsize != 1 or m.ndim != 1 or offset < 0 or offset > len(m):
            return None
        end = len(m) if size is None else offset + size
        if size is not None and (size < 0 or end > len(m)):
            return None
        return _HEADER + fid.to_bytes(8, "big") + m[offset:end].tobytes()


def _bytes_at(buf, offset, size):
    """A message's first bytes, for its mark (the mark shows no more than that)."""
    try:
        with memoryview(buf) as m, m.cast("B") as b:
            return b[offset:offset + min(size, 64)].tobytes()
    except (TypeError, ValueError):
        return buf


def _strip_header(cls):
    orig = cls._recv_bytes

    def recv_bytes(self, maxsize=None):
        buf = orig(self, None if maxsize is None else maxsize + _HEADER_SIZE)
        with buf.getbuffer() as v:
            tagged = len(v) >= _HEADER_SIZE and v[:len(_HEADER)] == _HEADER
            if tagged:
                fid = int.from_bytes(v[len(_HEADER):_HEADER_SIZE], "big")
                data = v[_HEADER_SIZE:].tobytes()
        if not tagged:
            return buf
        _ptls.recv_fid = fid
        out = io.BytesIO(data)
        out.seek(0, 2)  # where the real one leaves it: the callers read its size with tell()
        return out

    cls._recv_bytes = recv_bytes


def _tag_methods(cls, put_name, get_name):
    orig_put = cls.__dict__.get(put_name) if put_name else None
    orig_get = cls.__dict__.get(get_name)
    raw = put_name == "send_bytes"
    if orig_put is not None:
        def put(self, obj, *args, **kwargs):
            if not c.called_from_user(2) or c.state.dead:
                return orig_put(self, obj, *args, **kwargs)
            fid = c.new_flow_id()
            if raw:
                tagged = _tag_bytes(obj, *args, fid=fid, **kwargs)
                if tagged is None:
                    return orig_put(self, obj, *args, **kwargs)
                obj, args, kwargs, sent = tagged, (), {}, tagged[_HEADER_SIZE:]
            else:
                sent, obj = obj, Tagged(fid, obj)
            me = c.lane()
            site = c.site()
            t = c.now()
            from ._sync import short
            c.send(c.ev_instant(me.tid, "send", short(_bytes_at(sent, 0, 64) if raw else sent), site=site, t=t)
                   + c.ev_flow(me.tid, fid, "message", True, site, t))
            with th.quiet:
                return orig_put(self, obj, *args, **kwargs)

        setattr(cls, put_name, put)
    if orig_get is not None:
        def get(self, *args, **kwargs):
            user = c.called_from_user(2) and not th.nested()
            me = site = None
            if user:
                me = c.lane()
                site, name = c.site_and_name(self)
                c.send(c.ev_state(me.tid, "waiting:queue", site, detail=name))
            got = False
            _ptls.recv_fid = 0
            try:
                with th.quiet:
                    r = orig_get(self, *args, **kwargs)
                got = True
            finally:
                if user and not got:
                    c.send(c.ev_state(me.tid, "running", site))
            fid, _ptls.recv_fid = _ptls.recv_fid, 0
            shown = r
            if type(r) is Tagged:
                fid, r = r.fid, r.obj
                shown = r
            elif get_name == "recv_bytes_into" and args:
                shown = _bytes_at(args[0], args[1] if len(args) > 1 else kwargs.get("offset", 0), r)
            if not fid or c.state.dead:
                if user:
                    c.send(c.ev_state(me.tid, "running", site))
                return r
            if me is None:
                me = c.lane()
                site = c.site()
            t = c.now()
            from ._sync import short
            c.send(c.ev_flow(me.tid, fid, "message", False, site, t)
                   + c.ev_instant(me.tid, "receive", short(shown), site=site, t=t)
                   + (c.ev_state(me.tid, "running", site, t) if user else ""))
            return r

        setattr(cls, get_name, get)


# --- multiprocessing.Manager() ------------------------------------------------------------

_MANAGED_QUEUES = ("Queue", "JoinableQueue")


def _user_proxy_call():
    # A proxy's methods are made with exec(): the frame above them is the program's.
    try:
        f = sys._getframe(2)
    except ValueError:
        return False
    if f.f_code.co_filename == "<string>":
        f = f.f_back
    return f is not None and c.called_from_user_frame(f)


def patch_managers(mod):
    """A managed queue's put() and get() go to the manager's process and back: the message is
    tagged on its way in, so the arrow runs from the putter to the getter, as with any queue."""
    orig = mod.BaseProxy._callmethod

    def callmethod(self, methodname, args=(), kwds={}):
        token = getattr(self, "_token", None)
        if (getattr(token, "typeid", None) not in _MANAGED_QUEUES or methodname not in _MANAGED_CALLS
                or c.state.dead or th.nested() or not _user_proxy_call()):
            r = orig(self, methodname, args, kwds)
            return r.obj if type(r) is Tagged else r
        return _MANAGED_CALLS[methodname](orig, self, methodname, tuple(args), kwds)

    mod.BaseProxy._callmethod = callmethod


def _managed_put(orig, proxy, methodname, args, kwds):
    if not args:
        return orig(proxy, methodname, args, kwds)
    me = c.lane()
    site = c.site()
    fid = c.new_flow_id()
    t = c.now()
    from ._sync import short
    c.send(c.ev_instant(me.tid, "send", short(args[0]), site=site, t=t)
           + c.ev_flow(me.tid, fid, "message", True, site, t))
    with th.quiet:
        return orig(proxy, methodname, (Tagged(fid, args[0]),) + args[1:], kwds)


def _managed_get(orig, proxy, methodname, args, kwds):
    me = c.lane()
    site, name = c.site_and_name(proxy)
    c.send(c.ev_state(me.tid, "waiting:queue", site, detail=name))
    r = None
    try:
        with th.quiet:
            r = orig(proxy, methodname, args, kwds)
    finally:
        out = ""
        t = c.now()
        if type(r) is Tagged:
            from ._sync import short
            out = (c.ev_flow(me.tid, r.fid, "message", False, site, t)
                   + c.ev_instant(me.tid, "receive", short(r.obj), site=site, t=t))
        c.send(out + c.ev_state(me.tid, "running", site, t))
    return r.obj if type(r) is Tagged else r


_MANAGED_CALLS = {"put": _managed_put, "put_nowait": _managed_put, "get": _managed_get,
                  "get_nowait": _managed_get}
