// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the files that implement ProcessHost (processhost*.cpp) and by nothing else.

#include "channelevent.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <cstdio>

namespace Forkline {
namespace ProcessHostPrivate {

// Every message of ProcessHost is translated in one context, whichever file it is in.
inline QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline::ProcessHost", s);
}

inline void writeStdout(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
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
