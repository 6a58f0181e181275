// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythontracer.h"

#include "platform.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace Forkline {

namespace {
const QString kRoot = QStringLiteral(":/python");
const QString kMarker = QStringLiteral(".complete");

QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline::PythonTracer", s);
}

QStringList embeddedFiles()
{
    QStringList files;
    QDirIterator it(kRoot, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    std::sort(files.begin(), files.end());
    return files;
}

// Where anyone may create folders, one made by someone else could hold code of theirs.
bool ownedByMe(const QString& path)
{
#if defined(Q_OS_UNIX)
    const QFileInfo info(path);
    return info.exists() && info.ownerId() == uint(::getuid());
#else
    Q_UNUSED(path);
    return true;
#endif
}

bool writeCopy(const QString& dir, QString* error)
{
    for (const QString& source : embeddedFiles()) {
        const QString target = dir + source.mid(kRoot.size());
        if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
            *error = tr("cannot create %1").arg(QFileInfo(target).absolutePath());
            return false;
        }
        QFile in(source);
        QSaveFile out(target);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly) || out.write(in.readAll()) < 0
            || !out.commit()) {
            *error = tr("cannot write %1: %2").arg(target, out.errorString());
            return false;
        }
    }
    QFile marker(dir + QLatin1Char('/') + kMarker);
    if (!marker.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(marker.fileName(), marker.errorString());
        return false;
    }
    return true;
}
} // namespace

QString PythonTracer::digest()
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const QString& path : embeddedFiles()) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        hash.addData(path.toUtf8());
        hash.addData(f.readAll());
    }
    return QString::fromLatin1(hash.result().toHex().left(12));
}

QString PythonTracer::directory(QString* error)
{
    const QString override = qEnvironmentVariable("FORKLINE_PYTHON_TRACER");
    if (!override.isEmpty()) {
        if (QFileInfo::exists(override + QStringLiteral("/sitecustomize.py")))
            return QDir(override).absolutePath();
        *error = tr("FORKLINE_PYTHON_TRACER names %1, which has no sitecustomize.py").arg(override);
        return {};
    }
    if (embeddedFiles().isEmpty()) {
        *error = tr("this build has no Python tracer in it");
        return {};
    }
    const QString name = QStringLiteral("python-tracer-") + digest();
    QStringList bases;
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (!cache.isEmpty())
        bases << cache + QStringLiteral("/forkline");
    // Per user: another user's copy in a shared temporary folder is not to be trusted.
    bases << QDir::tempPath()
            + QStringLiteral("/forkline-%1").arg(qEnvironmentVariable("USER", QStringLiteral("user")));
    QString lastError;
    for (const QString& base : std::as_const(bases)) {
        const QString dir = base + QLatin1Char('/') + name;
        if (!QDir().mkpath(base) || !ownedByMe(base)) {
            lastError = tr("%1 is not this user's own folder").arg(base);
            continue;
        }
        if (QFileInfo::exists(dir + QLatin1Char('/') + kMarker))
            return dir;
        // Written aside and renamed into place, so that two runs starting together never see
        // half a copy.
        const QString temp = dir + QStringLiteral(".part-%1").arg(currentPid());
        QDir(temp).removeRecursively();
        if (QDir().mkpath(temp) && writeCopy(temp, &lastError)) {
            if (QDir().rename(temp, dir) || QFileInfo::exists(dir + QLatin1Char('/') + kMarker)) {
                QDir(temp).removeRecursively();
                return dir;
            }
            lastError = tr("cannot move %1 into place").arg(temp);
        } else if (lastError.isEmpty()) {
            lastError = tr("cannot create %1").arg(temp);
        }
        QDir(temp).removeRecursively();
    }
    *error = tr("cannot write the Python tracer's files: %1").arg(lastError);
    return {};
}

QString PythonTracer::programFile(const QString& program, QString* error)
{
    if (!program.startsWith(QLatin1String(":/")))
        return program;
    QFile in(program);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = tr("no built-in program %1").arg(program);
        return {};
    }
    const QByteArray content = in.readAll();
    const QString tracer = directory(error);
    if (tracer.isEmpty())
        return {};
    // Beside the tracer's copy, in a folder of its own: the lesson's folder becomes its sys.path[0].
    const QString dir = QFileInfo(tracer).absolutePath() + QStringLiteral("/lessons");
    const QString path = dir + QLatin1Char('/') + QFileInfo(program).fileName();
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly) && existing.readAll() == content)
        return path;
    existing.close();
    QSaveFile out(path);
    if (!QDir().mkpath(dir) || !out.open(QIODevice::WriteOnly) || out.write(content) < 0 || !out.commit()) {
        *error = tr("cannot write %1: %2").arg(path, out.errorString());
        return {};
    }
    return path;
}

} // namespace Forkline
