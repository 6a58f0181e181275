// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <functional>

namespace Forkline {

// Replaces {key} in a printed text with lookup(key); an unknown key (lookup returns a null
// QString) stays as written. "{{" and "}}" stand for literal braces.
QString expandPlaceholders(const QString& text, const std::function<QString(const QString&)>& lookup);

} // namespace Forkline
