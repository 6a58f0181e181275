// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Forkline::Documentation {

QString readme(const QString& programDir)
{
    const QDir dir(programDir.isEmpty() ? QCoreApplication::applicationDirPath() : programDir);
    // Installed: PREFIX/bin/forkline. The build tree: build/forkline (its tests one deeper).
    // macOS: forkline.app/Contents/MacOS/forkline, beside share/ in the disk image.
    const char* const candidates[] = { "../share/doc/forkline", "share/doc/forkline", "../../../share/doc/forkline" };
    for (const char* candidate : candidates) {
        const QFileInfo file(dir.filePath(QLatin1String(candidate) + QStringLiteral("/README.md")));
        if (file.isFile())
            return file.canonicalFilePath();
    }
    return {};
}

QString onlineReadme()
{
    return QStringLiteral("https://github.com/forkline/forkline/blob/main/README.md");
}

} // namespace Forkline::Documentation
