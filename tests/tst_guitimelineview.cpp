// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinestyle.h"
#include "tracemodel.h"
#include "view/timelineview.h"
#include "zoomstate.h"

#include <QAction>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

using namespace Forkline;

namespace {

constexpr qint64 kSec = 1000000000;

TraceModel twoLanes()
{
    TraceModel m;
    ProcessInfo& proc = m.ensureProcess(10);
    proc.ppid = 9;
    proc.name = QStringLiteral("view-test");
    const int main = m.ensureLane(10, 10);
    m.lane(main).name = QStringLiteral("MainThread");
    const int worker = m.ensureLane(10, 11);
    m.lane(worker).name = QStringLiteral("seller");
    m.lane(worker).label = QStringLiteral("매도");
    m.setState(main, 0, State::Running);
    m.setState(main, kSec / 10, State::WaitingJoin);
    m.setState(worker, kSec / 10, State::Sleeping);
    m.setState(worker, 3 * kSec, State::Running);
    m.addInstant(worker, 4 * kSec, InstantKind::End);
    m.setState(main, 4 * kSec, State::Running);
    m.addInstant(main, 4 * kSec + kSec / 10, InstantKind::End);
    return m;
}

class PaintCounter : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject*, QEvent* e) override
    {
        if (e->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

} // namespace

class TestTimelineView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void fitsTheModel();
    void wheelZoomsAroundTheCursor();
    void actionsZoomAndFit();
    void dragPans();
    void shiftDragZoomsToTheSelection();
    void rightDragZoomsToTheSelection();
    void clickOnHeaderFolds();
    void largeRunsStartFolded();
    void tooltipDescribesTheSpan();
    void repaintsCoalesce();
    void liveRunFollowsNow();
    void liveStretchesDrawnWhileLive();
    void zoomStateFollowsInSteps();

private:
    TraceModel m_model;
    std::unique_ptr<TimelineView> m_view;
};

void TestTimelineView::init()
{
    m_model = twoLanes();
    m_view = std::make_unique<TimelineView>();
    m_view->resize(900, 400);
    m_view->setModel(&m_model);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestTimelineView::cleanup()
{
    m_view.reset();
}

void TestTimelineView::fitsTheModel()
{
    const ZoomState* zoom = m_view->zoom();
    QCOMPARE(zoom->start(), 0);
    QCOMPARE(zoom->end(), m_model.endTime());
    QVERIFY(zoom->isFitted());
    // Start and end are both on screen, inside the viewport.
    QVERIFY(m_view->lanePoint(1, 0).x() > 0);
    QVERIFY(m_view->lanePoint(1, m_model.endTime()).x() < m_view->viewport()->width());
    QCOMPARE(m_view->horizontalScrollBar()->maximum(), 0);
}

void TestTimelineView::wheelZoomsAroundTheCursor()
{
    const qint64 t = 2 * kSec;
    const QPoint pos = m_view->lanePoint(1, t);
    const qint64 before = m_view->zoom()->end() - m_view->zoom()->start();
    QWheelEvent wheel(pos, m_view->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
        Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view->viewport(), &wheel);
    const qint64 after = m_view->zoom()->end() - m_view->zoom()->start();
    QVERIFY2(after < before * 0.8, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    QVERIFY(std::abs(m_view->lanePoint(1, t).x() - pos.x()) <= 1);
    QVERIFY(m_view->horizontalScrollBar()->maximum() > 0);

    QWheelEvent back(pos, m_view->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, -240), Qt::NoButton, Qt::NoModifier,
        Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view->viewport(), &back);
    QVERIFY(std::llabs(m_view->zoom()->end() - m_view->zoom()->start() - before) < before / 100);
}

void TestTimelineView::actionsZoomAndFit()
{
    ZoomState* zoom = m_view->zoom();
    const qint64 full = zoom->end() - zoom->start();
    zoom->zoomInAction()->trigger();
    QVERIFY(zoom->end() - zoom->start() < full);
    QVERIFY(!zoom->isFitted());
    zoom->zoomOutAction()->trigger();
    zoom->zoomOutAction()->trigger();
    QVERIFY(zoom->end() - zoom->start() <= full + full / 2); // never far beyond the data
    zoom->zoomInAction()->trigger();
    zoom->zoomInAction()->trigger();
    zoom->fitAction()->trigger();
    QVERIFY(zoom->isFitted());
    QCOMPARE(zoom->start(), 0);
    QCOMPARE(zoom->end(), m_model.endTime());
    QCOMPARE(zoom->zoomInAction()->shortcuts().constFirst(), QKeySequence(Qt::Key_Plus));
    QCOMPARE(zoom->zoomOutAction()->shortcuts().constFirst(), QKeySequence(Qt::Key_Minus));
    QCOMPARE(zoom->fitAction()->shortcuts().constFirst(), QKeySequence(Qt::Key_0));
}

void TestTimelineView::dragPans()
{
    ZoomState* zoom = m_view->zoom();
    zoom->setRange(kSec, 2 * kSec);
    const QPoint from = m_view->lanePoint(1, kSec + kSec / 2);
    const QPoint to = from + QPoint(100, 0);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), from + QPoint(50, 0));
    QTest::mouseMove(m_view->viewport(), to);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
    // Dragging right brings earlier times into view, by the dragged distance.
    QVERIFY(zoom->start() < kSec);
    QCOMPARE(zoom->end() - zoom->start(), kSec);
    QVERIFY(std::abs(m_view->lanePoint(1, kSec + kSec / 2).x() - to.x()) <= 1);
}

void TestTimelineView::shiftDragZoomsToTheSelection()
{
    const QPoint from = m_view->lanePoint(1, kSec);
    const QPoint to = m_view->lanePoint(1, 2 * kSec);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(m_view->viewport(), to);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier, to);
    const qint64 slack = kSec / 50; // a pixel or two of the fitted view
    QVERIFY(std::llabs(m_view->zoom()->start() - kSec) < slack);
    QVERIFY(std::llabs(m_view->zoom()->end() - 2 * kSec) < slack);
}

void TestTimelineView::rightDragZoomsToTheSelection()
{
    const QPoint from = m_view->lanePoint(0, 3 * kSec);
    const QPoint to = m_view->lanePoint(0, kSec);
    QTest::mousePress(m_view->viewport(), Qt::RightButton, {}, from);
    QTest::mouseMove(m_view->viewport(), to);
    QTest::mouseRelease(m_view->viewport(), Qt::RightButton, {}, to);
    const qint64 slack = kSec / 50;
    QVERIFY(std::llabs(m_view->zoom()->start() - kSec) < slack);
    QVERIFY(std::llabs(m_view->zoom()->end() - 3 * kSec) < slack);
}

void TestTimelineView::clickOnHeaderFolds()
{
    const QPoint header(m_view->lanePoint(0, kSec).x(), m_view->lanePoint(0, 0).y() - 20);
    QCOMPARE(m_view->hitAt(header).kind, TimelineHit::Kind::Process);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, header);
    QVERIFY(m_view->isCollapsed(10));
    QCOMPARE(m_view->hitAt(m_view->lanePoint(0, 0)).kind, TimelineHit::Kind::Process);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, header);
    QVERIFY(!m_view->isCollapsed(10));
}

void TestTimelineView::largeRunsStartFolded()
{
    // A live run that grows past a few hundred lanes: its crowded process folds once, the
    // small one stays open, and a process the person opens again stays open.
    TraceModel big = twoLanes();
    m_view->setModel(&big);
    QVERIFY(!m_view->isCollapsed(10));
    big.ensureProcess(20).ppid = 10;
    for (int i = 0; i < 500; ++i)
        big.setState(big.ensureLane(20, 2000 + i), kSec, State::Sleeping);
    m_view->setModel(&big);
    QVERIFY(m_view->isCollapsed(20));
    QVERIFY(!m_view->isCollapsed(10)); // two threads are not many
    // Folded, the 500 lanes take one header's height.
    QVERIFY(m_view->verticalScrollBar()->maximum() < 200);
    m_view->setCollapsed(20, false);
    big.setState(big.ensureLane(20, 3000), kSec, State::Sleeping);
    m_view->setModel(&big);
    QVERIFY(!m_view->isCollapsed(20));
}

void TestTimelineView::tooltipDescribesTheSpan()
{
    const QPoint pos = m_view->lanePoint(1, 2 * kSec) - QPoint(0, 6);
    QHelpEvent help(QEvent::ToolTip, pos, m_view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(m_view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString text = QToolTip::text();
    QVERIFY2(text.contains(TimelineStyle::stateLabel(State::Sleeping)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("매도")) && text.contains(QStringLiteral("TID 11")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("2.90 s")), qPrintable(text)); // the duration
    QToolTip::hideText();
}

void TestTimelineView::repaintsCoalesce()
{
    PaintCounter counter;
    m_view->viewport()->installEventFilter(&counter);
    for (int i = 0; i < 1000; ++i)
        m_view->scheduleUpdate();
    QTRY_VERIFY_WITH_TIMEOUT(counter.paints >= 1, 2000);
    QVERIFY2(counter.paints <= 2, qPrintable(QString::number(counter.paints)));
    m_view->viewport()->removeEventFilter(&counter);
}

void TestTimelineView::liveRunFollowsNow()
{
    TraceModel live;
    const int lane = live.ensureLane(20, 20);
    live.setState(lane, 0, State::Sleeping);
    qint64 now = kSec / 2;
    m_view->setModel(&live);
    m_view->setLiveClock([&now] { return now; });
    QVERIFY(m_view->isLive());
    QVERIFY(m_view->zoom()->followAction()->isEnabled());
    QTRY_VERIFY(m_view->zoom()->end() >= now);
    now = 5 * kSec;
    // Nothing arrives from the run, yet the open span grows and the view keeps up.
    QTRY_VERIFY_WITH_TIMEOUT(m_view->zoom()->end() >= now, 2000);
    QVERIFY(m_view->zoom()->isFollowing());
    const QString tip = m_view->toolTipAt(m_view->lanePoint(lane, 4 * kSec) - QPoint(0, 6));
    QVERIFY2(tip.contains(QStringLiteral("so far")), qPrintable(tip));
    m_view->setLiveClock({});
    QVERIFY(!m_view->zoom()->followAction()->isEnabled());
    m_view->setModel(&m_model);
}

// The GIL waits a live Python run has measured so far are on the screen before the run ends,
// and go with the run.
void TestTimelineView::liveStretchesDrawnWhileLive()
{
    TraceModel live;
    const int lane = live.ensureLane(20, 20);
    live.setState(lane, 0, State::Running);
    qint64 now = 2 * kSec;
    const TimelineOverlay::Stretches stretches { { lane, { { kSec / 2, kSec + kSec / 2 } } } };
    m_view->setModel(&live);
    m_view->setLiveClock([&now] { return now; });
    m_view->zoom()->setRange(0, now);
    const auto pixelAt = [this, lane](qint64 t) {
        const QImage shot = m_view->viewport()->grab().toImage();
        return shot.pixel(m_view->lanePoint(lane, t) - QPoint(0, 6));
    };
    const QRgb running = TimelineStyle::stateColor(State::Running).rgb();
    QTRY_COMPARE(pixelAt(kSec), running);
    m_view->setLiveStretches(
        [&stretches]() -> const TimelineOverlay::Stretches& { return stretches; }, State::WaitingGil);
    QTRY_VERIFY(pixelAt(kSec) != running);
    const QRgb waiting = pixelAt(kSec);
    QCOMPARE(waiting, TimelineStyle::stateFill(State::WaitingGil).rgb());
    QCOMPARE(pixelAt(kSec / 4), running); // before the wait, as the model has it
    m_view->setLiveClock({});
    QTRY_VERIFY(pixelAt(kSec) != waiting); // what measured it went with the run
    m_view->setModel(&m_model);
}

void TestTimelineView::zoomStateFollowsInSteps()
{
    ZoomState zoom;
    zoom.setExtent(0, kSec);
    QCOMPARE(zoom.end(), kSec);
    zoom.setLive(true);
    zoom.setExtent(0, kSec / 100);
    QCOMPARE(zoom.start(), 0);
    const qint64 first = zoom.end();
    QVERIFY(first >= kSec / 100);
    zoom.setExtent(0, first - 1); // still inside: no jump
    QCOMPARE(zoom.end(), first);
    zoom.setExtent(0, first + 1); // past the edge: grows with headroom, from the start
    QVERIFY(zoom.end() > first + first / 10);
    QCOMPARE(zoom.start(), 0);

    QSignalSpy following(&zoom, &ZoomState::followingChanged);
    zoom.zoomBy(4, 0.25); // the user looks at something: stop following
    QVERIFY(!zoom.isFollowing());
    QCOMPARE(following.size(), 1);
    const qint64 t0 = zoom.start(), t1 = zoom.end();
    zoom.setExtent(0, 10 * kSec);
    QCOMPARE(zoom.start(), t0);
    QCOMPARE(zoom.end(), t1);
    zoom.followAction()->trigger(); // follow again at this zoom: jump to now
    QVERIFY(zoom.isFollowing());
    QCOMPARE(zoom.end() - zoom.start(), t1 - t0);
    QVERIFY(zoom.end() >= 10 * kSec);
    zoom.fit();
    QCOMPARE(zoom.start(), 0);
    QVERIFY(zoom.end() >= 10 * kSec);
    zoom.setLive(false);
    zoom.fit();
    QCOMPARE(zoom.end(), 10 * kSec);
}

QTEST_MAIN(TestTimelineView)
#include "tst_guitimelineview.moc"
