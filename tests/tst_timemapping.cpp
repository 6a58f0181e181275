// SPDX-License-Identifier: GPL-3.0-or-later
#include "timearithmetic.h"
#include "timemapping.h"

#include <QTest>
#include <limits>

using Forkline::TimeMapping;

namespace {
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();
} // namespace

class TestTimeMapping : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void toX_data();
    void toX();
    void toTime_data();
    void toTime();
    void roundTrip_data();
    void roundTrip();
    void zoomedAround_data();
    void zoomedAround();
};

void TestTimeMapping::toX_data()
{
    QTest::addColumn<qint64>("t0");
    QTest::addColumn<qint64>("t1");
    QTest::addColumn<double>("x0");
    QTest::addColumn<double>("width");
    QTest::addColumn<qint64>("t");
    QTest::addColumn<double>("x");

    QTest::newRow("start of range") << qint64(0) << qint64(1000) << 0.0 << 1000.0 << qint64(0) << 0.0;
    QTest::newRow("end of range") << qint64(0) << qint64(1000) << 0.0 << 1000.0 << qint64(1000) << 1000.0;
    QTest::newRow("seconds with a label column")
        << qint64(0) << qint64(2000000000) << 100.0 << 1000.0 << qint64(1000000000) << 600.0;
    QTest::newRow("before the range is left of x0")
        << qint64(1000) << qint64(2000) << 0.0 << 100.0 << qint64(0) << -100.0;
    QTest::newRow("after the range is right of the width")
        << qint64(0) << qint64(1000) << 0.0 << 100.0 << qint64(2000) << 200.0;
    QTest::newRow("less than a nanosecond per pixel") << qint64(0) << qint64(10) << 0.0 << 100.0 << qint64(5) << 50.0;
    QTest::newRow("zero width counts as one pixel") << qint64(0) << qint64(100) << 0.0 << 0.0 << qint64(50) << 0.5;
    QTest::newRow("empty range counts as one nanosecond") << qint64(5) << qint64(5) << 0.0 << 10.0 << qint64(6) << 10.0;
    QTest::newRow("shifted start") << qint64(-500) << qint64(500) << 10.0 << 100.0 << qint64(0) << 60.0;
    // A trace's times can be anything a qint64 holds: differences that do not fit one still map.
    QTest::newRow("the whole range: 0 in the middle") << kMin << kMax << 0.0 << 1000.0 << qint64(0) << 500.0;
    QTest::newRow("the whole range: its end") << kMin << kMax << 0.0 << 1000.0 << kMax << 1000.0;
    QTest::newRow("-5e18 to 5e18: 0 in the middle")
        << qint64(-5000000000000000000) << qint64(5000000000000000000) << 0.0 << 1000.0 << qint64(0) << 500.0;
    QTest::newRow("the first moment, seen from the end")
        << kMax - 1000 << kMax << 0.0 << 1000.0 << kMin << -2 * double(kMax);
    QTest::newRow("backwards range counts as one nanosecond") << kMax << kMin << 0.0 << 10.0 << kMax << 0.0;
}

void TestTimeMapping::toX()
{
    QFETCH(qint64, t0);
    QFETCH(qint64, t1);
    QFETCH(double, x0);
    QFETCH(double, width);
    QFETCH(qint64, t);
    QFETCH(double, x);
    const TimeMapping m { t0, t1, x0, width };
    QCOMPARE(m.toX(t), x);
}

void TestTimeMapping::toTime_data()
{
    QTest::addColumn<qint64>("t0");
    QTest::addColumn<qint64>("t1");
    QTest::addColumn<double>("x0");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("x");
    QTest::addColumn<qint64>("t");

    QTest::newRow("x0 is t0") << qint64(1000) << qint64(2000) << 50.0 << 100.0 << 50.0 << qint64(1000);
    QTest::newRow("right edge is t1") << qint64(1000) << qint64(2000) << 50.0 << 100.0 << 150.0 << qint64(2000);
    QTest::newRow("middle, ms per pixel")
        << qint64(0) << qint64(1000000000) << 0.0 << 1000.0 << 500.0 << qint64(500000000);
    QTest::newRow("rounds to the nearest ns") << qint64(0) << qint64(3) << 0.0 << 2.0 << 1.0 << qint64(2);
    QTest::newRow("left of x0 is before t0") << qint64(0) << qint64(100) << 20.0 << 100.0 << 10.0 << qint64(-10);
    QTest::newRow("fraction of a pixel") << qint64(0) << qint64(1000) << 0.0 << 100.0 << 0.25 << qint64(3);
    QTest::newRow("the whole range: the middle") << kMin << kMax << 0.0 << 1000.0 << 500.0 << qint64(0);
    QTest::newRow("the whole range: a quarter") << kMin << kMax << 0.0 << 1000.0 << 250.0 << kMin / 2;
    QTest::newRow("the whole range: its end") << kMin << kMax << 0.0 << 1000.0 << 1000.0 << kMax;
    // Far right of the end, or left of the start: the time stops at the last (first) nanosecond.
    QTest::newRow("past the last nanosecond") << kMax - 1000 << kMax << 0.0 << 1000.0 << 5000.0 << kMax;
    QTest::newRow("before the first nanosecond") << kMin << kMin + 1000 << 0.0 << 1000.0 << -5000.0 << kMin;
    QTest::newRow("a billion pixels past the whole range") << kMin << kMax << 0.0 << 1000.0 << 1e9 << kMax;
    QTest::newRow("x not a number") << qint64(0) << qint64(1000) << 0.0 << 100.0
                                    << std::numeric_limits<double>::quiet_NaN() << qint64(0);
}

void TestTimeMapping::toTime()
{
    QFETCH(qint64, t0);
    QFETCH(qint64, t1);
    QFETCH(double, x0);
    QFETCH(double, width);
    QFETCH(double, x);
    QFETCH(qint64, t);
    const TimeMapping m { t0, t1, x0, width };
    QCOMPARE(m.toTime(x), t);
}

void TestTimeMapping::roundTrip_data()
{
    QTest::addColumn<qint64>("t0");
    QTest::addColumn<qint64>("t1");
    QTest::addColumn<double>("width");
    QTest::newRow("one second on 800 px") << qint64(0) << qint64(1000000000) << 800.0;
    QTest::newRow("a minute on 3200 px") << qint64(0) << qint64(60000000000) << 3200.0;
    QTest::newRow("a microsecond deep in a long run") << qint64(40000000000) << qint64(40000001000) << 1000.0;
}

void TestTimeMapping::roundTrip()
{
    QFETCH(qint64, t0);
    QFETCH(qint64, t1);
    QFETCH(double, width);
    const TimeMapping m { t0, t1, 150, width };
    for (double x = 150; x <= 150 + width; x += width / 7) {
        // toTime rounds to whole nanoseconds, so the way back may move by at most that.
        QVERIFY2(std::abs(m.toX(m.toTime(x)) - x) <= 1.0 / m.nsPerPixel() + 1e-9, qPrintable(QString::number(x)));
    }
}

void TestTimeMapping::zoomedAround_data()
{
    QTest::addColumn<qint64>("t0");
    QTest::addColumn<qint64>("t1");
    QTest::addColumn<double>("x0");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("factor");
    QTest::addColumn<qint64>("newT0");
    QTest::addColumn<qint64>("newT1");

    QTest::newRow("in 2x at the centre") << qint64(0) << qint64(1000) << 0.0 << 100.0 << 50.0 << 2.0 << qint64(250)
                                         << qint64(750);
    QTest::newRow("in 2x at the left edge keeps t0")
        << qint64(0) << qint64(1000) << 0.0 << 100.0 << 0.0 << 2.0 << qint64(0) << qint64(500);
    QTest::newRow("out 2x at the right edge keeps t1")
        << qint64(0) << qint64(1000) << 0.0 << 100.0 << 100.0 << 0.5 << qint64(-1000) << qint64(1000);
    QTest::newRow("in 4x with a label column")
        << qint64(0) << qint64(8000) << 200.0 << 800.0 << 600.0 << 4.0 << qint64(3000) << qint64(5000);
    QTest::newRow("factor 1 changes nothing")
        << qint64(123) << qint64(4567) << 10.0 << 300.0 << 77.0 << 1.0 << qint64(123) << qint64(4567);
    QTest::newRow("never narrower than a nanosecond")
        << qint64(0) << qint64(2) << 0.0 << 100.0 << 50.0 << 100.0 << qint64(1) << qint64(2);
    // Out from the whole range, or at its ends: the range stays inside what a qint64 holds.
    QTest::newRow("out 2x from the whole range") << kMin << kMax << 0.0 << 100.0 << 50.0 << 0.5 << kMin << kMax;
    QTest::newRow("out 2x at the last nanosecond")
        << kMax - 1000 << kMax << 0.0 << 100.0 << 100.0 << 0.5 << kMax - 2000 << kMax;
    QTest::newRow("out 2x at the first nanosecond")
        << kMin << kMin + 1000 << 0.0 << 100.0 << 0.0 << 0.5 << kMin << kMin + 2000;
}

void TestTimeMapping::zoomedAround()
{
    QFETCH(qint64, t0);
    QFETCH(qint64, t1);
    QFETCH(double, x0);
    QFETCH(double, width);
    QFETCH(double, x);
    QFETCH(double, factor);
    QFETCH(qint64, newT0);
    QFETCH(qint64, newT1);
    const TimeMapping m { t0, t1, x0, width };
    const TimeMapping z = m.zoomedAround(x, factor);
    QCOMPARE(z.t0, newT0);
    QCOMPARE(z.t1, newT1);
    QCOMPARE(z.x0, x0);
    QCOMPARE(z.width, width);
    // What was under the cursor stays under it (to a nanosecond).
    if (Forkline::subNs(newT1, newT0) > 2)
        QVERIFY(std::fabs(Forkline::diffNs(z.toTime(x), m.toTime(x))) <= 1);
}

QTEST_APPLESS_MAIN(TestTimeMapping)
#include "tst_timemapping.moc"
