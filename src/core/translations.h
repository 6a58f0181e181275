// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

namespace Forkline {

// The language Forkline speaks: FORKLINE_LANG (ko, en, ...) when it is set, else the system's.
QLocale uiLocale();

// Installs, on the running application, Forkline's catalogue for uiLocale()
// (:/i18n/forkline_<lang>.qm, which the forkline program embeds) and Qt's own (qtbase_<lang>.qm,
// for the standard dialogs). Call it before the first translated string is made. English is the
// source language: it needs no catalogue, and a language without one stays English.
void installTranslators();

} // namespace Forkline
