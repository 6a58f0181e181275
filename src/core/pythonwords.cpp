// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonwords.h"

namespace Forkline {

QSet<QString> wordSet(std::initializer_list<const char*> words)
{
    QSet<QString> set;
    for (const char* w : words)
        set.insert(QLatin1String(w));
    return set;
}

const QSet<QString>& pythonKeywords()
{
    static const QSet<QString> words
        = wordSet({ "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
            "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield" });
    return words;
}

} // namespace Forkline
