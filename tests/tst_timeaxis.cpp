// SPDX-License-Identifier: GPL-3.0-or-later
#include "timearithmetic.h"
#include "timeaxis.h"
#include "tracemodel.h"

#include <QElapsedTimer>
#include <QFont>
#include <QFontMetrics>
#include <QTest>
#include <limits>

using namespace Forkline;

namespace {
constexpr qint64 kMs = 1000000;
constexpr qint64 kS = 1000000000;
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();
// Five minor ticks per major one, and a last one at each end.
constexpr size_t kTickBound = size_t(TimeAxis::kMaxMajorTicks) * 5 + 2;

TimeMapping mapping(qint64 t0, qint64 t1, double width)
{
    TimeMapping m;
    m.t0 = t0;
    m.t1 = t1;
    m.width = width;
    return m;
}
} // namespace

class TestTimeAxis : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void majorStep_data();
    void majorStep();
    void ticksAreRoundAndInRange_data();
    void ticksAreRoundAndInRange();
    void tickLabel_data();
    void tickLabel();
    void duration_data();
    void duration();
    void timePoint();
    void extent_data();
    void extent();
    void majorStepOfExtremeRanges_data();
    void majorStepOfExtremeRanges();
    void extremeRanges_data();
    void extremeRanges();
    void extentAtTheEnds_data();
    void extentAtTheEnds();
    void countsFromTheOrigin();
    void labelsNeverMeet_data();
    void labelsNeverMeet();
};

void TestTimeAxis::majorStep_data()
{
    QTest::addColumn<qint64>("range");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("minPixels");
    QTest::addColumn<qint64>("step");
    // 1 s over 1000 px is 1 ms a pixel: 80 px want 80 ms, the next 1-2-5 step is 100 ms.
    QTest::newRow("1 s, 80 px") << kS << 1000.0 << 80.0 << 100 * kMs;
    QTest::newRow("1 s, 150 px") << kS << 1000.0 << 150.0 << 200 * kMs;
    QTest::newRow("1 s, 300 px") << kS << 1000.0 << 300.0 << 500 * kMs;
    QTest::newRow("exact 1-2-5") << kS << 1000.0 << 200.0 << 200 * kMs;
    QTest::newRow("10 s") << 10 * kS << 1000.0 << 80.0 << kS;
    QTest::newRow("2 µs") << qint64(2000) << 1000.0 << 80.0 << qint64(200);
    // A step never goes below a nanosecond, however close the zoom.
    QTest::newRow("1 ns a px") << qint64(100) << 1000.0 << 0.1 << qint64(1);
    // A huge picture or no spacing at all: the step widens so that at most kMaxMajorTicks fit.
    QTest::newRow("a million pixels") << kS << 1e6 << 50.0 << kMs;
    QTest::newRow("no spacing asked") << kS << 1000.0 << 0.0 << kMs;
}

void TestTimeAxis::majorStep()
{
    QFETCH(qint64, range);
    QFETCH(double, width);
    QFETCH(double, minPixels);
    QFETCH(qint64, step);
    QCOMPARE(TimeAxis::majorStep(mapping(0, range, width), minPixels), step);
}

void TestTimeAxis::ticksAreRoundAndInRange_data()
{
    QTest::addColumn<qint64>("t0");
    QTest::addColumn<qint64>("t1");
    QTest::newRow("from zero") << qint64(0) << kS;
    QTest::newRow("odd start") << 123 * kMs + 4567 << 987 * kMs;
    QTest::newRow("long run") << qint64(0) << 600 * kS;
    QTest::newRow("negative start") << -250 * kMs << 250 * kMs;
}

void TestTimeAxis::ticksAreRoundAndInRange()
{
    QFETCH(qint64, t0);
    QFETCH(qint64, t1);
    const TimeMapping m = mapping(t0, t1, 1200);
    const qint64 step = TimeAxis::majorStep(m, 80);
    const std::vector<TimeAxis::Tick> ticks = TimeAxis::ticks(m, 80);
    QVERIFY(!ticks.empty());
    int majors = 0;
    qint64 previous = t0 - 1;
    for (const TimeAxis::Tick& tick : ticks) {
        QVERIFY(tick.t >= t0 && tick.t <= t1);
        QVERIFY(tick.t > previous);
        QCOMPARE(tick.major, tick.t % step == 0);
        previous = tick.t;
        majors += tick.major ? 1 : 0;
    }
    // Major ticks at least 80 px apart over 1200 px: at most 16 of them, and some.
    QVERIFY(majors >= 1);
    QVERIFY(majors <= 16);
    // Minor ticks split a step into 4 or 5 round parts.
    QVERIFY(ticks.size() >= size_t(majors) * 4 - 4);
}

void TestTimeAxis::tickLabel_data()
{
    QTest::addColumn<qint64>("t");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<qint64>("magnitude");
    QTest::addColumn<QString>("label");
    QTest::newRow("zero") << qint64(0) << 100 * kMs << kS << QStringLiteral("0 s");
    QTest::newRow("tenths of a second") << 1500 * kMs << 100 * kMs << 2 * kS << QStringLiteral("1.5 s");
    QTest::newRow("whole seconds") << 2 * kS << kS << 10 * kS << QStringLiteral("2 s");
    QTest::newRow("milliseconds") << 250 * kMs << 50 * kMs << 500 * kMs << QStringLiteral("250 ms");
    QTest::newRow("finer steps, more decimals") << 1250 * kMs << 50 * kMs << 2 * kS << QStringLiteral("1.25 s");
    QTest::newRow("microseconds") << qint64(1500) << qint64(500) << qint64(5000) << QStringLiteral("1.5 µs");
    QTest::newRow("nanoseconds") << qint64(40) << qint64(10) << qint64(100) << QStringLiteral("40 ns");
}

void TestTimeAxis::tickLabel()
{
    QFETCH(qint64, t);
    QFETCH(qint64, step);
    QFETCH(qint64, magnitude);
    QFETCH(QString, label);
    QCOMPARE(TimeAxis::tickLabel(t, step, magnitude), label);
}

void TestTimeAxis::duration_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("text");
    QTest::newRow("ns") << qint64(850) << QStringLiteral("850 ns");
    QTest::newRow("µs") << qint64(850000) << QStringLiteral("850 µs");
    QTest::newRow("ms, two decimals") << qint64(1234567) << QStringLiteral("1.23 ms");
    QTest::newRow("ms, one decimal") << qint64(12345678) << QStringLiteral("12.3 ms");
    QTest::newRow("s") << 1250 * kMs << QStringLiteral("1.25 s");
    QTest::newRow("minutes stay seconds") << 125 * kS << QStringLiteral("125 s");
    QTest::newRow("negative") << -2 * kMs << QStringLiteral("-2.00 ms");
    QTest::newRow("the largest") << kMax << QStringLiteral("9223372037 s");
    // Its magnitude does not fit a qint64: |INT64_MIN| must not be computed by negation.
    QTest::newRow("the smallest") << kMin << QStringLiteral("-9223372037 s");
}

void TestTimeAxis::duration()
{
    QFETCH(qint64, ns);
    QFETCH(QString, text);
    QCOMPARE(TimeAxis::duration(ns), text);
}

void TestTimeAxis::timePoint()
{
    QCOMPARE(TimeAxis::timePoint(1002 * kMs), QStringLiteral("1.002 s"));
    QCOMPARE(TimeAxis::timePoint(0), QStringLiteral("0.000 s"));
}

void TestTimeAxis::extent_data()
{
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    // -1 for `first`: an empty model.
    QTest::newRow("empty") << qint64(-1) << qint64(-1) << qint64(-1) << qint64(0) << kS;
    QTest::newRow("empty, live") << qint64(-1) << qint64(-1) << 3 * kS << qint64(0) << 3 * kS;
    QTest::newRow("a run from its start") << 5 * kMs << 2 * kS << qint64(-1) << qint64(0) << 2 * kS;
    QTest::newRow("live: now is later") << qint64(0) << kS << 4 * kS << qint64(0) << 4 * kS;
    // An imported trace on an absolute clock: zero would squeeze the data into a sliver.
    QTest::newRow("far from zero") << 1000 * kS << 1001 * kS << qint64(-1) << 1000 * kS << 1001 * kS;
    QTest::newRow("one instant") << 1000 * kS << 1000 * kS << qint64(-1) << 1000 * kS << 1000 * kS + kMs;
}

void TestTimeAxis::extent()
{
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    QFETCH(qint64, now);
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    TraceModel model;
    if (first >= 0) {
        const int lane = model.ensureLane(1, 1);
        model.addInstant(lane, first, InstantKind::Start);
        model.addInstant(lane, last, InstantKind::End);
    }
    const auto range = TimeAxis::extent(model, now);
    QCOMPARE(range.first, start);
    QCOMPARE(range.second, end);
}

void TestTimeAxis::majorStepOfExtremeRanges_data()
{
    QTest::addColumn<qint64>("t0");
    QTest::addColumn<qint64>("t1");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("minPixels");
    QTest::addColumn<qint64>("step");
    // 2^64 ns over 1000 px, 50 px apart: 9.2e17 ns, so 1e18.
    QTest::newRow("the whole qint64 range") << kMin << kMax << 1000.0 << 50.0 << qint64(1000000000000000000);
    QTest::newRow("the largest step") << kMin << kMax << 10.0 << 50.0 << TimeAxis::kMaxStep;
}

void TestTimeAxis::majorStepOfExtremeRanges()
{
    QFETCH(qint64, t0);
    QFETCH(qint64, t1);
    QFETCH(double, width);
    QFETCH(double, minPixels);
    QFETCH(qint64, step);
    QCOMPARE(TimeAxis::majorStep(TimeMapping { t0, t1, 0, width }, minPixels), step);
}

void TestTimeAxis::extremeRanges_data()
{
    QTest::addColumn<qint64>("t0");
    QTest::addColumn<qint64>("t1");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("minPixels");

    QTest::newRow("whole range") << kMin << kMax << 1600.0 << 60.0;
    QTest::newRow("-5e18 to 5e18 (the hostile trace)")
        << qint64(-5000000000000000000) << qint64(5000000000000000000) << 1600.0 << 60.0;
    QTest::newRow("ends at the last nanosecond") << kMax - 1000000 << kMax << 1600.0 << 60.0;
    QTest::newRow("starts at the first nanosecond") << kMin << kMin + 1000000 << 1600.0 << 60.0;
    QTest::newRow("zero to the end") << qint64(0) << kMax << 1600.0 << 60.0;
    QTest::newRow("one point at the end") << kMax << kMax << 1600.0 << 60.0;
    QTest::newRow("a billion pixels wide") << qint64(0) << qint64(1000000000000) << 1e9 << 60.0;
    QTest::newRow("no spacing") << qint64(0) << qint64(1000000000000) << 1600.0 << 0.0;
    QTest::newRow("negative spacing") << qint64(0) << qint64(1000000000000) << 1600.0 << -10.0;
    QTest::newRow("spacing not a number")
        << qint64(0) << qint64(1000000000000) << 1600.0 << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("infinite spacing") << kMin << kMax << 1600.0 << std::numeric_limits<double>::infinity();
    QTest::newRow("width not a number") << kMin << kMax << std::numeric_limits<double>::quiet_NaN() << 60.0;
    QTest::newRow("backwards") << kMax << kMin << 1600.0 << 60.0;
}

void TestTimeAxis::extremeRanges()
{
    QFETCH(qint64, t0);
    QFETCH(qint64, t1);
    QFETCH(double, width);
    QFETCH(double, minPixels);
    const TimeMapping m { t0, t1, 0, width };
    QElapsedTimer timer;
    timer.start();
    const qint64 step = TimeAxis::majorStep(m, minPixels);
    QVERIFY(step >= 1 && step <= TimeAxis::kMaxStep);
    const std::vector<TimeAxis::Tick> ticks = TimeAxis::ticks(m, minPixels);
    QVERIFY2(ticks.size() <= kTickBound, qPrintable(QString::number(ticks.size())));
    for (size_t i = 0; i < ticks.size(); ++i) {
        QVERIFY(ticks[i].t >= t0 && ticks[i].t <= t1);
        if (i > 0)
            QVERIFY(ticks[i].t > ticks[i - 1].t);
        QVERIFY(!TimeAxis::tickLabel(ticks[i].t, step, std::max(absNs(t0), absNs(t1))).isEmpty());
    }
    QVERIFY(!TimeAxis::duration(subNs(t1, t0)).isEmpty());
    QVERIFY(timer.elapsed() < 2000); // a handful of microseconds; generous for a loaded machine
}

void TestTimeAxis::extentAtTheEnds_data()
{
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");

    QTest::newRow("a run from 0") << qint64(1000) << qint64(5000000) << qint64(0) << qint64(5000000);
    QTest::newRow("far from 0: from the data")
        << qint64(1000000000) << qint64(1000005000) << qint64(1000000000) << qint64(1000005000);
    QTest::newRow("one moment gets a millisecond") << qint64(70) << qint64(70) << qint64(70) << qint64(1000070);
    // A millisecond past the last nanosecond does not exist: the range ends there instead.
    QTest::newRow("one moment at the last nanosecond") << kMax << kMax << kMax - 1000000 << kMax;
    QTest::newRow("from the first to the last nanosecond") << kMin << kMax << kMin << kMax;
}

void TestTimeAxis::extentAtTheEnds()
{
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    TraceModel model;
    const int lane = model.ensureLane(1, 1);
    model.addInstant(lane, first, InstantKind::Start);
    model.addInstant(lane, last, InstantKind::Print, QStringLiteral("x"));
    const auto [t0, t1] = TimeAxis::extent(model);
    QCOMPARE(t0, start);
    QCOMPARE(t1, end);
    const TimeMapping m { t0, t1, 0, 1600 };
    QVERIFY(TimeAxis::ticks(m, 60).size() <= kTickBound);
}

// Kineto writes epoch microseconds (ts near 1.6e15): the axis reads 0 s, 1 s, ... from the
// trace's start, and says that start once.
void TestTimeAxis::countsFromTheOrigin()
{
    const qint64 start = 1635202069792701000LL;
    TimeMapping m = mapping(start, start + 5 * kS, 1200);
    m.origin = start;
    const QFontMetrics fm { QFont() };
    const std::vector<TimeAxis::Label> labels = TimeAxis::labels(QRect(0, 0, 1200, 20), m, fm, 4);
    QVERIFY(labels.size() >= 5);
    QCOMPARE(labels.front().text, QStringLiteral("0 s"));
    QCOMPARE(labels.front().t, start);
    QStringList texts;
    for (const TimeAxis::Label& l : labels) {
        texts << l.text;
        QVERIFY2(!l.text.contains(QStringLiteral("1635")), qPrintable(l.text));
    }
    QVERIFY2(
        texts.contains(QStringLiteral("1 s")) || texts.contains(QStringLiteral("1.0 s")), qPrintable(texts.join(u',')));
    // Majors fall on round distances from the origin, not on round absolute times.
    const qint64 step = TimeAxis::labelStep(m, fm, 4);
    for (const TimeAxis::Tick& tick : TimeAxis::ticksForStep(m, step))
        QCOMPARE(tick.major, (tick.t - start) % step == 0);
    QCOMPARE(TimeAxis::originLabel(start), QStringLiteral("0 s = 1635202069.792701 s"));
    QCOMPARE(TimeAxis::absoluteTime(-1500 * kMs), QStringLiteral("-1.5 s"));
    // The fit of such a trace starts at its first event, which the views take as the origin.
    TraceModel model;
    const int lane = model.ensureLane(1, 1);
    model.addSpan(lane, { start, start + 5 * kS, State::Running });
    QCOMPARE(TimeAxis::extent(model).first, start);
}

void TestTimeAxis::labelsNeverMeet_data()
{
    QTest::addColumn<qint64>("from"); // after the origin
    QTest::addColumn<qint64>("range");
    QTest::addColumn<int>("width");
    QTest::newRow("whole trace") << qint64(0) << 5 * kS << 1200;
    QTest::newRow("deep in a long trace") << 12 * kS + 345678 << 20 * 1000LL << 300;
    QTest::newRow("narrow view of a day") << qint64(0) << 86400 * kS << 200;
    QTest::newRow("before the origin") << -3 * kS - 1 << 7 * kS << 400;
}

void TestTimeAxis::labelsNeverMeet()
{
    QFETCH(qint64, from);
    QFETCH(qint64, range);
    QFETCH(int, width);
    const qint64 origin = 1635202069792701000LL;
    TimeMapping m = mapping(origin + from, origin + from + range, width);
    m.origin = origin;
    const QFontMetrics fm { QFont() };
    const QRect r(0, 0, width, 20);
    const std::vector<TimeAxis::Label> labels = TimeAxis::labels(r, m, fm, 4);
    QVERIFY(!labels.empty());
    for (size_t i = 0; i < labels.size(); ++i) {
        QVERIFY(labels[i].rect.left() >= 0);
        QVERIFY(labels[i].rect.left() + fm.horizontalAdvance(labels[i].text) <= width);
        if (i > 0) {
            QVERIFY2(labels[i].rect.left() > labels[i - 1].rect.left() + fm.horizontalAdvance(labels[i - 1].text),
                qPrintable(labels[i - 1].text + QStringLiteral(" | ") + labels[i].text));
            QVERIFY(labels[i].text != labels[i - 1].text);
        }
    }
}

QTEST_MAIN(TestTimeAxis) // labels are measured in a font: a QGuiApplication
#include "tst_timeaxis.moc"
