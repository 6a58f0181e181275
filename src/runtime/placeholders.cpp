// SPDX-License-Identifier: GPL-3.0-or-later
#include "placeholders.h"

namespace Forkline {

QString expandPlaceholders(const QString& text, const std::function<QString(const QString&)>& lookup)
{
    if (!text.contains(QLatin1Char('{')) && !text.contains(QLatin1Char('}')))
        return text;
    QString out;
    out.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if ((c == QLatin1Char('{') || c == QLatin1Char('}')) && i + 1 < text.size() && text.at(i + 1) == c) {
            out += c;
            ++i;
            continue;
        }
        if (c != QLatin1Char('{')) {
            out += c;
            continue;
        }
        const qsizetype close = text.indexOf(QLatin1Char('}'), i + 1);
        if (close < 0) {
            out += text.mid(i);
            break;
        }
        const QString value = lookup(text.mid(i + 1, close - i - 1));
        out += value.isNull() ? text.mid(i, close - i + 1) : value;
        i = close;
    }
    return out;
}

} // namespace Forkline
