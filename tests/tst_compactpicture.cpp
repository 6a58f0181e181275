// SPDX-License-Identifier: GPL-3.0-or-later
// Compact time drawn: the axis keeps exact times in the kept stretches and says how long each
// break is, the rows get a cut where time was shortened, and the exported picture follows it.
#include "timeaxis.h"
#include "timelinedocument.h"
#include "timelineexport.h"
#include "timelinelayout.h"
#include "timelinepainter.h"
#include "timelinestyle.h"
#include "tracemodel.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Forkline;

namespace {

constexpr qint64 kMs = 1000000;

// Two threads that work for 10 ms, sleep for 3 s and work for 10 ms again, 2 ms apart: from
// 12 ms to 3010 ms nothing changes anywhere.
TraceModel sleepers()
{
    TraceModel m;
    m.ensureProcess(1);
    for (int k = 0; k < 2; ++k) {
        const int lane = m.ensureLane(1, 1 + k);
        const qint64 at = 2 * k * kMs;
        m.setState(lane, at, State::Running);
        m.setState(lane, at + 10 * kMs, State::Sleeping);
        m.setState(lane, at + 3010 * kMs, State::Running);
        m.addInstant(lane, at + 3020 * kMs, InstantKind::End);
    }
    return m;
}

TimeMapping fitAll(const TraceModel& m, double x0, double width, bool compact)
{
    TimeMapping map { 0, m.endTime(), x0, width };
    if (compact)
        map.compact = std::make_shared<const CompactTime>(CompactTime::ofTrace(m, 0, m.endTime()));
    return map;
}

QImage paintRows(
    const TraceModel& m, const TimelineLayout& layout, const TimelineStyle& style, const TimeMapping& map, int width)
{
    QImage image(width, layout.height(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    TimelinePainter(m, layout, style, map).paintData(&p, 0, layout.height(), layout.labelWidth(), width);
    return image;
}

} // namespace

class TestCompactPicture : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void axisIsExactAroundTheBreak();
    void closeBreaksEachSayTheirLength();
    void rowsGetTheCutAndTheWidth();
    void exportFollowsTheSwitch();
};

void TestCompactPicture::axisIsExactAroundTheBreak()
{
    const TraceModel m = sleepers();
    const TimeMapping map = fitAll(m, 0, 900, true);
    QVERIFY(map.compact && map.compact->gaps().size() == 1);
    const CompactTime::Gap gap = map.compact->gaps().front();
    QCOMPARE(gap.start, 12 * kMs);
    QCOMPARE(gap.end, 3010 * kMs);
    const QFont font;
    const QFontMetrics fm(font);
    const qint64 step = TimeAxis::labelStep(map, fm, 8);
    const std::vector<TimeAxis::Tick> ticks = TimeAxis::ticksForStep(map, step);
    QVERIFY(ticks.size() > 10);
    for (const TimeAxis::Tick& tick : ticks) {
        // No tick inside the break, every tick where its time is.
        QVERIFY(tick.t <= gap.start || tick.t >= gap.end);
        QVERIFY(!tick.major || tick.t % step == 0);
    }
    // The ticks are milliseconds apart, as at this zoom without a break.
    QVERIFY(step <= 5 * kMs);
    const std::vector<TimeAxis::Label> labels = TimeAxis::labels(QRect(0, 0, 900, 20), map, fm, 8);
    int cuts = 0;
    for (size_t k = 0; k < labels.size(); ++k) {
        if (labels[k].cut) {
            ++cuts;
            QCOMPARE(labels[k].text, QStringLiteral("… 3.00 s …"));
            // Over the break.
            const double mid = (map.toX(gap.start) + map.toX(gap.end)) / 2;
            QVERIFY(labels[k].rect.left() <= mid && labels[k].rect.right() >= mid);
        }
        if (k > 0)
            QVERIFY(labels[k - 1].rect.left() + fm.horizontalAdvance(labels[k - 1].text) < labels[k].rect.left());
    }
    QCOMPARE(cuts, 1);
    // Off, there is no break and the ticks are seconds' worth apart.
    const TimeMapping plain = fitAll(m, 0, 900, false);
    QVERIFY(TimeAxis::labelStep(plain, fm, 8) >= 100 * kMs);
    for (const TimeAxis::Label& label : TimeAxis::labels(QRect(0, 0, 900, 20), plain, fm, 8))
        QVERIFY(!label.cut);
}

void TestCompactPicture::closeBreaksEachSayTheirLength()
{
    // Two gaps 1 ms apart, each drawn 1 ms long: their labels would overlap at their places.
    TimeMapping map { 0, 100 * kMs, 0, 600 };
    map.compact = std::make_shared<const CompactTime>(
        std::vector<CompactTime::Gap> { { 10 * kMs, 50 * kMs }, { 51 * kMs, 90 * kMs } }, kMs);
    const QFontMetrics fm { QFont() };
    QStringList cuts;
    for (const TimeAxis::Label& label : TimeAxis::labels(QRect(0, 0, 600, 20), map, fm, 8)) {
        if (label.cut)
            cuts << label.text;
    }
    QCOMPARE(cuts, QStringList({ QStringLiteral("… 40.0 ms …"), QStringLiteral("… 39.0 ms …") }));
}

void TestCompactPicture::rowsGetTheCutAndTheWidth()
{
    const TraceModel m = sleepers();
    const TimelineStyle style { QFont() };
    TimelineLayout layout;
    layout.build(m, style);
    const int x0 = layout.labelWidth();
    const int width = x0 + 900;
    const TimeMapping compact = fitAll(m, x0, 900, true);
    const TimeMapping plain = fitAll(m, x0, 900, false);
    const QImage on = paintRows(m, layout, style, compact, width);
    const QImage off = paintRows(m, layout, style, plain, width);
    const int y = int(layout.laneCenter(0));
    const QRgb running = off.pixel(x0 + 1, y);
    const QRgb sleeping = off.pixel(int(plain.toX(1500 * kMs)), y);
    QVERIFY(running != sleeping);
    // The first 10 ms of work: a pixel or two off, a good part of the width on.
    const int workOn = int(compact.toX(10 * kMs)) - x0;
    QVERIFY2(workOn > 150, qPrintable(QString::number(workOn)));
    QCOMPARE(on.pixel(x0 + workOn / 2, y), running);
    QCOMPARE(off.pixel(x0 + workOn / 2, y), sleeping);
    // Across the break the lane is cut: some of its pixels are the page's, none are off.
    const CompactTime::Gap gap = compact.compact->gaps().front();
    int pageOn = 0;
    int pageOff = 0;
    for (int x = int(compact.toX(gap.start)) + 1; x < int(compact.toX(gap.end)); ++x) {
        pageOn += on.pixel(x, y) == style.background().rgb();
        pageOff += off.pixel(x, y) == style.background().rgb();
    }
    QVERIFY(pageOn > 0);
    QCOMPARE(pageOff, 0);
}

void TestCompactPicture::exportFollowsTheSwitch()
{
    const TraceModel m = sleepers();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ImageExportOptions options;
    options.width = 1000;
    options.scale = 1;
    QString error;
    const QString offPath = dir.filePath(QStringLiteral("off.png"));
    QVERIFY2(exportTimeline(m, offPath, options, &error), qPrintable(error));
    options.compactTime = true;
    const QString onPath = dir.filePath(QStringLiteral("on.png"));
    QVERIFY2(exportTimeline(m, onPath, options, &error), qPrintable(error));
    const QImage off(offPath);
    const QImage on(onPath);
    QCOMPARE(on.size(), off.size());
    QVERIFY(on != off);
    // The file is the document's picture with compact time on.
    TimelineDocument doc(m, 1000, false, 1);
    doc.setCompactTime(true);
    QCOMPARE(on.convertToFormat(QImage::Format_RGB32), doc.toImage().convertToFormat(QImage::Format_RGB32));
}

QTEST_MAIN(TestCompactPicture)
#include "tst_compactpicture.moc"
