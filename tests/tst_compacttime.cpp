// SPDX-License-Identifier: GPL-3.0-or-later
#include "compacttime.h"
#include "timemapping.h"
#include "tracemodel.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <memory>

using namespace Forkline;

namespace {

constexpr qint64 kMs = 1000000;
constexpr qint64 kSec = 1000 * kMs;

// fork-join's shape: main forks `workers` threads in the first 20 ms, every lane then sleeps
// for 3 s, and main joins them one after another.
TraceModel forkJoin(int workers)
{
    TraceModel m;
    m.ensureProcess(1);
    const int main = m.ensureLane(1, 1);
    m.lane(main).kind = LaneKind::Process;
    m.addInstant(main, 0, InstantKind::Start);
    m.setState(main, 0, State::Running);
    for (int w = 0; w < workers; ++w) {
        const int lane = m.ensureLane(1, 2 + w);
        const qint64 fork = (w + 1) * 4 * kMs;
        m.addInstant(main, fork, InstantKind::Fork);
        m.flowFrom(w + 1, FlowKind::Fork, main, fork);
        m.addInstant(lane, fork, InstantKind::Start);
        m.flowTo(w + 1, FlowKind::Fork, lane, fork);
        m.setState(lane, fork, State::Running);
        m.setState(lane, fork + kMs, State::Sleeping);
        const qint64 end = fork + kMs + 3 * kSec;
        m.setState(lane, end, State::Running);
        m.addInstant(lane, end + kMs, InstantKind::End);
        m.flowFrom(100 + w, FlowKind::Join, lane, end + kMs);
    }
    m.setState(main, 20 * kMs, State::Sleeping);
    m.setState(main, 3010 * kMs, State::WaitingJoin);
    qint64 t = 3010 * kMs;
    for (int w = 0; w < workers; ++w) {
        t = std::max(t, (w + 1) * 4 * kMs + 2 * kMs + 3 * kSec);
        m.addInstant(main, t, InstantKind::Join);
        m.flowTo(100 + w, FlowKind::Join, main, t);
    }
    m.setState(main, t, State::Running);
    m.addInstant(main, t + kMs, InstantKind::End);
    m.closeAll(t + kMs);
    return m;
}

std::vector<qint64> eventTimes(const TraceModel& m)
{
    std::vector<qint64> times;
    for (const Lane& lane : m.lanes()) {
        for (const Span& s : lane.spans) {
            times.push_back(s.start);
            times.push_back(s.end);
        }
        for (const Instant& in : lane.instants)
            times.push_back(in.t);
    }
    for (const Flow& f : m.flows()) {
        times.push_back(f.fromT);
        times.push_back(f.toT);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

bool insideAGap(const CompactTime& c, qint64 t)
{
    return std::any_of(
        c.gaps().begin(), c.gaps().end(), [t](const CompactTime::Gap& g) { return t > g.start && t < g.end; });
}

} // namespace

class TestCompactTime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aSleepOnEveryLaneBecomesABreak();
    void aWaitBeforeTheForksIsShortenedToo();
    void noBreakWhenNothingIsIdle();
    void oneBusyLaneKeepsTheTime();
    void roundTripIsExactOutsideTheGaps();
    void monotonicEverywhere();
    void eventsKeepTheirOrder();
    void mappingRoundTrip();
    void fitAllGivesTheEventsTheWidth();
    void zoomKeepsTheAnchor();
};

void TestCompactTime::aSleepOnEveryLaneBecomesABreak()
{
    const TraceModel m = forkJoin(3);
    const CompactTime c = CompactTime::ofTrace(m, 0, m.endTime());
    QCOMPARE(int(c.gaps().size()), 1);
    const CompactTime::Gap& g = c.gaps().front();
    // From the last fork's sleep to the first worker's wake-up, nothing happens anywhere.
    QCOMPARE(g.start, 20 * kMs);
    QCOMPARE(g.end, 4 * kMs + kMs + 3 * kSec);
    QVERIFY(c.breakNs() > 0);
    QVERIFY(c.breakNs() < g.length() / 10);
    // The gap's ends are kept exactly; the break stands for the whole gap.
    QCOMPARE(c.toCompact(g.end) - c.toCompact(g.start), c.breakNs());
}

void TestCompactTime::aWaitBeforeTheForksIsShortenedToo()
{
    // 60 ms before the first event (a program starting): a twentieth of a 3 s run, but twice
    // the 30 ms of forks and joins that stay once the sleep is short.
    const TraceModel m = forkJoin(3);
    const CompactTime c = CompactTime::ofTrace(m, -60 * kMs, m.endTime());
    QCOMPARE(int(c.gaps().size()), 2);
    QCOMPARE(c.gaps()[0].start, -60 * kMs);
    QCOMPARE(c.gaps()[0].end, qint64(0));
    QCOMPARE(c.gaps()[1].start, 20 * kMs);
    // The forks, 4 ms apart, are kept.
    QCOMPARE(c.toCompact(8 * kMs) - c.toCompact(4 * kMs), 4 * kMs);
}

void TestCompactTime::noBreakWhenNothingIsIdle()
{
    TraceModel m;
    const int lane = m.ensureLane(1, 1);
    // A change every 10 ms for 5 s: no stretch is a twentieth of the run.
    for (qint64 t = 0; t < 5 * kSec; t += 10 * kMs)
        m.setState(lane, t, (t / (10 * kMs)) % 2 ? State::Running : State::Sleeping);
    m.closeAll(5 * kSec);
    QVERIFY(CompactTime::ofTrace(m, 0, m.endTime()).isEmpty());
    QVERIFY(CompactTime::ofTrace(m, kSec, kSec).isEmpty());
}

void TestCompactTime::oneBusyLaneKeepsTheTime()
{
    // Every lane but one sleeps; the one keeps changing: the time is not idle.
    TraceModel m = forkJoin(2);
    const int busy = m.ensureLane(1, 50);
    for (qint64 t = 0; t < m.endTime(); t += 50 * kMs)
        m.addInstant(busy, t, InstantKind::Print, QStringLiteral("tick"));
    QVERIFY(CompactTime::ofTrace(m, 0, m.endTime()).isEmpty());
}

void TestCompactTime::roundTripIsExactOutsideTheGaps()
{
    const CompactTime c({ { 100, 5000 }, { 7000, 7001 }, { 9000, 1000000 } }, 50);
    QCOMPARE(int(c.gaps().size()), 2); // a gap shorter than its break stays as it is
    QRandomGenerator rng(14);
    int checked = 0;
    for (int k = 0; k < 20000; ++k) {
        const qint64 t = qint64(rng.bounded(2000000)) - 500000;
        if (insideAGap(c, t))
            continue;
        QCOMPARE(c.fromCompact(c.toCompact(t)), t);
        ++checked;
    }
    QVERIFY(checked > 5000);
    // Before the first gap compact time is real time; after, shifted by what the gaps lost.
    QCOMPARE(c.toCompact(-7), qint64(-7));
    QCOMPARE(c.toCompact(5000), qint64(150));
    QCOMPARE(c.toCompact(2000000), 2000000 - (4900 - 50) - (991000 - 50));
}

void TestCompactTime::monotonicEverywhere()
{
    const CompactTime c({ { 0, 3 * kSec }, { 4 * kSec, 9 * kSec } }, 7 * kMs);
    QRandomGenerator rng(7);
    std::vector<qint64> times;
    for (int k = 0; k < 20000; ++k)
        times.push_back(qint64(rng.bounded(quint64(12 * kSec))) - kSec);
    std::sort(times.begin(), times.end());
    for (size_t k = 1; k < times.size(); ++k) {
        QVERIFY(c.toCompact(times[k - 1]) <= c.toCompact(times[k]));
        // And back: a later compact time never reads as an earlier real one.
        QVERIFY(c.fromCompact(c.toCompact(times[k - 1])) <= c.fromCompact(c.toCompact(times[k])));
    }
}

void TestCompactTime::eventsKeepTheirOrder()
{
    const TraceModel m = forkJoin(4);
    auto c = std::make_shared<const CompactTime>(CompactTime::ofTrace(m, 0, m.endTime()));
    QVERIFY(!c->isEmpty());
    const TimeMapping map { 0, m.endTime(), 100, 1000, 0, c };
    const std::vector<qint64> times = eventTimes(m);
    for (size_t k = 1; k < times.size(); ++k) {
        QVERIFY(!insideAGap(*c, times[k]));
        // Distinct events stay distinct and in order, on the axis and on the screen.
        QVERIFY(c->toCompact(times[k - 1]) < c->toCompact(times[k]));
        QVERIFY(map.toX(times[k - 1]) < map.toX(times[k]));
    }
}

void TestCompactTime::mappingRoundTrip()
{
    const TraceModel m = forkJoin(5);
    auto c = std::make_shared<const CompactTime>(CompactTime::ofTrace(m, 0, m.endTime()));
    // Wide enough that a pixel is under a nanosecond: toTime(toX(t)) must give t back.
    const TimeMapping fine { 0, m.endTime(), 50, 1e12, 0, c };
    // At Fit All on a screen, to the half pixel the plain mapping rounds to.
    const TimeMapping screen { 0, m.endTime(), 50, 1200, 0, c };
    QRandomGenerator rng(3);
    for (int k = 0; k < 5000; ++k) {
        const qint64 t = qint64(rng.bounded(quint64(m.endTime())));
        if (insideAGap(*c, t))
            continue;
        QCOMPARE(fine.toTime(fine.toX(t)), t);
        QVERIFY(std::abs(screen.toTime(screen.toX(t)) - t) <= qint64(screen.nsPerPixel()));
    }
    // Without compact time the mapping is what it always was.
    const TimeMapping plain { 0, m.endTime(), 50, 1200 };
    QCOMPARE(plain.toX(m.endTime() / 2), 50 + 600.0);
}

void TestCompactTime::fitAllGivesTheEventsTheWidth()
{
    const TraceModel m = forkJoin(3);
    auto c = std::make_shared<const CompactTime>(CompactTime::ofTrace(m, 0, m.endTime()));
    const TimeMapping plain { 0, m.endTime(), 0, 1000 };
    TimeMapping compact = plain;
    compact.compact = c;
    // The 20 ms of forks: a few pixels in real time, most of the first half in compact time.
    QVERIFY(plain.toX(20 * kMs) < 10);
    QVERIFY(compact.toX(20 * kMs) > 300);
    // The break is narrow but there: some pixels, not a tenth of the width.
    const CompactTime::Gap& g = c->gaps().front();
    const double breakWidth = compact.toX(g.end) - compact.toX(g.start);
    QVERIFY(breakWidth > 20);
    QVERIFY(breakWidth < 100);
    QCOMPARE(compact.toX(m.endTime()), 1000.0);
}

void TestCompactTime::zoomKeepsTheAnchor()
{
    const TraceModel m = forkJoin(3);
    auto c = std::make_shared<const CompactTime>(CompactTime::ofTrace(m, 0, m.endTime()));
    const TimeMapping map { 0, m.endTime(), 0, 1000, 0, c };
    const double x = map.toX(10 * kMs);
    const TimeMapping zoomed = map.zoomedAround(x, 4);
    QVERIFY(std::abs(zoomed.toX(10 * kMs) - x) < 1);
    QVERIFY(zoomed.span() < map.span() / 3);
    // Zooming out again on the compact axis gives the whole run back.
    const TimeMapping back = zoomed.zoomedAround(x, 0.25);
    QVERIFY(std::abs(back.t0 - map.t0) <= 2 * qint64(map.nsPerPixel()));
    QVERIFY(std::abs(back.t1 - map.t1) <= 2 * qint64(map.nsPerPixel()));
}

QTEST_GUILESS_MAIN(TestCompactTime)
#include "tst_compacttime.moc"
