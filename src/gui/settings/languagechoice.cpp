// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagechoice.h"

#include <QCoreApplication>

namespace Forkline {

QList<LanguageChoice> LanguageChoice::all()
{
    // The context of the menu that first said it, so the catalogue's entry carries over.
    return {
        { QString(), QCoreApplication::translate("Forkline::LanguageMenu", "System Language") },
        { QStringLiteral("en"), QStringLiteral("English") },
        { QStringLiteral("ko"), QStringLiteral("한국어 (Korean)") },
    };
}

} // namespace Forkline
