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

inline ChannelEvent instantEvent(qint64 pid, qint64 tid, InstantKind kind, qint64 t, qint32 code = 0)
{
    ChannelEvent ev;
    ev.type = ChannelEvent::Type::Instant;
    ev.t = t;
    ev.pid = pid;
    ev.tid = tid;
    ev.instant = kind;
    ev.code = code;
    return ev;
}

} // namespace ProcessHostPrivate
} // namespace Forkline
