// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Forkline {

// A file name (without extension) made from text that comes from a scenario or a trace file,
// which anyone may have written: no folder separators, no "..", no control or invisible
// formatting characters, none of the characters or device names Windows forbids, no leading
// dot (a hidden file) and no trailing dot or space, at most kMaxFileBaseName characters.
// Letters of every script stay (a Korean lesson keeps its Korean name). When nothing usable
// is left, `fallback`.
QString safeFileBaseName(const QString& text, const QString& fallback = QStringLiteral("forkline"));

// With an extension and QSaveFile's temporary suffix, even 4-byte UTF-8 characters stay
// within the 255 bytes most file systems allow a name.
constexpr int kMaxFileBaseName = 60;

} // namespace Forkline
