// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the files that implement ProcessHost (processhost*.cpp) and by nothing else.

#include "channelevent.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <cerrno>
#include <cstdio>

namespace Forkline {
namespace ProcessHostPrivate {

// Every message of ProcessHost is translated in one context, whichever file it is in.
inline QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline::ProcessHost", s);
}

// Once the reader of stdout has gone (`forkline run ... | head -1`: EPIPE, as SIGPIPE is
// ignored), printed text goes on to the trace only and the run goes on. Python's print() would
// raise BrokenPipeError in every thread that prints and end them; a lesson's run is not cut
// short because nobody reads its console any more. Called under ProcessHost's emit lock.
inline void writeStdout(const QByteArray& bytes)
{
    static bool readerGone = false;
    if (readerGone)
        return;
    if (std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) != size_t(bytes.size())
        || std::fflush(stdout) != 0) {
        readerGone = errno == EPIPE;
        std::clearerr(stdout);
    }
}

// An event of `type` on the lane (pid, tid) at t; the makers below add what their kind carries.
inline ChannelEvent eventAt(ChannelEvent::Type type, qint64 pid, qint64 tid, qint64 t)
{
    ChannelEvent ev;
    ev.type = type;
    ev.t = t;
    ev.pid = pid;
    ev.tid = tid;
    return ev;
}

inline ChannelEvent instantEvent(qint64 pid, qint64 tid, InstantKind kind, qint64 t, qint32 code = 0)
{
    ChannelEvent ev = eventAt(ChannelEvent::Type::Instant, pid, tid, t);
    ev.instant = kind;
    ev.code = code;
    return ev;
}

inline ChannelEvent stateEvent(qint64 pid, qint64 tid, State state, qint64 t)
{
    ChannelEvent ev = eventAt(ChannelEvent::Type::State, pid, tid, t);
    ev.state = state;
    return ev;
}

// One end of an arrow: `start` at the lane it leaves, not at the lane it reaches.
inline ChannelEvent flowEvent(qint64 pid, qint64 tid, qint64 id, FlowKind kind, bool start, qint64 t)
{
    ChannelEvent ev = eventAt(ChannelEvent::Type::Flow, pid, tid, t);
    ev.flowId = id;
    ev.flow = kind;
    ev.flowStart = start;
    return ev;
}

} // namespace ProcessHostPrivate
} // namespace Forkline
