// SPDX-License-Identifier: GPL-3.0-or-later
// The window as the command line starts it: `forkline FILE` opens a scenario, a program or a
// trace; File > Open Recent keeps the last ten; launch options change nothing that is saved.
#include "optionranges.h"
#include "settings/settings.h"
#include "settings/settingsformat.h"
#include "testutil.h"
#include "window/launchoptions.h"
#include "window/mainwindow.h"
#include "window/recentfilesmenu.h"
#include "window/traceopener.h"

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Forkline;

namespace {

const char kScenario[] = R"({"name": "%1", "title": "Launch %1", "main": [{"print": "hello"}]})";

QString writeScenario(const QTemporaryDir& dir, const QString& name)
{
    const QString path = dir.filePath(name + QStringLiteral(".json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QString::fromLatin1(kScenario).arg(name).toUtf8());
    return path;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

LaunchOptions launchWith(const QStringList& args)
{
    LaunchOptions launch;
    QString error;
    if (!LaunchOptions::parse(QStringList { QStringLiteral("forkline") } + args, &launch, &error))
        qWarning("%s", qPrintable(error));
    return launch;
}

} // namespace

class TestGuiLaunch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void parsesWhatTheWindowTakes();
    void opensScenarioGivenOnTheCommandLine();
    void opensTraceGivenOnTheCommandLine();
    void recentFilesKeepTheLastTen();
    void launchOptionsLeaveSettingsAlone();
    void boxesAndSettingsUseTheTable();

private:
    QTemporaryDir m_settingsDir;
};

void TestGuiLaunch::initTestCase()
{
    // Never touch the settings of a real user.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guilaunch"));
    QSettings::setPath(SettingsFormat::format(), QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestGuiLaunch::init()
{
    // Each test starts from no settings at all.
    Settings settings;
    QFile::remove(settings.fileName());
}

void TestGuiLaunch::parsesWhatTheWindowTakes()
{
    QTemporaryDir dir;
    const QString file = writeScenario(dir, QStringLiteral("a"));
    LaunchOptions o;
    QString error;
    QVERIFY(LaunchOptions::parse({ QStringLiteral("forkline"), QStringLiteral("-platform"), QStringLiteral("offscreen"),
                                     file, QStringLiteral("--time-scale=0.5"), QStringLiteral("--run"),
                                     QStringLiteral("buyer-seller"), QStringLiteral("--dark") },
        &o, &error));
    QCOMPARE(o.files, QStringList { file });
    QCOMPARE(o.timeScale, 0.5);
    QCOMPARE(o.run, QStringLiteral("buyer-seller"));
    QVERIFY(o.dark);
    QVERIFY(!LaunchOptions::parse({ QStringLiteral("forkline"), QStringLiteral("--frobnicate") }, &o, &error));
    QVERIFY2(error.contains(QLatin1String("unknown option --frobnicate")), qPrintable(error));
    QVERIFY(
        !LaunchOptions::parse({ QStringLiteral("forkline"), dir.filePath(QStringLiteral("gone.json")) }, &o, &error));
    QVERIFY2(error.contains(QLatin1String("no such file")), qPrintable(error));
}

void TestGuiLaunch::opensScenarioGivenOnTheCommandLine()
{
    QTemporaryDir dir;
    const QString file = writeScenario(dir, QStringLiteral("given"));
    MainWindow window;
    window.show();
    launchWith({ file }).apply(&window);
    QTRY_COMPARE_WITH_TIMEOUT(window.currentScenario(), QFileInfo(file).absoluteFilePath(), 10000);
    QVERIFY2(window.windowTitle().contains(QLatin1String("Launch given")), qPrintable(window.windowTitle()));
    // A file opened from the desktop is one the user chose: it is among the recent ones.
    QCOMPARE(window.settings()->recentFiles().value(0), QFileInfo(file).absoluteFilePath());
}

void TestGuiLaunch::opensTraceGivenOnTheCommandLine()
{
    const QString trace = QStringLiteral(FORKLINE_TEST_DATA "/chrome/foreign.json");
    MainWindow window;
    window.show();
    QSignalSpy loaded(window.traceOpener(), &TraceOpener::loaded);
    launchWith({ trace }).apply(&window);
    QVERIFY(loaded.wait(30000) || loaded.count() == 1);
    QVERIFY2(window.windowTitle().contains(QLatin1String("foreign.json")), qPrintable(window.windowTitle()));
    QVERIFY(window.exportModel().laneCount() > 0);
    QCOMPARE(window.settings()->recentFiles().value(0), QFileInfo(trace).absoluteFilePath());
}

void TestGuiLaunch::recentFilesKeepTheLastTen()
{
    QTemporaryDir dir;
    QStringList files;
    {
        MainWindow window;
        for (int i = 0; i < 12; ++i) {
            files << writeScenario(dir, QStringLiteral("s%1").arg(i));
            QVERIFY(window.openScenarioFile(files.constLast()));
        }
        // Opened again: moves to the top, not in twice.
        QVERIFY(window.openScenarioFile(files[5]));
        const QStringList recent = window.settings()->recentFiles();
        QCOMPARE(recent.size(), 10);
        QCOMPARE(recent[0], files[5]);
        QCOMPARE(recent[1], files[11]);
        QVERIFY(!recent.contains(files[0]) && !recent.contains(files[1]));
        QCOMPARE(recent.count(files[5]), 1);

        QMenu* menu = window.recentFiles()->menu();
        QList<QAction*> entries;
        for (QAction* a : menu->actions()) {
            if (!a->isSeparator() && a != window.recentFiles()->clearAction())
                entries << a;
        }
        QCOMPARE(entries.size(), 10);
        QCOMPARE(entries[0]->data().toString(), files[5]);
        QVERIFY(entries[9]->text().startsWith(QLatin1String("1&0 ")));
        // Choosing one opens it.
        entries[3]->trigger();
        QCOMPARE(window.currentScenario(), recent[3]);
        QCOMPARE(window.settings()->sync(), QString());
    }
    // Kept across sessions.
    {
        MainWindow window;
        QCOMPARE(window.settings()->recentFiles().size(), 10);
        QVERIFY(window.recentFiles()->clearAction()->isEnabled());
        window.recentFiles()->clearAction()->trigger();
        QVERIFY(window.settings()->recentFiles().isEmpty());
        QVERIFY(!window.recentFiles()->clearAction()->isEnabled());
    }
    Settings again;
    QVERIFY(again.recentFiles().isEmpty());
}

void TestGuiLaunch::launchOptionsLeaveSettingsAlone()
{
    QString fileName;
    {
        Settings before;
        before.setTimeScale(2);
        before.setLastScenario(QStringLiteral("buyer-seller"));
        QCOMPARE(before.sync(), QString());
        fileName = before.fileName();
    }
    const QByteArray saved = readAll(fileName);
    QVERIFY(saved.contains("buyer-seller"));
    {
        MainWindow window;
        window.setRunnerProgram(QStringLiteral(FORKLINE_BIN));
        window.show();
        QCOMPARE(window.timeScale(), 2.0);
        QSignalSpy finished(&window, &MainWindow::runFinished);
        launchWith({ QStringLiteral("--time-scale"), QStringLiteral("0.05"), QStringLiteral("--run"),
                       QStringLiteral("three-threads") })
            .apply(&window);
        QVERIFY(finished.wait(60000));
        // The launch did what it said...
        QCOMPARE(window.timeScale(), 0.05);
        QCOMPARE(window.currentScenario(), QStringLiteral("three-threads"));
        QCOMPARE(window.settings()->sync(), QString());
        // ...for this session only.
        QCOMPARE(readAll(fileName), saved);
    }
    QCOMPARE(readAll(fileName), saved);
    Settings after;
    QCOMPARE(after.timeScale(), 2.0);
    QCOMPARE(after.lastScenario(), QStringLiteral("buyer-seller"));
}

void TestGuiLaunch::boxesAndSettingsUseTheTable()
{
    // The window once stopped at 10 where the command line went to 1000.
    MainWindow window;
    window.setTimeScale(500);
    QCOMPARE(window.timeScale(), 500.0);
    window.setTimeScale(0);
    QCOMPARE(window.timeScale(), 0.0);
    window.setTimeScale(5000);
    QCOMPARE(window.timeScale(), OptionRanges::timeScale.high);
    Settings settings;
    settings.setTimeScale(500);
    QCOMPARE(settings.timeScale(), 500.0);
    settings.setWorkScale(1000);
    QCOMPARE(settings.workScale(), 1000.0);
    settings.setWorkScale(5000);
    QCOMPARE(settings.workScale(), OptionRanges::workScale.high);
    settings.setWorkScale(0);
    QCOMPARE(settings.workScale(), OptionRanges::workScale.low);
}

QTEST_MAIN(TestGuiLaunch)
#include "tst_guilaunch.moc"
