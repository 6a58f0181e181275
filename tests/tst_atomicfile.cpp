// SPDX-License-Identifier: GPL-3.0-or-later
// writeFileAtomically(): a file is the old one or the whole new one, whatever the disk does,
// and a failure says why in the system's words.
#include "atomicfile.h"
#include "testutil.h"

#include <QTest>

#if !defined(Q_OS_WIN)
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Forkline;
using ForklineTest::filesIn;
using ForklineTest::ScratchMount;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray kOld = "the good file from yesterday\n";

// Content written in pieces, as the CSV export does.
bool writeInPieces(QIODevice* out, const QByteArray& piece, int count)
{
    for (int i = 0; i < count; ++i) {
        if (out->write(piece) != piece.size())
            return false;
    }
    return true;
}

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesAndReplaces();
    void writesInPieces();
    void fullDiskKeepsTheOldFile_data();
    void fullDiskKeepsTheOldFile();
    void readOnlyFolderKeepsTheOldFile();
    void folderThatIsAFile();
    void aFolderIsNotReplaced();
    void failingWriterKeepsTheOldFile();
};

void TestAtomicFile::writesAndReplaces()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.json"));
    QCOMPARE(writeFileAtomically(path, kOld), QString());
    QCOMPARE(readAll(path), kOld);
    const QByteArray next(100000, 'n');
    QCOMPARE(writeFileAtomically(path, next), QString());
    QCOMPARE(readAll(path), next);
    QCOMPARE(filesIn(dir.path()), QStringList { QStringLiteral("out.json") });
}

void TestAtomicFile::writesInPieces()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    const QByteArray piece(1000, 'p');
    QCOMPARE(writeFileAtomically(path, [&piece](QIODevice* out) { return writeInPieces(out, piece, 50); }), QString());
    QCOMPARE(readAll(path), piece.repeated(50));
}

void TestAtomicFile::fullDiskKeepsTheOldFile_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("inPieces");
    // Qt keeps up to 16 KiB in its buffer: a small file fails only when the buffer goes out.
    QTest::newRow("small, one write") << 100 << false;
    QTest::newRow("large, one write") << 200000 << false;
    QTest::newRow("large, in pieces") << 200000 << true;
}

void TestAtomicFile::fullDiskKeepsTheOldFile()
{
    QFETCH(int, size);
    QFETCH(bool, inPieces);
    ScratchMount disk;
    if (!disk.isMounted())
        QSKIP(qPrintable(QStringLiteral("no full disk to try: ") + disk.whyNot()));
    const QString path = disk.filePath(QStringLiteral("out.json"));
    QCOMPARE(writeFileAtomically(path, kOld), QString());
    QVERIFY(disk.fill());
    const QByteArray data(size, 'x');
    const QString error = inPieces
        ? writeFileAtomically(path, [&data](QIODevice* out) { return writeInPieces(out, data.left(1000), 200); })
        : writeFileAtomically(path, data);
    QCOMPARE(error, QStringLiteral("cannot write %1: No space left on device").arg(path));
    QCOMPARE(readAll(path), kOld);
    QCOMPARE(filesIn(disk.path()), QStringList({ QStringLiteral("filler"), QStringLiteral("out.json") }));
}

void TestAtomicFile::readOnlyFolderKeepsTheOldFile()
{
    // As root, chmod stops nothing: a read-only mount does. Otherwise a folder without write
    // permission.
    ScratchMount disk;
    QTemporaryDir plain;
    const bool mounted = disk.isMounted();
    const QString folder = mounted ? disk.path() : plain.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/out.png");
    QCOMPARE(writeFileAtomically(path, kOld), QString());
    QString reason;
    if (mounted) {
        QVERIFY(disk.makeReadOnly());
        reason = QStringLiteral("Read-only file system");
    } else {
#if defined(Q_OS_WIN)
        QSKIP("no read-only folders to try here");
#else
        if (geteuid() == 0)
            QSKIP(qPrintable(QStringLiteral("root writes anywhere, and ") + disk.whyNot()));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        reason = QStringLiteral("Permission denied");
#endif
    }
    const QString error = writeFileAtomically(path, QByteArray(5000, 'n'));
    if (!mounted)
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QCOMPARE(error, QStringLiteral("cannot write %1: %2").arg(path, reason));
    QCOMPARE(readAll(path), kOld);
    QCOMPARE(filesIn(folder), QStringList { QStringLiteral("out.png") });
}

void TestAtomicFile::folderThatIsAFile()
{
    // Works for root too: no permission can make a regular file hold a folder.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("plain"));
    QCOMPARE(writeFileAtomically(file, kOld), QString());
    const QString path = file + QStringLiteral("/out.csv");
    QCOMPARE(writeFileAtomically(path, kOld), QStringLiteral("cannot write %1: Not a directory").arg(path));
    QCOMPARE(readAll(file), kOld);
}

void TestAtomicFile::aFolderIsNotReplaced()
{
    QTemporaryDir dir;
    const QString error = writeFileAtomically(dir.path(), kOld);
    QVERIFY2(error.startsWith(QStringLiteral("cannot write %1: ").arg(dir.path())), qPrintable(error));
    QVERIFY(QFileInfo(dir.path()).isDir());
}

void TestAtomicFile::failingWriterKeepsTheOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    QCOMPARE(writeFileAtomically(path, kOld), QString());
    const QString error = writeFileAtomically(path, [](QIODevice* out) {
        out->write("half a file");
        return false;
    });
    QVERIFY(error.startsWith(QStringLiteral("cannot write %1: ").arg(path)));
    QCOMPARE(readAll(path), kOld);
    QCOMPARE(filesIn(dir.path()), QStringList { QStringLiteral("out.csv") });
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
