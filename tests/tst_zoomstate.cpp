// SPDX-License-Identifier: GPL-3.0-or-later
#include "zoomstate.h"

#include <QAction>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>

using namespace Forkline;

namespace {
constexpr qint64 kMs = 1000000;
} // namespace

class TestZoomState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsWithoutWidgets();
    void fittedFollowsTheExtent();
    void setRange_data();
    void setRange();
    void zoomBy_data();
    void zoomBy();
    void fitShowsEverythingAgain();
    void signalsOnlyOnChange();
    void liveGrowsInSteps();
    void liveFollowAtTheCurrentZoom();
    void actionsDriveTheRange();
};

void TestZoomState::runsWithoutWidgets()
{
    // The timeline library links no Widgets, so its tests get a QGuiApplication.
    QVERIFY(qobject_cast<QGuiApplication*>(QCoreApplication::instance()));
    QVERIFY(!QCoreApplication::instance()->inherits("QApplication"));
}

void TestZoomState::fittedFollowsTheExtent()
{
    ZoomState zoom;
    QVERIFY(zoom.isFitted());
    zoom.setExtent(10 * kMs, 750 * kMs);
    QCOMPARE(zoom.start(), 10 * kMs);
    QCOMPARE(zoom.end(), 750 * kMs);
    // An empty extent still has a width.
    zoom.setExtent(5, 5);
    QCOMPARE(zoom.extentEnd(), qint64(6));
    QVERIFY(zoom.end() - zoom.start() >= ZoomState::kMinimumRange);
}

void TestZoomState::setRange_data()
{
    QTest::addColumn<qint64>("t0");
    QTest::addColumn<qint64>("t1");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    // The extent is 0 .. 1 s throughout.
    QTest::newRow("inside") << 100 * kMs << 300 * kMs << 100 * kMs << 300 * kMs;
    QTest::newRow("narrower than 1 µs") << 500 * kMs << 500 * kMs + 10 << 500 * kMs << 500 * kMs + 1000;
    // At most 1.5 times the extent, and never so wide that the data leaves the screen.
    QTest::newRow("far too wide") << qint64(0) << 10000 * kMs << -150 * kMs << 1150 * kMs;
    QTest::newRow("past the end") << 2000 * kMs << 2200 * kMs << 820 * kMs << 1020 * kMs;
    QTest::newRow("before the start") << -1000 * kMs << -800 * kMs << -20 * kMs << 180 * kMs;
}

void TestZoomState::setRange()
{
    QFETCH(qint64, t0);
    QFETCH(qint64, t1);
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    ZoomState zoom;
    zoom.setExtent(0, 1000 * kMs);
    zoom.setRange(t0, t1);
    QCOMPARE(zoom.start(), start);
    QCOMPARE(zoom.end(), end);
    QVERIFY(!zoom.isFitted());
}

void TestZoomState::zoomBy_data()
{
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::newRow("in, about the middle") << 2.0 << 0.5 << 250 * kMs << 750 * kMs;
    QTest::newRow("in, left edge kept") << 2.0 << 0.0 << qint64(0) << 500 * kMs;
    QTest::newRow("in, right edge kept") << 2.0 << 1.0 << 500 * kMs << 1000 * kMs;
    QTest::newRow("in, a third") << 4.0 << 0.25 << 187500000LL << 437500000LL;
    QTest::newRow("out, as far as it goes") << 0.5 << 0.5 << -150 * kMs << 1150 * kMs;
}

void TestZoomState::zoomBy()
{
    QFETCH(double, factor);
    QFETCH(double, fraction);
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    ZoomState zoom;
    zoom.setExtent(0, 1000 * kMs);
    zoom.zoomBy(factor, fraction);
    QCOMPARE(zoom.start(), start);
    QCOMPARE(zoom.end(), end);
}

void TestZoomState::fitShowsEverythingAgain()
{
    ZoomState zoom;
    zoom.setExtent(0, 1000 * kMs);
    zoom.zoomBy(8);
    QVERIFY(!zoom.isFitted());
    zoom.setExtent(0, 2000 * kMs); // a zoomed-in view stays where it is
    QCOMPARE(zoom.end() - zoom.start(), 125 * kMs);
    zoom.fit();
    QVERIFY(zoom.isFitted());
    QCOMPARE(zoom.start(), qint64(0));
    QCOMPARE(zoom.end(), 2000 * kMs);
}

void TestZoomState::signalsOnlyOnChange()
{
    ZoomState zoom;
    zoom.setExtent(0, 1000 * kMs);
    QSignalSpy changed(&zoom, &ZoomState::rangeChanged);
    zoom.setRange(100 * kMs, 200 * kMs);
    QCOMPARE(changed.count(), 1);
    zoom.setRange(100 * kMs, 200 * kMs);
    QCOMPARE(changed.count(), 1);
    zoom.setExtent(0, 1000 * kMs);
    QCOMPARE(changed.count(), 1);
}

void TestZoomState::liveGrowsInSteps()
{
    ZoomState zoom;
    QVERIFY(!zoom.followAction()->isEnabled());
    zoom.setExtent(0, 50 * kMs);
    zoom.setLive(true);
    QVERIFY(zoom.followAction()->isEnabled());
    QVERIFY(zoom.isFollowing());
    // A young run shows at least 200 ms, so the first events do not fill the screen.
    QCOMPARE(zoom.start(), qint64(0));
    QCOMPARE(zoom.end(), 200 * kMs);
    // Past the edge, the range jumps to 1.3 times the data, then holds while it fits.
    zoom.setExtent(0, 500 * kMs);
    QCOMPARE(zoom.end(), 650 * kMs);
    zoom.setExtent(0, 600 * kMs);
    QCOMPARE(zoom.end(), 650 * kMs);
    zoom.setLive(false);
    QVERIFY(!zoom.followAction()->isEnabled());
    QCOMPARE(zoom.end(), 600 * kMs);
}

void TestZoomState::liveFollowAtTheCurrentZoom()
{
    ZoomState zoom;
    zoom.setExtent(0, 500 * kMs);
    zoom.setLive(true);
    QSignalSpy following(&zoom, &ZoomState::followingChanged);
    // A range chosen by hand stops following, so the view holds still while the run goes on.
    zoom.setRange(100 * kMs, 200 * kMs);
    QVERIFY(!zoom.isFollowing());
    QVERIFY(!zoom.followAction()->isChecked());
    QCOMPARE(following.count(), 1);
    zoom.setExtent(0, 900 * kMs);
    QCOMPARE(zoom.start(), 100 * kMs);
    // Following again jumps to the newest events at the same width, with a little room.
    zoom.followAction()->trigger();
    QVERIFY(zoom.isFollowing());
    QCOMPARE(zoom.start(), 810 * kMs);
    QCOMPARE(zoom.end(), 910 * kMs);
    // ... and scrolls once the data nears the right edge.
    zoom.setExtent(0, 950 * kMs);
    QCOMPARE(zoom.end() - zoom.start(), 100 * kMs);
    QVERIFY(zoom.end() > 950 * kMs);
}

void TestZoomState::actionsDriveTheRange()
{
    ZoomState zoom;
    zoom.setExtent(0, 1000 * kMs);
    zoom.zoomInAction()->trigger();
    const qint64 zoomedIn = zoom.end() - zoom.start();
    QVERIFY(zoomedIn < 1000 * kMs);
    zoom.zoomOutAction()->trigger();
    QVERIFY(zoom.end() - zoom.start() > zoomedIn);
    zoom.zoomInAction()->trigger();
    zoom.fitAction()->trigger();
    QCOMPARE(zoom.start(), qint64(0));
    QCOMPARE(zoom.end(), 1000 * kMs);
}

QTEST_MAIN(TestZoomState)
#include "tst_zoomstate.moc"
