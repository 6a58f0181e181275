// SPDX-License-Identifier: GPL-3.0-or-later
// The cores-busy strips and lane totals: what makes the GIL lesson read at Fit All.
#include "chrometrace.h"
#include "chrometraceimport.h"
#include "counterpainter.h"
#include "lanetotals.h"
#include "timelinelayout.h"
#include "timelinepainter.h"
#include "timelinestyle.h"
#include "tracemodel.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace Forkline;

namespace {

constexpr qint64 kSec = 1000000000;

// One process (pid 10) with two threads, or two processes (10 and 20) with one each, that
// compute; `cores` the whole run's cores busy, and each process's its share.
TraceModel run(int processes, double cores)
{
    TraceModel m;
    for (int p = 0; p < processes; ++p) {
        const qint64 pid = 10 * (p + 1);
        for (int t = 0; t < (processes == 1 ? 2 : 1); ++t) {
            const int lane = m.ensureLane(pid, pid + t);
            m.setState(lane, 0, State::Computing);
            m.closeAll(4 * kSec);
        }
    }
    for (qint64 t = 0; t <= 4 * kSec; t += kSec / 10) {
        m.addCounter(0, QStringLiteral("cores busy"), QStringLiteral("cores"), t, cores);
        for (int p = 0; p < processes; ++p)
            m.addCounter(10 * (p + 1), QStringLiteral("cores busy"), QStringLiteral("cores"), t, cores / processes);
    }
    return m;
}

// Share of the strip's height under the curve, measured down the middle of the row.
double filledShare(const TraceModel& model, int counter)
{
    TimelineStyle style { QFont() };
    TimelineLayout layout;
    layout.build(model, style);
    const int width = layout.labelWidth() + 600;
    const TimeMapping map { 0, model.endTime(), double(layout.labelWidth()), 600 };
    QImage image(width, layout.height(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    TimelinePainter(model, layout, style, map).paintData(&p, 0, layout.height(), layout.labelWidth(), width);
    p.end();
    for (const TimelineRow& row : layout.rows()) {
        if (row.kind != TimelineRow::Kind::Counter || row.index != counter)
            continue;
        const int x = layout.labelWidth() + 300;
        const QRgb lane = image.pixel(x, row.y + 1);
        int filled = 0;
        for (int y = row.y + 3; y < row.bottom() - 1; ++y)
            filled += image.pixel(x, y) != lane;
        return double(filled) / double(row.height - 4);
    }
    return -1;
}

int counterIndex(const TraceModel& m, qint64 pid)
{
    for (size_t i = 0; i < m.counters().size(); ++i) {
        if (m.counters()[i].pid == pid)
            return int(i);
    }
    return -1;
}

} // namespace

class TestCoreStrip : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scaleIsWholeCoresAndAtLeastTwo_data()
    {
        QTest::addColumn<double>("most");
        QTest::addColumn<double>("scale");
        QTest::newRow("one core") << 1.02 << 2.0;
        QTest::newRow("two cores") << 2.0 << 2.0;
        QTest::newRow("a tick late") << 2.2 << 2.0;
        QTest::newRow("four") << 3.7 << 4.0;
    }
    void scaleIsWholeCoresAndAtLeastTwo()
    {
        QFETCH(double, most);
        QFETCH(double, scale);
        TraceModel m;
        m.addCounter(0, QStringLiteral("cores busy"), QStringLiteral("cores"), 0, most);
        QCOMPARE(CounterPainter::scale(m, m.counters().front()), scale);
        // Other counters keep their own maximum.
        m.addCounter(10, QStringLiteral("memory"), QStringLiteral("MiB"), 0, 37);
        QCOMPARE(CounterPainter::scale(m, m.counters().back()), 37.0);
    }

    // At Fit All the GIL lesson reads at once: one core fills half the strip, two all of it.
    void oneCoreFillsHalfTheStrip()
    {
        const TraceModel gil = run(2, 1.0); // two processes, but together one core
        const TraceModel parallel = run(2, 2.0);
        const double half = filledShare(gil, counterIndex(gil, 0));
        const double full = filledShare(parallel, counterIndex(parallel, 0));
        QVERIFY2(half > 0.35 && half < 0.65, qPrintable(QString::number(half)));
        QVERIFY2(full > 0.85, qPrintable(QString::number(full)));
    }

    // The whole run's strip leads the timeline when there are several processes; with one it
    // would repeat that process's own.
    void wholeRunStripLeads()
    {
        const TimelineStyle style { QFont() };
        TimelineLayout layout;
        const TraceModel two = run(2, 2.0);
        layout.build(two, style);
        const TimelineRow& first = layout.rows().front();
        QCOMPARE(first.kind, TimelineRow::Kind::Counter);
        QCOMPARE(two.counters()[size_t(first.index)].pid, 0);
        QCOMPARE(CounterPainter::title(two.counters()[size_t(first.index)]), QStringLiteral("cores busy, all"));

        const TraceModel one = run(1, 1.0);
        layout.build(one, style);
        QCOMPARE(layout.rows().front().kind, TimelineRow::Kind::Process);
        int coreRows = 0;
        for (const TimelineRow& row : layout.rows())
            coreRows += row.kind == TimelineRow::Kind::Counter;
        QCOMPARE(coreRows, 1);
    }

    // A saved trace opens with its strips as they were drawn: the unit survives the round trip.
    void coresSurviveTheTrace()
    {
        const TraceModel two = run(2, 2.0);
        const ChromeTraceImportResult back = importChromeTraceData(chromeTrace(two), QStringLiteral("t.json"));
        QVERIFY2(back.ok(), qPrintable(back.error));
        int cores = 0;
        for (const CounterTrack& c : back.model.counters())
            cores += CounterPainter::isCores(c);
        QCOMPARE(cores, 3);
        QCOMPARE(chromeTrace(back.model), chromeTrace(two));
    }

    void laneTotalsSayWhatTheTimeWentTo()
    {
        TraceModel m;
        const int lane = m.ensureLane(1, 1);
        for (int i = 0; i < 54; ++i) {
            m.setState(lane, i * kSec / 10, i % 2 ? State::WaitingGil : State::Computing);
        }
        m.closeAll(54 * kSec / 10);
        QCOMPARE(LaneTotals::text(m.lane(lane), m.endTime()), QStringLiteral("computing 2.70 s · waiting: GIL 2.70 s"));
        // A lane in one state all its life says nothing its box does not.
        TraceModel single;
        const int only = single.ensureLane(1, 1);
        single.setState(only, 0, State::Sleeping);
        single.closeAll(kSec);
        QVERIFY(LaneTotals::text(single.lane(only), single.endTime()).isEmpty());
    }

    // The totals are drawn at the lane's end when it has the room.
    void laneTotalsArePainted()
    {
        TraceModel m;
        const int lane = m.ensureLane(1, 1);
        for (int i = 0; i < 40; ++i)
            m.setState(lane, i * kSec / 10, i % 2 ? State::WaitingGil : State::Computing);
        m.closeAll(4 * kSec);
        const TimelineStyle style { QFont() };
        TimelineLayout layout;
        layout.build(m, style);
        const int width = layout.labelWidth() + 900;
        const TimeMapping map { 0, m.endTime(), double(layout.labelWidth()), 900 };
        QImage with(width, layout.height(), QImage::Format_ARGB32_Premultiplied);
        with.fill(Qt::white);
        QPainter p(&with);
        TimelinePainter(m, layout, style, map).paintData(&p, 0, layout.height(), layout.labelWidth(), width);
        p.end();
        // The label's backing is the lane's colour, not the boxes': the end of the lane shows it.
        const int y = int(layout.laneCenter(lane));
        int plain = 0;
        for (int x = width - 150; x < width - 20; ++x)
            plain += QColor(with.pixel(x, y)) == style.laneBackground() || qGray(with.pixel(x, y)) < 80; // text
        QVERIFY2(plain > 60, qPrintable(QString::number(plain)));
    }

    // A box whose end lies under the totals shows its name only where the name fits before
    // them, never a letter or two beside the chip.
    void namesStopShortOfTheTotals()
    {
        const TimelineStyle style { QFont() };
        const auto build = [](TraceModel* m, qint64 lastStart) {
            const int lane = m->ensureLane(1, 1);
            for (int i = 0; i < 30; ++i)
                m->setState(lane, i * kSec / 10, i % 2 ? State::WaitingGil : State::Computing);
            m->setState(lane, lastStart, State::Sleeping, QStringLiteral("a long sleep of the worker"));
            m->closeAll(lastStart + 2 * kSec);
            return lane;
        };
        // Where the chip goes does not depend on where the last box starts; put that start a
        // little left of the chip.
        TraceModel probe;
        const int probeLane = build(&probe, 3 * kSec);
        TimelineLayout layout;
        layout.build(probe, style);
        const int width = layout.labelWidth() + 900;
        const TimeMapping map { 0, probe.endTime(), double(layout.labelWidth()), 900 };
        const QRect row(layout.labelWidth(), int(layout.laneCenter(probeLane)) - 20, 900, 40);
        const QRect chip0
            = LaneTotals::chip(probe.lane(probeLane), map, row, layout.labelWidth(), width, probe.endTime(), style);
        QVERIFY(!chip0.isNull());
        const qint64 lastStart = map.toTime(chip0.left() - 14);
        QVERIFY(lastStart > 3 * kSec);

        TraceModel m;
        const int lane = build(&m, lastStart);
        layout.build(m, style);
        const TimeMapping map2 { 0, m.endTime(), double(layout.labelWidth()), 900 };
        QImage image(width, layout.height(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        TimelinePainter(m, layout, style, map2).paintData(&p, 0, layout.height(), layout.labelWidth(), width);
        p.end();
        const QRect chip = LaneTotals::chip(m.lane(lane), map2,
            QRect(layout.labelWidth(), 0, 900, 0)
                .adjusted(0, int(layout.laneCenter(lane)) - 20, 0, int(layout.laneCenter(lane)) + 20),
            layout.labelWidth(), width, m.endTime(), style);
        QVERIFY(!chip.isNull());
        const int boxLeft = int(std::lround(map2.toX(lastStart)));
        QVERIFY(boxLeft < chip.left());
        // Its words are there, shortened to end before the chip, with a gap to it.
        const auto darkIn = [&](int from, int to) {
            int n = 0;
            for (int x = from; x < to; ++x) {
                for (int y = chip.top(); y <= chip.bottom(); ++y)
                    n += qGray(image.pixel(x, y)) < 80;
            }
            return n;
        };
        QVERIFY(darkIn(boxLeft + 3, chip.left() - 4) > 0);
        QCOMPARE(darkIn(chip.left() - 4, chip.left()), 0);
    }
};

QTEST_MAIN(TestCoreStrip)
#include "tst_corestrip.moc"
