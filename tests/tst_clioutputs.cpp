// SPDX-License-Identifier: GPL-3.0-or-later
// Every file the command line writes, on a full disk, in a read-only folder and under a
// "folder" that is a file: exit 1, one line with the system's reason, the file that was there
// byte for byte as it was, and no temporary file left behind.
#include "testutil.h"

#include <QTest>

#if !defined(Q_OS_WIN)
#include <unistd.h>
#endif

using ForklineTest::filesIn;
using ForklineTest::runCli;
using ForklineTest::ScratchMount;

namespace {

enum class Failure { FullDisk, ReadOnly, NotAFolder };

const QByteArray kOld = "yesterday's good file: it must survive a failed write\n";

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

Q_DECLARE_METATYPE(Failure)

class TestCliOutputs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void failedWriteKeepsTheOldFile_data();
    void failedWriteKeepsTheOldFile();

private:
    QTemporaryDir m_dir;
    QString m_trace; // written by a real run, for render
};

void TestCliOutputs::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // A small trace (a few KiB): a write that small stays in Qt's buffer and fails only when
    // the buffer goes out, which is where a full disk used to leave an empty file.
    m_trace = m_dir.filePath(QStringLiteral("run.json"));
    const auto r
        = runCli({ QStringLiteral("run"), QStringLiteral("three-threads"), QStringLiteral("--trace"), m_trace });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QFileInfo(m_trace).size() < 16 * 1024);
}

void TestCliOutputs::failedWriteKeepsTheOldFile_data()
{
    QTest::addColumn<QStringList>("args"); // OUT stands for the file
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<Failure>("failure");
    const QString out = QStringLiteral("OUT");
    const QString trace = QStringLiteral("TRACE");
    const QList<std::tuple<const char*, QStringList, QString>> outputs {
        { "render --trace", { QStringLiteral("render"), trace, QStringLiteral("--trace"), out },
            QStringLiteral("t.json") },
        { "render --csv", { QStringLiteral("render"), trace, QStringLiteral("--csv"), out }, QStringLiteral("t.csv") },
        { "render --png", { QStringLiteral("render"), trace, QStringLiteral("--png"), out }, QStringLiteral("t.png") },
        { "render --svg", { QStringLiteral("render"), trace, QStringLiteral("--svg"), out }, QStringLiteral("t.svg") },
        { "run --trace, small",
            { QStringLiteral("run"), QStringLiteral("three-threads"), QStringLiteral("--trace"), out },
            QStringLiteral("t.json") },
        { "run --trace, large",
            { QStringLiteral("run"), QStringLiteral("buyer-seller"), QStringLiteral("--time-scale"),
                QStringLiteral("0.05"), QStringLiteral("--trace"), out },
            QStringLiteral("t.json") },
        { "compare --json",
            { QStringLiteral("compare"), QStringLiteral("gil-sum"), QStringLiteral("--work-scale"),
                QStringLiteral("0.005"), QStringLiteral("--json"), out },
            QStringLiteral("c.json") },
        { "compare --chart",
            { QStringLiteral("compare"), QStringLiteral("gil-sum"), QStringLiteral("--work-scale"),
                QStringLiteral("0.005"), QStringLiteral("--chart"), out },
            QStringLiteral("c.png") },
    };
    const QList<std::pair<const char*, Failure>> failures { { "full disk", Failure::FullDisk },
        { "read-only folder", Failure::ReadOnly }, { "folder is a file", Failure::NotAFolder } };
    for (const auto& [what, args, name] : outputs) {
        for (const auto& [how, failure] : failures)
            QTest::addRow("%s, %s", what, how) << args << name << failure;
    }
}

void TestCliOutputs::failedWriteKeepsTheOldFile()
{
    QFETCH(QStringList, args);
    QFETCH(QString, fileName);
    QFETCH(Failure, failure);

    ScratchMount disk; // unmounted however the test ends
    QTemporaryDir plain;
    QString folder;
    QString reason;
    QStringList left; // what the folder holds afterwards
    switch (failure) {
    case Failure::FullDisk:
        if (!disk.isMounted())
            QSKIP(qPrintable(QStringLiteral("no full disk to try: ") + disk.whyNot()));
        folder = disk.path();
        reason = QStringLiteral("No space left on device");
        left = QStringList { QStringLiteral("filler"), fileName };
        break;
    case Failure::ReadOnly:
        folder = disk.isMounted() ? disk.path() : plain.filePath(QStringLiteral("locked"));
        reason = disk.isMounted() ? QStringLiteral("Read-only file system") : QStringLiteral("Permission denied");
        left = QStringList { fileName };
        break;
    case Failure::NotAFolder:
        QVERIFY(QFile(plain.filePath(QStringLiteral("plain"))).open(QIODevice::WriteOnly));
        folder = plain.filePath(QStringLiteral("plain"));
        reason = QStringLiteral("Not a directory");
        break;
    }
    const QString target = folder + QLatin1Char('/') + fileName;
    if (failure != Failure::NotAFolder) {
        QVERIFY(QDir().mkpath(folder));
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly) && old.write(kOld) == kOld.size());
    }
    if (failure == Failure::FullDisk)
        QVERIFY(disk.fill());
    if (failure == Failure::ReadOnly) {
        if (disk.isMounted()) {
            QVERIFY(disk.makeReadOnly());
        } else {
#if defined(Q_OS_WIN)
            QSKIP("no read-only folders to try here");
#else
            if (geteuid() == 0)
                QSKIP(qPrintable(QStringLiteral("root writes anywhere, and ") + disk.whyNot()));
            QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
#endif
        }
    }

    args.replaceInStrings(QStringLiteral("OUT"), target);
    args.replaceInStrings(QStringLiteral("TRACE"), m_trace);
    const auto r = runCli(args);
    if (failure == Failure::ReadOnly && !disk.isMounted())
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    QCOMPARE(r.exitCode, 1);
    // compare reports its progress on stderr; the failure is one line of its own, the last.
    const QList<QByteArray> lines = r.err.trimmed().split('\n');
    QCOMPARE(QString::fromUtf8(lines.last()), QStringLiteral("forkline: cannot write %1: %2").arg(target, reason));
    QCOMPARE(
        std::count_if(lines.begin(), lines.end(), [](const QByteArray& l) { return l.startsWith("forkline:"); }), 1);
    if (failure != Failure::NotAFolder) {
        QCOMPARE(readAll(target), kOld);
        left.sort();
        QCOMPARE(filesIn(folder), left);
    }
}

QTEST_GUILESS_MAIN(TestCliOutputs)
#include "tst_clioutputs.moc"
