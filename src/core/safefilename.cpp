// SPDX-License-Identifier: GPL-3.0-or-later
#include "safefilename.h"

#include <QStringList>

namespace Forkline {

namespace {

// A character a file name must not hold on some system we run on, or that would hide what
// the name says (line breaks, bidirectional overrides, zero-width characters).
bool forbidden(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        break;
    }
    for (const char bad : { '/', '\\', '<', '>', ':', '"', '|', '?', '*' }) {
        if (c == char32_t(bad))
            return true;
    }
    return false;
}

bool trimmable(QChar c)
{
    return c == QLatin1Char('.') || c == QLatin1Char('-') || c.isSpace();
}

QString trimmed(QString s)
{
    qsizetype from = 0;
    while (from < s.size() && trimmable(s[from]))
        ++from;
    qsizetype to = s.size();
    while (to > from && trimmable(s[to - 1]))
        --to;
    return s.mid(from, to - from);
}

// CON, PRN, AUX, NUL, COM1-9 and LPT1-9 name devices on Windows whatever follows a dot.
bool windowsDevice(const QString& name)
{
    const QString stem = name.section(QLatin1Char('.'), 0, 0).trimmed().toUpper();
    static const QStringList devices { QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"),
        QStringLiteral("NUL") };
    if (devices.contains(stem))
        return true;
    return stem.size() == 4 && (stem.startsWith(QLatin1String("COM")) || stem.startsWith(QLatin1String("LPT")))
        && stem[3] >= QLatin1Char('1') && stem[3] <= QLatin1Char('9');
}

} // namespace

QString safeFileBaseName(const QString& text, const QString& fallback)
{
    QString out;
    int kept = 0;
    const QList<uint> codePoints = text.toUcs4();
    for (const uint cp : codePoints) {
        const char32_t c = forbidden(cp) ? U'-' : cp;
        // Runs of dots or dashes collapse, so "../../x" loses its ".." and "a\n\nb" is "a-b".
        if ((c == U'.' || c == U'-') && !out.isEmpty() && out.back() == QChar(c))
            continue;
        if (kept == kMaxFileBaseName)
            break;
        out.append(QString::fromUcs4(&c, 1));
        ++kept;
    }
    out = trimmed(out);
    if (out.isEmpty())
        return fallback;
    if (windowsDevice(out))
        out.prepend(QLatin1Char('_'));
    return out;
}

} // namespace Forkline
