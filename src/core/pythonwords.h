// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>
#include <initializer_list>

namespace Forkline {

// Python's keywords, as the code pane colours them and as generated programs must not use
// them for a name.
const QSet<QString>& pythonKeywords();
// A set of words given as Latin-1 literals.
QSet<QString> wordSet(std::initializer_list<const char*> words);

} // namespace Forkline
