// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <functional>

class QFileDevice;
class QIODevice;

namespace Forkline {

// Writes a whole file so that whoever opens it sees either the old file or the complete new
// one, never a mix or a truncated file: the bytes go to a temporary file in the target's
// folder, are flushed and synced to disk, and only then replace the target. A full disk, a
// read-only folder or a failed sync leaves the old file as it was and no temporary file
// behind. A pipe or a device (a FIFO, /dev/null, /dev/stdout) is written to as it is, since
// replacing it would put a regular file in its place.
//
// Returns an empty string on success, else one sentence for the user:
// "cannot write PATH: <the system's reason>", e.g. "No space left on device".
QString writeFileAtomically(const QString& path, const QByteArray& data);

// The same for content made piece by piece: `write` puts it into the device and returns
// false as soon as a write fails (the device then holds the reason).
QString writeFileAtomically(const QString& path, const std::function<bool(QIODevice*)>& write);

// For a file someone else opened and will commit (QSettings' QSaveFile): writes all of
// `data`, flushes and syncs it. Empty on success, else the system's reason alone.
QString writeAndSync(QFileDevice* file, const QByteArray& data);

// Why `path` cannot be written, found by starting to: a missing folder is made (and removed
// again), a temporary file is opened beside the target, a byte written and synced, and
// everything removed. Empty when all of that works. For callers told only that a write
// failed, not why (QSettings).
QString probeWrite(const QString& path);

// The sentence above, for callers that find a failure themselves (e.g. a settings file).
QString cannotWriteMessage(const QString& path, const QString& reason);

} // namespace Forkline
