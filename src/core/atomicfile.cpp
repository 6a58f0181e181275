// SPDX-License-Identifier: GPL-3.0-or-later
#include "atomicfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Forkline {

namespace {

bool hasReason(const QFileDevice& file)
{
    const QString reason = file.errorString();
    return !reason.isEmpty() && reason != QLatin1String("Unknown error");
}

// Qt says "Unknown error" when a device failed without an errno; the sentence should still
// say something a user can act on.
QString reasonOf(const QFileDevice& file)
{
    if (!hasReason(file))
        return QCoreApplication::translate("Forkline", "the data could not be written");
    return file.errorString();
}

// Passes writes on to a file until every byte is taken. QFileDevice returns a short count and
// no reason when the disk fills part way through a write; asking again for the rest meets the
// error itself, with the system's reason.
class WholeWrites final : public QIODevice
{
public:
    explicit WholeWrites(QFileDevice* file)
        : m_file(file)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 len) override
    {
        for (qint64 done = 0; done < len;) {
            const qint64 n = m_file->write(data + done, len - done);
            if (n <= 0) {
                setErrorString(reasonOf(*m_file));
                return -1;
            }
            done += n;
        }
        return len;
    }

private:
    QFileDevice* m_file = nullptr;
};

// Empties Qt's write buffer. A flush that writes only part of it gives no reason either; the
// second attempt does.
QString flushAll(QFileDevice* file)
{
    for (int attempt = 0; !file->flush(); ++attempt) {
        if (attempt > 0 || hasReason(*file))
            return reasonOf(*file);
    }
    return {};
}

// Everything written so far reaches the disk before the rename: after a crash or a power cut
// the target is the old file or the whole new one. (Qt's own sync in QSaveFile::commit()
// ignores errors; on Windows it is all there is.)
QString syncToDisk(QFileDevice* file)
{
#if defined(Q_OS_UNIX)
    if (::fsync(file->handle()) != 0 && errno != EINVAL && errno != ENOTSUP)
        return QString::fromLocal8Bit(std::strerror(errno));
#else
    Q_UNUSED(file);
#endif
    return {};
}

// QSaveFile refuses an existing file it may not write with a sentence of its own ("Existing
// file ... is not writable"); the system knows why (e.g. "Read-only file system").
QString openFailure(const QFileDevice& file, const QString& path)
{
#if defined(Q_OS_UNIX)
    if (QFileInfo::exists(path) && ::access(QFile::encodeName(path).constData(), W_OK) != 0)
        return QString::fromLocal8Bit(std::strerror(errno));
#else
    Q_UNUSED(path);
#endif
    return reasonOf(file);
}

// Why the folder for a file cannot be made: the first missing folder is made and removed
// again, and the system says why that fails (e.g. "Not a directory").
QString folderFailure(const QString& folder)
{
    if (QFileInfo(folder).isDir())
        return {};
#if defined(Q_OS_UNIX)
    QString missing = folder;
    for (QString parent = QFileInfo(missing).path(); parent != missing && !QFileInfo::exists(parent);
         parent = QFileInfo(missing).path())
        missing = parent;
    const QByteArray name = QFile::encodeName(missing);
    if (::mkdir(name.constData(), 0700) != 0)
        return QString::fromLocal8Bit(std::strerror(errno));
    ::rmdir(name.constData());
#endif
    return {};
}

QString writeThrough(const QString& path, const std::function<bool(QIODevice*)>& write)
{
    QFile device(path);
    if (!device.open(QIODevice::WriteOnly))
        return cannotWriteMessage(path, openFailure(device, path));
    WholeWrites out(&device);
    if (!write(&out))
        return cannotWriteMessage(path, out.errorString().isEmpty() ? reasonOf(device) : out.errorString());
    if (const QString reason = flushAll(&device); !reason.isEmpty())
        return cannotWriteMessage(path, reason);
    return {};
}

} // namespace

QString cannotWriteMessage(const QString& path, const QString& reason)
{
    return QCoreApplication::translate("Forkline", "cannot write %1: %2").arg(path, reason);
}

QString writeAndSync(QFileDevice* file, const QByteArray& data)
{
    WholeWrites out(file);
    if (out.write(data) != data.size())
        return out.errorString();
    if (const QString reason = flushAll(file); !reason.isEmpty())
        return reason;
    return syncToDisk(file);
}

QString writeFileAtomically(const QString& path, const std::function<bool(QIODevice*)>& write)
{
    if (const QFileInfo info(path); info.exists() && !info.isFile() && !info.isDir())
        return writeThrough(path, write);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWriteMessage(path, openFailure(file, path));
    // QSaveFile::commit() renames even after a write that failed in its buffer (a full disk
    // then leaves an empty file in place of a good one), so every step is checked here first,
    // and any failure cancels: the destructor then removes the temporary file.
    QString reason;
    WholeWrites out(&file);
    if (!write(&out))
        reason = out.errorString().isEmpty() ? reasonOf(file) : out.errorString();
    if (reason.isEmpty())
        reason = flushAll(&file);
    if (reason.isEmpty())
        reason = syncToDisk(&file);
    if (!reason.isEmpty()) {
        file.cancelWriting();
        return cannotWriteMessage(path, reason);
    }
    if (!file.commit())
        return cannotWriteMessage(path, reasonOf(file));
    return {};
}

QString probeWrite(const QString& path)
{
    if (const QString reason = folderFailure(QFileInfo(path).absolutePath()); !reason.isEmpty())
        return reason;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return openFailure(file, path);
    const QString reason = writeAndSync(&file, QByteArray(1, '\n'));
    file.cancelWriting(); // the destructor removes the temporary file
    return reason;
}

QString writeFileAtomically(const QString& path, const QByteArray& data)
{
    return writeFileAtomically(path, [&data](QIODevice* out) { return out->write(data) == data.size(); });
}

} // namespace Forkline
