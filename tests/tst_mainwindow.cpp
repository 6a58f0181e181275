// SPDX-License-Identifier: GPL-3.0-or-later
#include "code/codepane.h"
#include "console/consolepane.h"
#include "explore/explorecontroller.h"
#include "lessons/scenariopanel.h"
#include "lessons/workerpanel.h"
#include "replay/replaybar.h"
#include "replay/replaycontroller.h"
#include "testutil.h"
#include "timelinestyle.h"
#include "view/timelineview.h"
#include "window/maintoolbar.h"
#include "window/mainwindow.h"
#include "window/messagebar.h"
#include "zoomstate.h"

#include <QAction>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>

using namespace Forkline;
using namespace ForklineTest;

namespace {

constexpr int kRunTimeoutMs = 30000;

// State fills found where the lanes are (the legend below them is left out).
QSet<State> statesOnLanes(const TimelineView& view)
{
    const TraceModel& model = *view.model();
    const QImage image = view.viewport()->grab().toImage();
    const double dpr = image.devicePixelRatio();
    int top = INT_MAX, bottom = 0;
    for (int i = 0; i < model.laneCount(); ++i) {
        top = std::min(top, view.lanePoint(i, 0).y() - 6);
        bottom = std::max(bottom, view.lanePoint(i, 0).y() + 6);
    }
    QSet<State> found;
    for (int y = std::max(0, top); y <= bottom && y * dpr < image.height(); ++y) {
        for (int x = 0; x * dpr < image.width(); ++x) {
            const QRgb px = image.pixel(int(x * dpr), int(y * dpr)) | 0xff000000;
            for (int s = 0; s < int(State::Count); ++s) {
                if (px == TimelineStyle::stateFill(State(s)).rgb())
                    found.insert(State(s));
            }
        }
    }
    return found;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void actionsHaveShortcutsAndTooltips();
    void formHoldsTheStaticParts();
    void runBuyerSeller();
    void badScenarioKeepsTimeline();
    void runAgainReplacesTimeline();
    void daemonSwitchReachesTheRun();
    void inputReachesAWaitingWorker();
    void missingRunnerShowsAnError();
    void closeMidRunStops();
    void runsStartAtTheLowestPriority();
    void busyMachineMakesTimingsUnreliable();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    // Never touch the settings of a real user.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    m_window = std::make_unique<MainWindow>();
    m_window->setRunnerProgram(QStringLiteral(FORKLINE_BIN));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::actionsHaveShortcutsAndTooltips()
{
    QCOMPARE(m_window->runAction()->shortcut(), QKeySequence(Qt::Key_F5));
    QVERIFY(m_window->runAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_R)));
    QVERIFY(m_window->stopAction()->shortcuts().contains(QKeySequence(Qt::Key_Escape)));
    QVERIFY(m_window->stopAction()->shortcuts().contains(QKeySequence(Qt::SHIFT | Qt::Key_F5)));
    const QList<QAction*> actions = m_window->findChildren<QAction*>();
    for (const QAction* a : actions) {
        if (a->isSeparator() || a->text().isEmpty() || a->menu())
            continue;
        if (a->parent() != m_window.get() && a->parent() != static_cast<QObject*>(m_window->timelineView()->zoom()))
            continue; // Qt's own (toolbar toggles and the like)
        QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->text()));
        QVERIFY2(!a->toolTip().isEmpty() && a->toolTip() != a->text().remove(QLatin1Char('&')), qPrintable(a->text()));
    }
}

// ui/mainwindow.ui builds the panels, splitters, tool bar, dock and menus; the controllers get
// the form's widgets (the replay bar, the Details dock) rather than making their own.
void TestMainWindow::formHoldsTheStaticParts()
{
    MainWindow& w = *m_window;
    auto* main = qobject_cast<QSplitter*>(w.centralWidget());
    QVERIFY(main);
    QCOMPARE(main->objectName(), QStringLiteral("mainSplitter"));
    QCOMPARE(main->orientation(), Qt::Horizontal);
    QCOMPARE(main->count(), 2);
    QVERIFY(qobject_cast<ScenarioPanel*>(main->widget(0)));
    auto* right = qobject_cast<QSplitter*>(main->widget(1));
    QVERIFY(right);
    QCOMPARE(right->objectName(), QStringLiteral("rightSplitter"));
    QCOMPARE(right->orientation(), Qt::Vertical);
    QCOMPARE(right->count(), 2);
    QCOMPARE(right->widget(1), static_cast<QWidget*>(w.console()));
    auto* code = qobject_cast<QSplitter*>(right->widget(0));
    QVERIFY(code);
    QCOMPARE(code->objectName(), QStringLiteral("codeSplitter"));
    QCOMPARE(code->count(), 2);
    QCOMPARE(code->widget(1), static_cast<QWidget*>(w.codePane()));
    QWidget* timelineBox = code->widget(0);
    QCOMPARE(w.timelineView()->parentWidget(), timelineBox);
    QCOMPARE(w.messageBar()->parentWidget(), timelineBox);
    QCOMPARE(static_cast<QWidget*>(w.replay()->bar())->parentWidget(), timelineBox);
    // The form's stretch: the timeline takes most of the width beside the code, and of the
    // height above the console.
    QVERIFY2(timelineBox->width() > 2 * w.codePane()->width(),
        qPrintable(QStringLiteral("%1 beside %2").arg(timelineBox->width()).arg(w.codePane()->width())));
    QVERIFY(code->height() > 2 * w.console()->height());

    QDockWidget* dock = w.explore()->detailsDock();
    QCOMPARE(dock->objectName(), QStringLiteral("detailsDock"));
    QCOMPARE(dock->parentWidget(), static_cast<QWidget*>(&w));
    QCOMPARE(w.dockWidgetArea(dock), Qt::RightDockWidgetArea);
    QVERIFY(dock->widget()); // the selection's details, which ExploreController put there
    QCOMPARE(w.toolBar()->objectName(), QStringLiteral("mainToolBar"));
    QCOMPARE(w.toolBarArea(w.toolBar()), Qt::TopToolBarArea);
    QVERIFY(w.toolBar()->actions().contains(w.runAction()));

    QStringList menus;
    for (const QAction* a : w.menuBar()->actions())
        menus << a->text();
    QCOMPARE(menus,
        QStringList({ QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&Run"), QStringLiteral("&View"),
            QStringLiteral("Re&play"), QStringLiteral("&Help") }));
    QVERIFY(w.menuBar()->actions().at(2)->menu()->actions().contains(w.runAction()));
}

void TestMainWindow::runBuyerSeller()
{
    MainWindow& w = *m_window;
    QVERIFY(w.selectScenario(QStringLiteral("buyer-seller")));
    QCOMPARE(w.currentScenario(), QStringLiteral("buyer-seller"));
    QVERIFY(w.windowTitle().contains(QLatin1String("Buyer and seller")));
    QCOMPARE(w.workerPanel()->workerCount(), 2);
    w.setTimeScale(0.02);
    QVERIFY(!w.console()->inputLine()->isEnabled());

    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.runAction()->trigger();
    QVERIFY(w.isRunning());
    QVERIFY(w.stopAction()->isEnabled());
    QVERIFY(w.console()->inputLine()->isEnabled());
    QVERIFY(finished.wait(kRunTimeoutMs));
    QCOMPARE(finished.constFirst().constFirst().toInt(), 0);
    QVERIFY(!w.isRunning());
    QVERIFY(!w.stopAction()->isEnabled());
    QVERIFY(!w.console()->inputLine()->isEnabled());

    const TimelineView& view = *w.timelineView();
    QVERIFY(view.model());
    QCOMPARE(view.model()->laneCount(), 3);
    QCOMPARE(view.model()->title, QStringLiteral("Buyer and seller: two threads, joined"));
    const QSet<State> states = statesOnLanes(view);
    QVERIFY2(states.contains(State::Sleeping), "sleeping lanes not painted");
    QVERIFY2(states.contains(State::WaitingJoin), "the main thread's join wait not painted");
    QVERIFY(states.size() >= 3); // and the running bursts between the sleeps

    const QString console = w.console()->plainText();
    QVERIFY2(console.contains(QStringLiteral("[메인] 장 종료")), qPrintable(console));
    QVERIFY(console.contains(QStringLiteral("[매수] 풀매수...")));
    // Tagged with the thread that printed it.
    QVERIFY(console.contains(QStringLiteral("매수 (buyer) · tid")));

    // Hovering a worker's sleep explains it.
    const int buyer = laneNamed(*view.model(), QStringLiteral("buyer"));
    QVERIFY(buyer >= 0);
    const Lane& lane = view.model()->lane(buyer);
    const auto sleep
        = std::find_if(lane.spans.begin(), lane.spans.end(), [](const Span& s) { return s.state == State::Sleeping; });
    QVERIFY(sleep != lane.spans.end());
    const QPoint pos = view.lanePoint(buyer, (sleep->start + sleep->end) / 2) - QPoint(0, 6);
    const QString tip = view.toolTipAt(pos);
    QVERIFY2(tip.contains(QStringLiteral("sleeping")) && tip.contains(QStringLiteral("매수")), qPrintable(tip));
}

void TestMainWindow::badScenarioKeepsTimeline()
{
    MainWindow& w = *m_window;
    QVERIFY(w.timelineView()->model()->laneCount() == 3);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\n  \"format\": 1,\n  \"name\": \"broken\",\n  \"main\": [ {\"sleep\": \"long\"} ]\n}\n");
    f.close();

    QVERIFY(!w.openScenarioFile(path));
    QVERIFY(w.messageBar()->isVisible());
    QCOMPARE(w.messageBar()->kind(), MessageBar::Kind::Error);
    const QString message = w.messageBar()->text();
    // The loader's one line: file:line:column: message.
    QVERIFY2(message.startsWith(path + QLatin1Char(':')), qPrintable(message));
    QVERIFY2(message.section(QLatin1Char(':'), 1, 1).toInt() > 0, qPrintable(message));
    QVERIFY2(message.section(QLatin1Char(':'), 2, 2).toInt() > 0, qPrintable(message));

    // Nothing else changed: same scenario, same picture.
    QCOMPARE(w.currentScenario(), QStringLiteral("buyer-seller"));
    QCOMPARE(w.timelineView()->model()->laneCount(), 3);
    QVERIFY(statesOnLanes(*w.timelineView()).contains(State::Sleeping));

    // A good file loads, is listed and selected.
    const QString good = dir.filePath(QStringLiteral("good.json"));
    QFile g(good);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("{\"format\": 1, \"name\": \"good\", \"title\": \"A good one\", \"main\": [{\"print\": \"hi\"}]}\n");
    g.close();
    QVERIFY(w.openScenarioFile(good));
    QVERIFY(!w.messageBar()->isVisible());
    QVERIFY(w.windowTitle().contains(QLatin1String("A good one")));
    QCOMPARE(w.timelineView()->model()->laneCount(), 3); // still the last run until Run
    QVERIFY(w.selectScenario(QStringLiteral("buyer-seller")));
}

void TestMainWindow::runAgainReplacesTimeline()
{
    MainWindow& w = *m_window;
    const qint64 oldPid = w.timelineView()->model()->lane(0).pid;
    const QString oldEnd = w.replay()->bar()->timeText();
    QVERIFY(oldEnd != QLatin1String("0.000 s"));
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.runAction()->trigger();
    // The replay bar starts over with the new run, not at the last one's end.
    QCOMPARE(w.replay()->bar()->timeText(), QStringLiteral("0.000 s"));
    QVERIFY(finished.wait(kRunTimeoutMs));
    const TraceModel& model = *w.timelineView()->model();
    QCOMPARE(model.laneCount(), 3);
    QVERIFY(model.lane(0).pid != oldPid);
    const QString console = w.console()->plainText();
    QCOMPARE(console.count(QStringLiteral("[메인] 장 종료")), 1);
}

void TestMainWindow::daemonSwitchReachesTheRun()
{
    MainWindow& w = *m_window;
    QVERIFY(w.selectScenario(QStringLiteral("buyer-seller")));
    QVERIFY(!w.workerPanel()->daemonFlags().value(QStringLiteral("buyer")));
    w.workerPanel()->setDaemon(QStringLiteral("buyer"), true);
    QVERIFY(w.workerPanel()->daemonFlags().value(QStringLiteral("buyer")));
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.runAction()->trigger();
    QVERIFY(finished.wait(kRunTimeoutMs));
    const TraceModel& model = *w.timelineView()->model();
    const int buyer = laneNamed(model, QStringLiteral("buyer"));
    QVERIFY(buyer >= 0);
    QVERIFY(model.lane(buyer).daemon);
    QVERIFY(!requireLane(model, QStringLiteral("seller")).daemon);
    w.workerPanel()->setDaemon(QStringLiteral("buyer"), false);
}

void TestMainWindow::inputReachesAWaitingWorker()
{
    MainWindow& w = *m_window;
    QVERIFY(w.selectScenario(QStringLiteral("input-worker")));
    w.setTimeScale(0.05);
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.runAction()->trigger();
    // The worker's lane turns to "waiting: input" and stays so until a line arrives.
    const auto waiting = [&w] {
        const TraceModel* m = w.timelineView()->model();
        const int lane = laneNamed(*m, QStringLiteral("work"));
        return lane >= 0 && m->lane(lane).open && m->lane(lane).openState == State::WaitingInput;
    };
    QTRY_VERIFY_WITH_TIMEOUT(waiting(), kRunTimeoutMs);
    QLineEdit* input = w.console()->inputLine();
    QVERIFY(input->isEnabled());
    QVERIFY(!input->placeholderText().isEmpty() && !input->toolTip().isEmpty());
    input->setFocus();
    input->insert(QStringLiteral("안녕")); // keyClicks knows only ASCII
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(input->text().isEmpty());
    QVERIFY(finished.wait(kRunTimeoutMs));
    QCOMPARE(finished.constFirst().constFirst().toInt(), 0);
    const QString console = w.console()->plainText();
    QVERIFY2(console.contains(QStringLiteral("[sub] 안녕로 검색을 시작")), qPrintable(console));
    QVERIFY(statesOnLanes(*w.timelineView()).contains(State::WaitingInput));
    QVERIFY(w.selectScenario(QStringLiteral("buyer-seller")));
}

void TestMainWindow::missingRunnerShowsAnError()
{
    MainWindow& w = *m_window;
    const int lanes = w.timelineView()->model()->laneCount();
    w.setRunnerProgram(QStringLiteral("/nonexistent/forkline"));
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.runAction()->trigger();
    // Whether the failure shows at once or as the end of the run, it must show, and the
    // window must not be left thinking a run is going.
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning() && w.messageBar()->isVisible(), kRunTimeoutMs);
    QCOMPARE(w.messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY2(w.messageBar()->text().contains(QLatin1String("start")), qPrintable(w.messageBar()->text()));
    QVERIFY(!w.stopAction()->isEnabled());
    if (finished.isEmpty())
        QCOMPARE(w.timelineView()->model()->laneCount(), lanes); // never started: the old picture stays
    w.setRunnerProgram(QStringLiteral(FORKLINE_BIN));
}

void TestMainWindow::closeMidRunStops()
{
    MainWindow& w = *m_window;
    w.setTimeScale(1.0); // a 20-second run, cut short by closing the window
    QSignalSpy started(&w, &MainWindow::runStarted);
    w.runAction()->trigger();
    QCOMPARE(started.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(w.timelineView()->model()->laneCount() >= 3, kRunTimeoutMs);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(w.close());
    QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!w.isRunning());
    const TraceModel& model = *w.timelineView()->model();
    bool aborted = false;
    for (const Lane& l : model.lanes()) {
        for (const Instant& i : l.instants)
            aborted = aborted || i.kind == InstantKind::Aborted;
    }
    QVERIFY(aborted);
}

void TestMainWindow::runsStartAtTheLowestPriority()
{
#if defined(Q_OS_LINUX)
    // However many threads a run keeps busy, they must not crowd out the window drawing them.
    MainWindow& w = *m_window;
    QVERIFY(w.selectScenario(QStringLiteral("buyer-seller")));
    w.setTimeScale(1.0);
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.runAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w.timelineView()->model()->laneCount() >= 3, kRunTimeoutMs);
    const qint64 pid = w.timelineView()->model()->lane(0).pid;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    QVERIFY2(stat.open(QIODevice::ReadOnly), qPrintable(stat.fileName()));
    // Field 19 is the nice value; the command name before it may hold spaces, so count from
    // the closing parenthesis (field 2 ends there, field 3 follows).
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    QVERIFY(fields.size() > 16);
    QCOMPARE(fields.at(16).toInt(), 19);
    w.stopAction()->trigger();
    QVERIFY(finished.wait(kRunTimeoutMs));
#else
    QSKIP("reads the runner's nice value from /proc");
#endif
}

// Another program keeping every core busy: the run's status says its timings are unreliable.
void TestMainWindow::busyMachineMakesTimingsUnreliable()
{
    std::vector<std::unique_ptr<QProcess>> hogs;
    for (int i = 0; i < QThread::idealThreadCount(); ++i) {
        auto p = std::make_unique<QProcess>();
        p->start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), QStringLiteral("while :; do :; done") });
        QVERIFY(p->waitForStarted());
        hogs.push_back(std::move(p));
    }
    MainWindow& w = *m_window;
    QVERIFY(w.selectScenario(QStringLiteral("buyer-seller")));
    w.setTimeScale(0.3);
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.runAction()->trigger();
    QVERIFY(finished.wait(kRunTimeoutMs));
    for (auto& p : hogs) {
        p->kill();
        p->waitForFinished();
    }
    QVERIFY2(w.stateText().contains(QLatin1String("unreliable")), qPrintable(w.stateText()));
    QVERIFY(w.console()->plainText().contains(QLatin1String("unreliable")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
