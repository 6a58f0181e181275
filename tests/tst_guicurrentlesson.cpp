// SPDX-License-Identifier: GPL-3.0-or-later
// The selected lesson is loaded once, when it is selected, and that copy is what everybody
// uses: the window, the lesson's controls and the run with all its processes.
#include "lessons/currentlesson.h"
#include "lessons/lessoncontroller.h"
#include "lessons/scenariopanel.h"
#include "lessons/workerpanel.h"
#include "testutil.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Forkline;
using namespace ForklineTest;

namespace {

constexpr int kRunTimeoutMs = 60000;

// A thread and a process worker, both named after the version of the file.
QByteArray lessonFile(const char* version)
{
    return QByteArray(R"({"format": 1, "name": "edited", "title": "Edited on disk",
        "main": [{"start": "thread-VERSION"}, {"start": "proc-VERSION"},
                 {"join": "thread-VERSION"}, {"join": "proc-VERSION"}],
        "workers": [{"name": "thread-VERSION", "steps": [{"print": "VERSION"}]},
                    {"name": "proc-VERSION", "kind": "process", "steps": [{"print": "VERSION"}]}]})")
        .replace("VERSION", version);
}

} // namespace

class TestGuiCurrentLesson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void oneLoadPerSelection();
    void openedFileIsNotReadAgainOnSelection();
    void runExecutesTheLessonAsSelected();
    void brokenSelectionIsReportedAtRun();
};

void TestGuiCurrentLesson::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guicurrentlesson"));
}

void TestGuiCurrentLesson::oneLoadPerSelection()
{
    ScenarioPanel panel;
    CurrentLesson lesson(&panel, nullptr);
    QSignalSpy loaded(&lesson, &CurrentLesson::loaded);
    QVERIFY(panel.select(QStringLiteral("buyer-seller")));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(lesson.key(), QStringLiteral("buyer-seller"));
    QVERIFY(lesson.isLoaded());
    QCOMPARE(loaded.constLast().constFirst().value<Scenario>().name, QStringLiteral("buyer-seller"));
    QVERIFY(!lesson.scenarioData().isEmpty()); // the bytes a run will execute
    QVERIFY(panel.select(QStringLiteral("three-threads")));
    QCOMPARE(loaded.count(), 2);
    QCOMPARE(lesson.scenario().name, QStringLiteral("three-threads"));
}

void TestGuiCurrentLesson::openedFileIsNotReadAgainOnSelection()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("edited.json"), lessonFile("first"));
    MainWindow w;
    QSignalSpy loaded(w.lesson(), &CurrentLesson::loaded);
    QVERIFY(w.openScenarioFile(path));
    // Opening reads the file once; selecting what was just opened takes that copy.
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(w.lesson()->scenario().workers.size(), size_t(2));
    QCOMPARE(w.lesson()->scenario().workers[0].name, QStringLiteral("thread-first"));
    QCOMPARE(w.currentScenario(), QFileInfo(path).absoluteFilePath());
    // The panel shows that copy's workers.
    QCOMPARE(w.workerPanel()->workerCount(), 2);
}

void TestGuiCurrentLesson::runExecutesTheLessonAsSelected()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("edited.json"), lessonFile("first"));
    MainWindow w;
    w.setRunnerProgram(QStringLiteral(FORKLINE_BIN));
    w.setTimeScale(0.05);
    QVERIFY(w.openScenarioFile(path));
    // Edited after it was selected: neither the window nor any process of the run reads it.
    writeFile(dir, QStringLiteral("edited.json"), lessonFile("second"));
    QSignalSpy finished(&w, &MainWindow::runFinished);
    QVERIFY(w.startRun());
    QVERIFY(finished.wait(kRunTimeoutMs));
    QCOMPARE(finished.constFirst().constFirst().toInt(), 0);
    const TraceModel model = w.exportModel();
    QVERIFY(laneNamed(model, QStringLiteral("thread-first")) >= 0);
    QVERIFY(laneNamed(model, QStringLiteral("proc-first")) >= 0);
    QCOMPARE(laneNamed(model, QStringLiteral("thread-second")), -1);
    QCOMPARE(laneNamed(model, QStringLiteral("proc-second")), -1);

    // Selected again, it is read again: the new version is what runs next.
    QSignalSpy loaded(w.lesson(), &CurrentLesson::loaded);
    QVERIFY(w.selectScenario(QFileInfo(path).absoluteFilePath()));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(w.lesson()->scenario().workers[0].name, QStringLiteral("thread-second"));
}

void TestGuiCurrentLesson::brokenSelectionIsReportedAtRun()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("broken.json"), lessonFile("first"));
    MainWindow w;
    QVERIFY(w.openScenarioFile(path));
    QVERIFY(w.selectScenario(QStringLiteral("buyer-seller")));
    writeFile(dir, QStringLiteral("broken.json"), QByteArray("{ not json"));
    QSignalSpy failed(w.lesson(), &CurrentLesson::loadFailed);
    QVERIFY(w.selectScenario(QFileInfo(path).absoluteFilePath()));
    QCOMPARE(failed.count(), 1);
    QVERIFY(!w.lesson()->isLoaded());
    QVERIFY(!w.lessons()->compareAction()->isEnabled());
    QVERIFY(!w.startRun()); // says the loader's message rather than running the last good copy
    QVERIFY(!w.isRunning());
}

QTEST_MAIN(TestGuiCurrentLesson)
#include "tst_guicurrentlesson.moc"
