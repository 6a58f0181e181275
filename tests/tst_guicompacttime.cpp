// SPDX-License-Identifier: GPL-3.0-or-later
// View > Compact Time in the window: the switch, what it does to the timeline, pans and zooms
// along the compact axis, the picture that follows it, and the setting that remembers it.
#include "chrometrace.h"
#include "explore/explorecontroller.h"
#include "export/exportcontroller.h"
#include "settings/settings.h"
#include "testutil.h"
#include "view/timelineview.h"
#include "window/mainwindow.h"
#include "window/traceopener.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Forkline;
using namespace ForklineTest;

namespace {

constexpr qint64 kMs = 1000000;
constexpr int kWaitMs = 20000;

// fork-join's shape: two workers forked in the first 20 ms sleep for 3 s with main waiting,
// then main joins both.
TraceModel forkJoin()
{
    TraceModel m;
    m.title = QStringLiteral("Compact test");
    m.ensureProcess(10).name = QStringLiteral("compact-test");
    const int main = m.ensureLane(10, 10);
    m.lane(main).name = QStringLiteral("MainThread");
    m.lane(main).kind = LaneKind::Process;
    m.setState(main, 0, State::Running);
    for (int w = 0; w < 2; ++w) {
        const int lane = m.ensureLane(10, 11 + w);
        m.lane(lane).name = QStringLiteral("w%1").arg(w + 1);
        const qint64 fork = (5 + 5 * w) * kMs;
        m.addInstant(main, fork, InstantKind::Fork);
        m.setState(lane, fork, State::Running);
        m.setState(lane, fork + kMs, State::Sleeping);
        m.setState(lane, fork + 3000 * kMs, State::Running);
        m.addInstant(lane, fork + 3002 * kMs, InstantKind::End);
    }
    m.setState(main, 20 * kMs, State::WaitingJoin);
    m.addInstant(main, 3012 * kMs, InstantKind::Join);
    m.setState(main, 3012 * kMs, State::Running);
    m.addInstant(main, 3020 * kMs, InstantKind::End);
    return m;
}

} // namespace

class TestGuiCompactTime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void switchesTheViewAndIsRemembered();
    void pansAndZoomsAlongTheCompactAxis();
    void picturesFollowTheScreen();
    void cleanupTestCase();

private:
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestGuiCompactTime::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guicompacttime"));
    Settings().setCompactTime(false);
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("fork-join.json"));
    QString error;
    QVERIFY2(saveChromeTrace(forkJoin(), path, &error), qPrintable(error));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy loaded(m_window->traceOpener(), &TraceOpener::loaded);
    m_window->openTrace(path);
    QVERIFY(loaded.wait(kWaitMs));
}

void TestGuiCompactTime::switchesTheViewAndIsRemembered()
{
    TimelineView* view = m_window->timelineView();
    QAction* action = m_window->explore()->compactTimeAction();
    QVERIFY(action->isCheckable());
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    QVERIFY(!action->toolTip().isEmpty());
    QVERIFY(!action->isChecked());
    QVERIFY(!view->compact());
    const int w1 = laneNamed(*view->model(), QStringLiteral("w1"));
    QVERIFY(w1 >= 0);
    // Off, the 20 ms of forks are a few pixels at the left edge of a 3 s run.
    const int forksBefore = view->lanePoint(w1, 20 * kMs).x() - view->lanePoint(w1, 0).x();
    QVERIFY2(forksBefore < 10, qPrintable(QString::number(forksBefore)));

    action->trigger();
    QVERIFY(view->compactTime());
    QVERIFY(view->compact());
    QCOMPARE(int(view->compact()->gaps().size()), 1);
    QVERIFY(Settings().compactTime());
    // On, they get a good part of the width, and the sleep is a short break.
    const int forksAfter = view->lanePoint(w1, 20 * kMs).x() - view->lanePoint(w1, 0).x();
    QVERIFY2(forksAfter > 200, qPrintable(QString::number(forksAfter)));
    const int sleep = view->lanePoint(w1, 3005 * kMs).x() - view->lanePoint(w1, 20 * kMs).x();
    QVERIFY2(sleep < forksAfter / 4, qPrintable(QString::number(sleep)));
    {
        // A window opened later starts with it on.
        MainWindow again;
        QVERIFY(again.explore()->compactTimeAction()->isChecked());
        QVERIFY(again.timelineView()->compactTime());
    }
    action->trigger();
    QVERIFY(!view->compact());
    QVERIFY(!Settings().compactTime());
    QCOMPARE(view->lanePoint(w1, 20 * kMs).x() - view->lanePoint(w1, 0).x(), forksBefore);
}

void TestGuiCompactTime::pansAndZoomsAlongTheCompactAxis()
{
    TimelineView* view = m_window->timelineView();
    m_window->explore()->compactTimeAction()->setChecked(true);
    const int w1 = laneNamed(*view->model(), QStringLiteral("w1"));
    view->setFocus();
    // Zoomed in around the forks, then moved right: every kept time moves by the same pixels,
    // the break passing by as the few pixels it is drawn.
    const QPoint at = view->lanePoint(w1, 10 * kMs);
    QWheelEvent wheel(at, view->viewport()->mapToGlobal(at), {}, QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
        Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QVERIFY(std::abs(view->lanePoint(w1, 10 * kMs).x() - at.x()) <= 1);
    const int a = view->lanePoint(w1, 15 * kMs).x();
    const int b = view->lanePoint(w1, 3010 * kMs).x();
    QTest::keyClick(view, Qt::Key_Right);
    const int da = view->lanePoint(w1, 15 * kMs).x() - a;
    const int db = view->lanePoint(w1, 3010 * kMs).x() - b;
    QVERIFY2(da < 0, qPrintable(QString::number(da)));
    QVERIFY2(std::abs(da - db) <= 1, qPrintable(QStringLiteral("%1 %2").arg(da).arg(db)));
    m_window->explore()->compactTimeAction()->setChecked(false);
}

void TestGuiCompactTime::picturesFollowTheScreen()
{
    QAction* action = m_window->explore()->compactTimeAction();
    QAction* copy = m_window->exports()->copyImageAction();
    action->setChecked(false);
    QApplication::clipboard()->clear();
    copy->trigger();
    const QImage plain = QApplication::clipboard()->image();
    action->setChecked(true);
    QApplication::clipboard()->clear();
    copy->trigger();
    const QImage compact = QApplication::clipboard()->image();
    action->setChecked(false);
    QVERIFY(!plain.isNull());
    QCOMPARE(compact.size(), plain.size());
    QVERIFY(compact != plain);
}

void TestGuiCompactTime::cleanupTestCase()
{
    Settings().setCompactTime(false);
    m_window.reset();
}

QTEST_MAIN(TestGuiCompactTime)
#include "tst_guicompacttime.moc"
