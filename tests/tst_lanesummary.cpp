// SPDX-License-Identifier: GPL-3.0-or-later
// The summary a live view paints busy lanes from: the same picture as the spans and marks
// themselves, kept up to date as a run grows, and never stale for another model.
#include "lanesummary.h"
#include "timelinelayout.h"
#include "timelinepainter.h"
#include "timelinestyle.h"
#include "tracemodel.h"

#include <QImage>
#include <QPainter>
#include <QTest>
#include <algorithm>

using namespace Forkline;

namespace {

constexpr qint64 kUs = 1000;
constexpr qint64 kMs = 1000 * kUs;
constexpr int kWidth = 900;

// Threads that print and sleep about a millisecond over and over, as a busy lesson does,
// with now and then a longer stretch of work, a wait for a lock and a mark that outranks a
// print, so that no state or mark has a column to itself by luck.
struct BusyRun
{
    TraceModel model;
    std::vector<qint64> clock;
    int round = 0;

    explicit BusyRun(int lanes)
    {
        model.ensureProcess(10).name = QStringLiteral("busy");
        for (int i = 0; i < lanes; ++i) {
            const int lane = model.ensureLane(10, 100 + i);
            model.lane(lane).name = QStringLiteral("w%1").arg(i);
            clock.push_back(i * 37 * kUs);
            model.setState(lane, clock.back(), State::Running);
        }
    }

    void rounds(int count)
    {
        for (int r = 0; r < count; ++r, ++round) {
            for (int lane = 0; lane < int(clock.size()); ++lane) {
                qint64& t = clock[size_t(lane)];
                const int k = round * 7 + lane * 13;
                t += 20 * kUs + (k % 50) * kUs;
                model.addInstant(lane, t, InstantKind::Print, QStringLiteral("w%1 %2").arg(lane).arg(round));
                if (k % 97 == 0)
                    model.addInstant(lane, t, InstantKind::Send);
                model.setState(lane, t, k % 11 == 0 ? State::WaitingLock : State::Sleeping);
                t += kMs + (k % 170) * kUs;
                model.setState(lane, t, k % 29 == 0 ? State::Computing : State::Running);
                if (k % 29 == 0)
                    t += 3 * kMs;
            }
        }
    }
};

QImage paint(const TraceModel& model, const TimeMapping& map, const LaneSummary* summary)
{
    const TimelineStyle style { QFont() };
    TimelineLayout layout;
    layout.build(model, style);
    QImage image(layout.labelWidth() + kWidth, layout.height(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    TimeMapping m = map;
    m.x0 = layout.labelWidth();
    const TimelinePainter painter(model, layout, style, m, model.endTime(), summary);
    painter.paintData(&p, 0, layout.height(), layout.labelWidth(), image.width());
    return image;
}

// Brings a summary up to date with every lane: one update() sums only so many lanes from
// scratch, and the others on the next calls.
void summarize(LaneSummary* summary, const TraceModel& model)
{
    while (!summary->update(model)) { }
}

TimeMapping fitted(const TraceModel& model)
{
    return { model.startTime(), model.endTime(), 0, double(kWidth) };
}

} // namespace

class TestLaneSummary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void paintsWhatTheSpansPaint_data();
    void paintsWhatTheSpansPaint();
    void keepsUpWithARun();
    void truerThanSampling();
    void anotherModelStartsOver();
    void aLateInstantStartsOver();
    void busyLanesAreSummedAFewAtATime();
    void quietLanesHaveNone();
};

void TestLaneSummary::paintsWhatTheSpansPaint_data()
{
    QTest::addColumn<double>("zoom");
    QTest::addColumn<double>("from"); // fraction of the run where the view starts

    QTest::newRow("fit") << 1.0 << 0.0;
    QTest::newRow("zoomed 2x") << 2.0 << 0.3;
    QTest::newRow("zoomed 5x") << 5.0 << 0.55;
    QTest::newRow("zoomed past the buckets") << 400.0 << 0.5;
}

void TestLaneSummary::paintsWhatTheSpansPaint()
{
    QFETCH(double, zoom);
    QFETCH(double, from);

    BusyRun run(6);
    run.rounds(6000);
    LaneSummary summary;
    summarize(&summary, run.model);
    for (int lane = 0; lane < run.model.laneCount(); ++lane)
        QVERIFY(summary.level(lane, double(run.model.endTime()) / kWidth));

    const qint64 length = run.model.endTime() - run.model.startTime();
    TimeMapping map = fitted(run.model);
    map.t0 = run.model.startTime() + qint64(double(length) * from);
    map.t1 = map.t0 + qint64(double(length) / zoom);
    QCOMPARE(paint(run.model, map, &summary), paint(run.model, map, nullptr));
}

void TestLaneSummary::keepsUpWithARun()
{
    // Updated a little at a time while the run grows, through every coarsening of its
    // buckets, it paints what one made from the finished run paints.
    BusyRun run(3);
    LaneSummary live;
    for (int step = 0; step < 40; ++step) {
        run.rounds(500);
        live.update(run.model);
    }
    LaneSummary once;
    summarize(&once, run.model);
    const TimeMapping map = fitted(run.model);
    QCOMPARE(paint(run.model, map, &live), paint(run.model, map, &once));
    // Where a column holds few enough spans for the painter to add them all, that is what
    // the spans themselves give.
    TimeMapping close = map;
    close.t1 = map.t0 + (map.t1 - map.t0) / 4;
    QCOMPARE(paint(run.model, close, &live), paint(run.model, close, nullptr));
}

void TestLaneSummary::truerThanSampling()
{
    // Zoomed out far enough for the painter to sample a column's spans, a state that takes
    // much of a column in a few long spans can be missed; summed, it is not. Here every
    // 29th round computes for 3 ms: more time than the short runs of all the other rounds.
    BusyRun run(1);
    run.rounds(20000);
    LaneSummary summary;
    summarize(&summary, run.model);
    const TimelineStyle style { QFont() };
    TimelineLayout layout;
    layout.build(run.model, style);
    // The top of the lane's box, above its marks.
    const auto row = std::find_if(layout.rows().begin(), layout.rows().end(),
        [](const TimelineRow& r) { return r.kind == TimelineRow::Kind::Lane; });
    QVERIFY(row != layout.rows().end());
    const int y = row->y + 1;
    const auto columns = [&](const LaneSummary* with, State state) {
        const QImage image = paint(run.model, fitted(run.model), with);
        const QRgb colour = TimelineStyle::stateFill(state).rgb();
        int n = 0;
        for (int x = layout.labelWidth(); x < image.width(); ++x)
            n += image.pixel(x, y) == colour;
        return n;
    };
    const int computing = columns(&summary, State::Computing);
    QVERIFY2(computing > 2 * columns(&summary, State::Running), qPrintable(QString::number(computing)));
    QVERIFY(computing > columns(nullptr, State::Computing));
}

void TestLaneSummary::anotherModelStartsOver()
{
    BusyRun first(2);
    first.rounds(5000);
    LaneSummary summary;
    summarize(&summary, first.model);

    // As many lanes, as many events, other times: nothing of the first may show.
    BusyRun second(2);
    second.clock = { 5 * kMs, 9 * kMs };
    second.rounds(5000);
    summarize(&summary, second.model);
    const TimeMapping map = fitted(second.model);
    QCOMPARE(paint(second.model, map, &summary), paint(second.model, map, nullptr));
}

void TestLaneSummary::aLateInstantStartsOver()
{
    BusyRun run(2);
    run.rounds(5000);
    LaneSummary summary;
    summarize(&summary, run.model);
    // An ending that outranks every print, slipped in before the last events.
    const qint64 t = run.model.lane(1).instants[4000].t + 1;
    run.model.addInstant(1, t, InstantKind::Killed);
    summarize(&summary, run.model);
    const TimeMapping map = fitted(run.model);
    QCOMPARE(paint(run.model, map, &summary), paint(run.model, map, nullptr));
}

void TestLaneSummary::busyLanesAreSummedAFewAtATime()
{
    // Lanes that get busy together are summed over several frames, not in one.
    BusyRun run(8);
    run.rounds(4000);
    LaneSummary summary;
    summary.update(run.model);
    const double nsPerPixel = double(run.model.endTime()) / kWidth;
    int summed = 0;
    for (int lane = 0; lane < run.model.laneCount(); ++lane)
        summed += bool(summary.level(lane, nsPerPixel));
    QVERIFY2(summed >= 1 && summed < run.model.laneCount(), qPrintable(QString::number(summed)));
    summarize(&summary, run.model);
    for (int lane = 0; lane < run.model.laneCount(); ++lane)
        QVERIFY(summary.level(lane, nsPerPixel));
}

void TestLaneSummary::quietLanesHaveNone()
{
    BusyRun run(2);
    run.rounds(100);
    LaneSummary summary;
    summary.update(run.model);
    QVERIFY(!summary.level(0, 1e9));
    QVERIFY(!summary.level(5, 1e9)); // no such lane
}

QTEST_MAIN(TestLaneSummary)
#include "tst_lanesummary.moc"
