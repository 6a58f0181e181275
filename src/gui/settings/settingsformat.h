// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSettings>
#include <QString>

namespace Forkline {

// How Settings stores its file: JSON, written with writeAndSync(). Qt 6.4's own INI writer
// lets QSaveFile rename a file whose buffered write failed, so a full disk left an empty
// settings file and QSettings::status() still said NoError; this format checks every byte and
// syncs before QSettings may replace the old file, and reports the failure instead.
class SettingsFormat
{
public:
    // Registered with QSettings on first use.
    static QSettings::Format format();
    // The system's reason the last write of a settings file failed; empty once taken.
    static QString takeWriteError();
    // Why a settings file cannot be written when QSettings failed before writing a byte
    // (a read-only folder, a folder that cannot be made, a full disk for its lock file).
    static QString probe(const QString& fileName);
};

} // namespace Forkline
