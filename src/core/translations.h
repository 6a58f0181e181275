// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QStringList>

namespace Forkline {

// The language Forkline speaks: the one installTranslators() installed last; before that,
// FORKLINE_LANG (ko, en, ...) when it is set, else `chosen` (the window's View > Language, ""
// for none), else the system's.
QLocale uiLocale(const QString& chosen = {});
// FORKLINE_LANG when it is set, else the system's language: what "System Language" means.
QLocale systemUiLocale();

// Installs, on the running application, Forkline's catalogue for uiLocale()
// (:/i18n/forkline_<lang>.qm, which the forkline program embeds) and Qt's own, for the standard
// dialogs. Call it before the first translated string is made. English is the source language:
// it needs no catalogue, and a language without one stays English.
void installTranslators();
// The same for `locale`, in place of whatever was installed before: a language switch.
void installTranslators(const QLocale& locale);

// Qt's catalogues for `locale` from `directories`, first found first: qt_<lang> (what the
// deploy tools put beside the program on Windows and macOS, and what Debian's
// qt6-translations-l10n has as a set of references) and qtbase_<lang>, which some systems have
// alone. Returns the files installed.
QStringList installQtTranslators(const QLocale& locale, const QStringList& directories);
// Where Qt's catalogues are looked for: beside the program (a deployed folder), then where
// this Qt keeps its own.
QStringList qtTranslationDirectories();

} // namespace Forkline
