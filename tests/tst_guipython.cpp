// SPDX-License-Identifier: GPL-3.0-or-later
// A Python program in the window: opened like a scenario (or dropped), run with Run, with the
// interpreter of the setting; a syntax error in the message bar.
#include "console/consolepane.h"
#include "lessons/pythoninterpreteraction.h"
#include "pythonlauncher.h"
#include "scenario.h"
#include "settings/settings.h"
#include "view/timelineview.h"
#include "window/mainwindow.h"
#include "window/messagebar.h"
#include "window/traceopener.h"

#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Forkline;

namespace {

constexpr int kRunTimeoutMs = 180000;

QString program(const QString& name)
{
    return QStringLiteral(FORKLINE_TEST_DATA "/python/") + name;
}

int laneNamed(const TraceModel& model, const QString& name)
{
    for (int i = 0; i < model.laneCount(); ++i) {
        if (model.lane(i).name == name)
            return i;
    }
    return -1;
}

} // namespace

class TestGuiPython : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void openAndRunAProgram();
    void syntaxErrorInTheMessageBar();
    void missingInterpreterInTheMessageBar();
    void interpreterSetting();
    void dropAProgram();
    void builtinPythonLessonsAreListed();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestGuiPython::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("no python3 on PATH");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guipython"));
    m_window = std::make_unique<MainWindow>();
    m_window->setRunnerProgram(QStringLiteral(FORKLINE_BIN));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestGuiPython::openAndRunAProgram()
{
    MainWindow& w = *m_window;
    Settings settings;
    settings.setPythonInterpreter(QStandardPaths::findExecutable(QStringLiteral("python3")));
    const QString path = QFileInfo(program(QStringLiteral("threads_join.py"))).absoluteFilePath();
    QVERIFY(w.openScenarioFile(path));
    QCOMPARE(w.currentScenario(), path);
    QSignalSpy finished(&w, &MainWindow::runFinished);
    QVERIFY(w.startRun());
    QVERIFY(finished.wait(kRunTimeoutMs));
    QCOMPARE(finished.first().first().toInt(), 0);
    const TraceModel& m = *w.timelineView()->model();
    QVERIFY(laneNamed(m, QStringLiteral("slow")) >= 0);
    QVERIFY(laneNamed(m, QStringLiteral("quick")) >= 0);
    QVERIFY(laneNamed(m, QStringLiteral("MainThread")) >= 0);
    // The console shows what the threads printed, once each.
    const QString console = w.console()->plainText();
    QCOMPARE(console.count(QStringLiteral("slow: start")), 1);
    QVERIFY(console.contains(QStringLiteral("main: done")));
}

void TestGuiPython::syntaxErrorInTheMessageBar()
{
    MainWindow& w = *m_window;
    const int lanes = w.timelineView()->model()->laneCount();
    const QString path = QFileInfo(program(QStringLiteral("syntax_error.py"))).absoluteFilePath();
    QVERIFY(w.openScenarioFile(path));
    QVERIFY(!w.startRun());
    QVERIFY(w.messageBar()->isVisible());
    QCOMPARE(w.messageBar()->kind(), MessageBar::Kind::Error);
    const QString message = w.messageBar()->text();
    QVERIFY2(message.startsWith(path + QStringLiteral(":1:")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral(": SyntaxError: ")), qPrintable(message));
    QCOMPARE(w.timelineView()->model()->laneCount(), lanes); // the last picture stays
}

void TestGuiPython::missingInterpreterInTheMessageBar()
{
    MainWindow& w = *m_window;
    Settings settings;
    const QString before = settings.pythonInterpreter();
    settings.setPythonInterpreter(QStringLiteral("/nonexistent/python3"));
    QVERIFY(w.openScenarioFile(program(QStringLiteral("threads_join.py"))));
    QVERIFY(!w.startRun());
    QVERIFY2(
        w.messageBar()->text().contains(QStringLiteral("/nonexistent/python3")), qPrintable(w.messageBar()->text()));
    settings.setPythonInterpreter(before);
}

void TestGuiPython::interpreterSetting()
{
    QWidget parent;
    Settings settings;
    PythonInterpreterAction action(&settings, &parent);
    settings.setPythonInterpreter(QStringLiteral("/opt/python3.13/bin/python3"));
    QVERIFY(action.statusTip().contains(QStringLiteral("/opt/python3.13/bin/python3")));
    settings.setPythonInterpreter(QString());
    QVERIFY(action.statusTip().contains(PythonLauncher::defaultInterpreter().join(QLatin1Char(' '))));
    QVERIFY(m_window->pythonInterpreterAction());
}

void TestGuiPython::dropAProgram()
{
    MainWindow& w = *m_window;
    const QString path = QFileInfo(program(QStringLiteral("queue_messages.py"))).absoluteFilePath();
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(path) });
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &drop);
    QCOMPARE(w.currentScenario(), path);
    QVERIFY(!w.traceOpener()->isBusy()); // listed as a program, not imported as a trace
}

void TestGuiPython::builtinPythonLessonsAreListed()
{
    bool found = false;
    for (const BuiltinScenario& s : builtinScenarios())
        found |= s.name == QLatin1String("py-buyer-seller");
    QVERIFY(found);
    QVERIFY(m_window->selectScenario(QStringLiteral("py-buyer-seller")));
    Scenario lesson;
    ScenarioError error;
    QVERIFY(loadScenario(QStringLiteral("py-buyer-seller"), &lesson, &error));
    QVERIFY(!lesson.program.isEmpty());
    QVERIFY(lesson.main.empty());
}

QTEST_MAIN(TestGuiPython)
#include "tst_guipython.moc"
