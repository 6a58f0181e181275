// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Forkline {

// A language Forkline speaks: the code Settings::language() keeps ("" for the system's
// language, "en", "ko") and its name, each in its own language, so that someone who cannot
// read the current one finds theirs. View > Language and the Preferences dialog list these.
struct LanguageChoice
{
    QString code;
    QString name;

    static QList<LanguageChoice> all();
};

} // namespace Forkline
