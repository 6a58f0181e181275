// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the two files of ChromeTraceBuilder share.
#include "rawtraceevent.h"

#include <QByteArray>
#include <QString>
#include <limits>
#include <string_view>

namespace Forkline::BuilderDetail {

constexpr qint64 kMaxTime = std::numeric_limits<qint64>::max();
constexpr qint64 kOpen = std::numeric_limits<qint64>::min(); // the end of a B that waits for its E
constexpr qint64 kDropped = kOpen + 1; // an E that came before its B

inline QString toQString(std::string_view s)
{
    QString q = QString::fromUtf8(s.data(), qsizetype(s.size()));
    // A member that is present but empty ("text": "") stays distinct from an absent one.
    return q.isNull() ? QStringLiteral("") : q;
}

inline QByteArray rawKey(std::string_view s)
{
    return QByteArray::fromRawData(s.data(), qsizetype(s.size()));
}

// An event's args.file and args.line name the line of code behind it (a Python run's trace):
// read into the model's sources, so not kept among the event's own args as well.
inline bool hasSource(const RawTraceEvent& e)
{
    return e.file.present && e.line.valid && e.line.value >= 1 && e.line.value <= std::numeric_limits<qint32>::max();
}

} // namespace Forkline::BuilderDetail
