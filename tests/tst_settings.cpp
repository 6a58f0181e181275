// SPDX-License-Identifier: GPL-3.0-or-later
// Settings: what the app remembers survives a restart, and a settings file that cannot be
// written stays as it was while the failure is reported with the system's reason.
#include "settings/settings.h"
#include "settings/settingsformat.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#if !defined(Q_OS_WIN)
#include <unistd.h>
#endif

using namespace Forkline;
using ForklineTest::filesIn;
using ForklineTest::ScratchMount;

namespace {

enum class Failure { FullDisk, ReadOnly, NotAFolder };

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Settings files of the tests go under `folder`.
void settingsIn(const QString& folder)
{
    QSettings::setPath(SettingsFormat::format(), QSettings::UserScope, folder);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder);
}

} // namespace

Q_DECLARE_METATYPE(Failure)

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void survivesARestart();
    void takesOverTheIniFile();
    void writtenSoonAfterAChange();
    void failedWriteKeepsTheOldFile_data();
    void failedWriteKeepsTheOldFile();
};

void TestSettings::initTestCase()
{
    // Never touch the settings of a real user.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_settings"));
}

void TestSettings::survivesARestart()
{
    QTemporaryDir dir;
    settingsIn(dir.path());
    const QByteArray geometry("\x01\x02\x00\xff binary", 12);
    {
        Settings s;
        s.setLastScenario(QStringLiteral("시장/buyer-seller.json"));
        s.setTimeScale(0.25);
        s.setGeometry(geometry);
        s.setPresentationMode(true);
        QCOMPARE(s.sync(), QString());
        QVERIFY(s.fileName().startsWith(dir.path()));
        QJsonParseError error;
        QJsonDocument::fromJson(readAll(s.fileName()), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
    }
    Settings again;
    QCOMPARE(again.lastScenario(), QStringLiteral("시장/buyer-seller.json"));
    QCOMPARE(again.timeScale(), 0.25);
    QCOMPARE(again.geometry(), geometry);
    QVERIFY(again.presentationMode());
}

void TestSettings::takesOverTheIniFile()
{
    QTemporaryDir dir;
    settingsIn(dir.path());
    const QByteArray state("\x00\x10 window state", 15);
    {
        QSettings old;
        old.setValue(QStringLiteral("run/lastScenario"), QStringLiteral("gil-sum"));
        old.setValue(QStringLiteral("window/state"), state);
        old.sync();
        QCOMPARE(old.status(), QSettings::NoError);
    }
    Settings s;
    QCOMPARE(s.lastScenario(), QStringLiteral("gil-sum"));
    QCOMPARE(s.windowState(), state);
}

void TestSettings::writtenSoonAfterAChange()
{
    QTemporaryDir dir;
    settingsIn(dir.path());
    Settings s;
    s.setLastExportDir(dir.path());
    QTRY_VERIFY_WITH_TIMEOUT(readAll(s.fileName()).contains("lastDir"), 10000);
}

void TestSettings::failedWriteKeepsTheOldFile_data()
{
    QTest::addColumn<Failure>("failure");
    QTest::newRow("full disk") << Failure::FullDisk;
    QTest::newRow("read-only folder") << Failure::ReadOnly;
    QTest::newRow("folder is a file") << Failure::NotAFolder;
}

void TestSettings::failedWriteKeepsTheOldFile()
{
    QFETCH(Failure, failure);
    ScratchMount disk(64 * 1024);
    QTemporaryDir plain;
    QString folder;
    QString reason;
    switch (failure) {
    case Failure::FullDisk:
        if (!disk.isMounted())
            QSKIP(qPrintable(QStringLiteral("no full disk to try: ") + disk.whyNot()));
        folder = disk.path();
        reason = QStringLiteral("No space left on device");
        break;
    case Failure::ReadOnly:
#if !defined(Q_OS_WIN)
        if (!disk.isMounted() && geteuid() == 0)
            QSKIP(qPrintable(QStringLiteral("root writes anywhere, and ") + disk.whyNot()));
#endif
        folder = disk.isMounted() ? disk.path() : plain.filePath(QStringLiteral("locked"));
        reason = disk.isMounted() ? QStringLiteral("Read-only file system") : QStringLiteral("Permission denied");
        break;
    case Failure::NotAFolder:
        QVERIFY(QFile(plain.filePath(QStringLiteral("plain"))).open(QIODevice::WriteOnly));
        folder = plain.filePath(QStringLiteral("plain"));
        reason = QStringLiteral("Not a directory");
        break;
    }
    settingsIn(folder);
    Settings s;
    const QString file = s.fileName();
    QByteArray before;
    if (failure != Failure::NotAFolder) {
        s.setLastScenario(QStringLiteral("before"));
        QCOMPARE(s.sync(), QString());
        before = readAll(file);
        QVERIFY(before.contains("before"));
    }
    const QString settingsFolder = QFileInfo(file).path();
    if (failure == Failure::FullDisk)
        QVERIFY(disk.fill());
    if (failure == Failure::ReadOnly) {
        if (disk.isMounted())
            QVERIFY(disk.makeReadOnly());
        else
            QVERIFY(QFile::setPermissions(settingsFolder, QFile::ReadOwner | QFile::ExeOwner));
    }

    QSignalSpy failed(&s, &Settings::writeFailed);
    s.setLastScenario(
        QStringLiteral("after, with a long name that needs more room than is left ") + QString(3000, u'x'));
    const QString error = s.sync();
    if (failure == Failure::ReadOnly && !disk.isMounted())
        QFile::setPermissions(settingsFolder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QCOMPARE(error, QStringLiteral("cannot write %1: %2").arg(file, reason));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().toString(), error);
    if (failure != Failure::NotAFolder) {
        QCOMPARE(readAll(file), before);
        const QStringList expected = failure == Failure::FullDisk
            ? QStringList { QStringLiteral("ForklineTest"), QStringLiteral("filler") }
            : QStringList { QStringLiteral("ForklineTest") };
        QCOMPARE(filesIn(folder), expected);
        QCOMPARE(filesIn(settingsFolder), QStringList { QFileInfo(file).fileName() });
    }
    if (failure == Failure::FullDisk) {
        // Room again: the next write goes through.
        QVERIFY(QFile::remove(disk.filePath(QStringLiteral("filler"))));
        s.setLastScenario(QStringLiteral("after"));
        QCOMPARE(s.sync(), QString());
        QVERIFY(readAll(file).contains("\"after\""));
    }
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
