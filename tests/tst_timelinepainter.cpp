// SPDX-License-Identifier: GPL-3.0-or-later
#include "spanlabel.h"
#include "timelineexport.h"
#include "timelinelayout.h"
#include "timelineoverlay.h"
#include "timelinepainter.h"
#include "timelinestyle.h"
#include "tracemodel.h"
#include "tracesearch.h"

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPicture>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace Forkline;

namespace {

constexpr qint64 kSec = 1000000000;

// A main thread that forks a worker (매수 / buyer), waits in join while the worker sleeps
// for a second and runs for a second, then joins it.
TraceModel buyerModel()
{
    TraceModel m;
    m.title = QStringLiteral("Painter test");
    m.scenario = QStringLiteral("painter-test");
    ProcessInfo& proc = m.ensureProcess(100);
    proc.ppid = 99;
    proc.name = QStringLiteral("painter-test");
    const int main = m.ensureLane(100, 100);
    m.lane(main).name = QStringLiteral("MainThread");
    m.lane(main).kind = LaneKind::Process;
    const int worker = m.ensureLane(100, 101);
    m.lane(worker).name = QStringLiteral("buyer");
    m.lane(worker).label = QStringLiteral("매수");
    m.lane(worker).parent = main;

    m.addInstant(main, 0, InstantKind::Start);
    m.setState(main, 0, State::Running);
    m.addInstant(main, kSec, InstantKind::Fork, QStringLiteral("buyer"));
    m.flowFrom(1, FlowKind::Fork, main, kSec);
    m.setState(main, kSec, State::WaitingJoin);

    m.addInstant(worker, kSec, InstantKind::Start);
    m.flowTo(1, FlowKind::Fork, worker, kSec);
    m.setState(worker, kSec, State::Sleeping);
    m.addInstant(worker, kSec + kSec / 2, InstantKind::Print, QStringLiteral("[매수] 데이터 요청 중..."));
    m.setState(worker, 2 * kSec, State::Running);
    m.addInstant(worker, 3 * kSec, InstantKind::End);
    m.flowFrom(2, FlowKind::Join, worker, 3 * kSec);

    m.addInstant(main, 3 * kSec, InstantKind::Join, QStringLiteral("buyer"));
    m.flowTo(2, FlowKind::Join, main, 3 * kSec);
    m.setState(main, 3 * kSec, State::Running);
    m.addInstant(main, 3 * kSec + kSec / 10, InstantKind::End);
    return m;
}

// Pixels that are not the blank white they started as: a comparison of two drawings means
// nothing when both are blank.
int drawnPixels(const QImage& image)
{
    int drawn = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            drawn += image.pixel(x, y) != qRgb(255, 255, 255);
    }
    return drawn;
}

struct Canvas
{
    TimelineStyle style { QFont() };
    TimelineLayout layout;
    TimeMapping map;
    QImage image;
    int width = 0;

    void paint(const TraceModel& model, qint64 now = -1)
    {
        layout.build(model, style);
        width = layout.labelWidth() + 1000 + 20;
        map = { 0, model.endTime(), double(layout.labelWidth()), 1000 };
        image = QImage(width, layout.height(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        const TimelinePainter painter(model, layout, style, map, now);
        painter.paintData(&p, 0, layout.height(), layout.labelWidth(), width);
        painter.paintLabels(&p, 0, layout.height(), width);
    }
    QPoint at(int lane, qint64 t, int dy = 0) const
    {
        return { int(std::lround(map.toX(t))), int(layout.laneCenter(lane)) + dy };
    }
    QRgb pixel(int lane, qint64 t, int dy = 0) const { return image.pixel(at(lane, t, dy)); }
    // Distinct colours along a horizontal run of a lane, between two times.
    QSet<QRgb> colours(int lane, qint64 from, qint64 to, int dy) const
    {
        QSet<QRgb> out;
        for (int x = at(lane, from).x(); x < at(lane, to).x(); ++x)
            out.insert(image.pixel(x, at(lane, from, dy).y()));
        return out;
    }
};

} // namespace

class TestTimelinePainter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void stateColours();
    void patternsWithoutColour();
    void flowsReadOnEitherPage_data();
    void flowsReadOnEitherPage();
    void openSpanReachesNow();
    void liveStretchesDrawnAsTheirState();
    void manySpansPerPixel();
    void namesOnWideBoxes();
    void namesShortenedAsOnTheirOwn();
    void runNamesOnBoxes();
    void replayNamesTheInnermostSlice();
    void nestedSlicesInBands();
    void processAndGlobalMarks();
    void searchFindsNamesAtEveryDepth();
    void searchFindsWordsOnBoxes();
    void narrowBoxesDrawnAsOneImage_data();
    void narrowBoxesDrawnAsOneImage();
    void marksDrawnFromImages_data();
    void marksDrawnFromImages();
    void layoutGroupsByProcess();
    void hitTest();
    void counterRows();
    void describe();
    void describeEndingsInPythonsWords_data();
    void describeEndingsInPythonsWords();
    void exportPng_data();
    void exportPng();
    void exportSvg();
    void exportRejectsUnknownExtension();
};

void TestTimelinePainter::stateColours()
{
    const TraceModel m = buyerModel();
    Canvas c;
    c.paint(m);
    const QRgb running = TimelineStyle::stateColor(State::Running).rgb();
    // Off the centre line, where marks and the waiting pattern line do not reach.
    const int dy = -c.style.laneHeight / 2 + 3;
    QCOMPARE(c.pixel(0, kSec / 2, dy), running);
    QCOMPARE(c.pixel(1, 2 * kSec + kSec / 2, dy), running);
    QCOMPARE(c.pixel(0, 2 * kSec, dy), TimelineStyle::stateFill(State::WaitingJoin).rgb());
    const QSet<QRgb> sleeping = c.colours(1, kSec + kSec / 10, kSec + kSec / 3, dy);
    QVERIFY(sleeping.contains(TimelineStyle::stateFill(State::Sleeping).rgb()));
    QVERIFY(!sleeping.contains(running));
    QVERIFY(TimelineStyle::stateFill(State::Sleeping) != TimelineStyle::stateFill(State::WaitingJoin));
    // Before the worker started its lane shows the empty lane background, not a state.
    QCOMPARE(c.pixel(1, kSec * 37 / 100, dy), c.style.laneBackground().rgb());
}

void TestTimelinePainter::patternsWithoutColour()
{
    // Every state must be told apart without colour: no two states give the same grey
    // levels along the rows a pattern shows in.
    TimelineStyle style { QFont() };
    QSet<QString> signatures;
    for (int s = 0; s < int(State::Count); ++s) {
        QImage img(80, style.laneHeight, QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::white);
        QPainter p(&img);
        style.drawStateBox(&p, img.rect(), State(s));
        p.end();
        // Grey levels along two rows: the middle (dash patterns) and one near the top
        // (hatching). Equal strings would mean two states look alike in greyscale.
        QString signature;
        for (const int y : { img.height() / 2, 4 }) {
            for (int x = 0; x < 24; ++x)
                signature += QChar(u'a' + qGray(img.pixel(x, y)) / 16);
            signature += QLatin1Char('/');
        }
        QVERIFY2(!signatures.contains(signature), qPrintable(TimelineStyle::stateLabel(State(s))));
        signatures.insert(signature);
    }
}

void TestTimelinePainter::flowsReadOnEitherPage_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<int>("kind");
    for (const bool dark : { false, true }) {
        for (const FlowKind k : { FlowKind::Fork, FlowKind::Join, FlowKind::Message, FlowKind::Lock }) {
            QTest::addRow("%s, %s", dark ? "dark" : "light", qPrintable(TimelineStyle::flowLabel(k))) << dark << int(k);
        }
    }
}

void TestTimelinePainter::flowsReadOnEitherPage()
{
    QFETCH(bool, dark);
    QFETCH(int, kind);
    TimelineStyle style { QFont() };
    if (dark) {
        // The --dark palette of the app.
        QPalette palette;
        palette.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        palette.setColor(QPalette::Text, QColor(0xe6, 0xe8, 0xeb));
        palette.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xc6));
        style.usePalette(palette);
    }
    QImage img(120, 30, QImage::Format_ARGB32_Premultiplied);
    img.fill(style.laneBackground());
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    style.drawFlow(&p, QPointF(10, 15), QPointF(110, 15), FlowKind(kind));
    p.end();
    // WCAG contrast of the arrow's strongest pixel against the lane.
    const auto luminance = [](QRgb c) {
        const auto channel = [](int v) {
            const double x = v / 255.0;
            return x <= 0.03928 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(qRed(c)) + 0.7152 * channel(qGreen(c)) + 0.0722 * channel(qBlue(c));
    };
    const double lane = luminance(style.laneBackground().rgb());
    double best = 1;
    QSet<QRgb> colours;
    for (int x = 0; x < img.width(); ++x) {
        const QRgb px = img.pixel(x, 15);
        colours.insert(px & 0xffffff);
        const double l = luminance(px);
        best = std::max(best, (std::max(l, lane) + 0.05) / (std::min(l, lane) + 0.05));
    }
    QVERIFY2(best >= 3.0, qPrintable(QString::number(best)));
    // Slides and the light theme keep the designed slate for fork and join.
    if (!dark && (FlowKind(kind) == FlowKind::Fork || FlowKind(kind) == FlowKind::Join))
        QVERIFY(colours.contains(0x3b3f46));
}

void TestTimelinePainter::openSpanReachesNow()
{
    TraceModel m;
    const int lane = m.ensureLane(7, 7);
    m.setState(lane, 0, State::Running);
    m.setState(lane, kSec, State::Sleeping);
    QVERIFY(m.lane(lane).open);
    Canvas c;
    c.paint(m, 2 * kSec);
    c.map = { 0, 2 * kSec, double(c.layout.labelWidth()), 1000 };
    c.image.fill(Qt::white);
    {
        QPainter p(&c.image);
        TimelinePainter(m, c.layout, c.style, c.map, 2 * kSec)
            .paintData(&p, 0, c.layout.height(), c.layout.labelWidth(), c.width);
    }
    const int dy = -c.style.laneHeight / 2 + 3;
    // The open sleeping span is drawn up to now, past the model's last event.
    QVERIFY(c.colours(0, kSec + kSec / 2, 2 * kSec - kSec / 50, dy)
                .contains(TimelineStyle::stateFill(State::Sleeping).rgb()));
}

// A live run's measured GIL waits (not in its model until it ends) are drawn as the model
// would draw them: the columns they cover look as they will once the run ends.
void TestTimelinePainter::liveStretchesDrawnAsTheirState()
{
    TraceModel live;
    const int lane = live.ensureLane(7, 7);
    live.setState(lane, 0, State::Running);
    live.setState(lane, 2 * kSec, State::Sleeping);
    TraceModel after = live;
    after.overlayRunning(lane, { { kSec / 2, kSec } }, State::WaitingGil);
    Canvas done;
    done.paint(after, 3 * kSec);
    Canvas c;
    c.paint(live, 3 * kSec);
    QVERIFY(c.image != done.image);
    {
        QPainter p(&c.image);
        const TimelineOverlay overlay(live, c.layout, c.style, c.map);
        overlay.paintStretches(&p, { { lane, { { kSec / 2, kSec } } } }, State::WaitingGil, 0, c.layout.height(),
            c.layout.labelWidth(), c.width);
    }
    // Every pixel of the lane's row in the columns of the wait, but for a column at each edge.
    const TimelineRow* row = nullptr;
    for (const TimelineRow& r : c.layout.rows()) {
        if (r.kind == TimelineRow::Kind::Lane)
            row = &r;
    }
    QVERIFY(row);
    int compared = 0;
    for (int x = c.at(lane, kSec / 2).x() + 1; x < c.at(lane, kSec).x() - 1; ++x) {
        for (int y = row->y; y < row->bottom(); ++y) {
            QCOMPARE(c.image.pixel(x, y), done.image.pixel(x, y));
            ++compared;
        }
    }
    QVERIFY(compared > 100);
    // Outside them, nothing changed: the running box before the wait is still running's.
    QCOMPARE(c.pixel(lane, kSec / 4), TimelineStyle::stateColor(State::Running).rgb());
}

// A slice's name is written on its box where it fits (an imported trace is otherwise rows of
// identical boxes); a box too narrow for it gets none.
void TestTimelinePainter::namesOnWideBoxes()
{
    TraceModel m;
    const int wide = m.ensureLane(1, 1);
    const int narrow = m.ensureLane(1, 2);
    m.addSpan(wide, { 0, 10 * kSec, State::Running, m.internName(QStringLiteral("ExecuteCompiler")) });
    for (qint64 t = 0; t < 10 * kSec; t += kSec / 200) // 1 px each at 1000 px for 10 s
        m.addSpan(narrow, { t, t + kSec / 400, State::Running, m.internName(QStringLiteral("Tiny")) });
    Canvas c;
    c.paint(m);
    QVERIFY(drawnPixels(c.image) > 0);
    auto darkIn = [&](int lane) {
        int dark = 0;
        const int top = int(c.layout.laneCenter(lane)) - c.style.laneHeight / 2;
        for (int y = top; y < top + c.style.laneHeight; ++y) {
            for (int x = c.at(lane, 0).x(); x < c.at(lane, 10 * kSec).x(); ++x)
                dark += qGray(c.image.pixel(x, y)) < 90;
        }
        return dark;
    };
    QVERIFY2(darkIn(wide) > 20, "the name is written on the wide box");
    QCOMPARE(darkIn(narrow), 0);
}

// A label's words and their shortenings are worked out once and reused for its other
// boxes: each box must read as it would if it were the only one, whatever widths came before.
void TestTimelinePainter::namesShortenedAsOnTheirOwn()
{
    const int unset = -1;
    constexpr qint64 kMs = kSec / 1000;
    std::vector<std::pair<qint64, qint64>> boxes;
    qint64 t = 0;
    for (int k = 0; k < 80; ++k) {
        const qint64 w = (30 + (k * 37) % 170) * kMs; // 1 px per ms: 30 to 199 px, in no order
        boxes.emplace_back(t, t + w);
        t += w + (k % 3 == 0 ? 0 : 5 * kMs);
    }
    const auto paint = [&](int only) {
        TraceModel m;
        const int lane = m.ensureLane(1, 1);
        const qint32 name = m.internName(QStringLiteral("ExecuteCompiler frontend of a long file"));
        for (int k = 0; k < int(boxes.size()); ++k) {
            if (only == unset || only == k)
                m.addSpan(lane, { boxes[size_t(k)].first, boxes[size_t(k)].second, State::Sleeping, name });
        }
        m.noteTime(t);
        TimelineStyle style { QFont() };
        TimelineLayout layout;
        layout.build(m, style);
        const TimeMapping map { 0, t, double(layout.labelWidth()), double(t / kMs) };
        QImage image(layout.labelWidth() + int(t / kMs) + 1, layout.height(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        TimelinePainter(m, layout, style, map).paintData(&p, 0, layout.height(), layout.labelWidth(), image.width());
        return std::pair(image, map);
    };
    const auto [all, map] = paint(unset);
    int named = 0;
    for (int k = 0; k < int(boxes.size()); ++k) {
        const QImage alone = paint(k).first;
        const int x0 = int(std::lround(map.toX(boxes[size_t(k)].first)));
        const int x1 = int(std::lround(map.toX(boxes[size_t(k)].second)));
        const QRect box(x0, 0, x1 - x0, all.height());
        QCOMPARE(all.copy(box), alone.copy(box));
        named += all.copy(box) != paint(k + 1000).first.copy(box);
    }
    QVERIFY2(named > 70, "most boxes carry their (shortened) name");
}

// A run's boxes say what their state is about, in words of the window's language: the detail is
// what the run said, the rest a phrase. A plain running box says nothing.
void TestTimelinePainter::runNamesOnBoxes()
{
    TraceModel m;
    const int lane = m.ensureLane(1, 1);
    m.setState(lane, 0, State::Sleeping, QStringLiteral("1 s"));
    m.setState(lane, 2 * kSec, State::WaitingJoin, QStringLiteral("th1"));
    m.setState(lane, 4 * kSec, State::Computing, QStringLiteral("0..5e7"));
    m.setState(lane, 6 * kSec, State::WaitingInput);
    m.setState(lane, 8 * kSec, State::Running);
    m.setState(lane, 9 * kSec, State::WaitingLock, QStringLiteral("counter"));
    m.closeAll(10 * kSec);
    const std::vector<Span>& spans = m.lane(lane).spans;
    QCOMPARE(SpanLabel::onBox(m, spans[0]), QStringLiteral("sleep 1 s"));
    QCOMPARE(SpanLabel::onBox(m, spans[1]), QStringLiteral("join th1"));
    QCOMPARE(SpanLabel::onBox(m, spans[2]), QStringLiteral("compute 0..5e7"));
    QCOMPARE(SpanLabel::onBox(m, spans[3]), QStringLiteral("waiting: input"));
    QCOMPARE(SpanLabel::onBox(m, spans[4]), QString());
    QCOMPARE(SpanLabel::of(m, spans[4]), QStringLiteral("running"));
    QCOMPARE(SpanLabel::onBox(m, spans[5]), QStringLiteral("lock counter"));

    // Drawn: the sleep's box reads differently with another detail, and only where the
    // words are (its left part); the running box is the same with or without the others.
    TraceModel other;
    const int l2 = other.ensureLane(1, 1);
    other.setState(l2, 0, State::Sleeping, QStringLiteral("7 s"));
    other.setState(l2, 2 * kSec, State::WaitingJoin, QStringLiteral("th1"));
    other.setState(l2, 4 * kSec, State::Computing, QStringLiteral("0..5e7"));
    other.setState(l2, 6 * kSec, State::WaitingInput);
    other.setState(l2, 8 * kSec, State::Running);
    other.setState(l2, 9 * kSec, State::WaitingLock, QStringLiteral("counter"));
    other.closeAll(10 * kSec);
    Canvas a;
    a.paint(m);
    Canvas b;
    b.paint(other);
    QVERIFY(drawnPixels(a.image) > 0);
    QCOMPARE(a.image.size(), b.image.size());
    auto differing = [&](qint64 from, qint64 to) {
        int n = 0;
        const int top = int(a.layout.laneCenter(lane)) - a.style.laneHeight / 2;
        for (int y = top; y < top + a.style.laneHeight; ++y) {
            for (int x = a.at(lane, from).x(); x < a.at(lane, to).x(); ++x)
                n += a.image.pixel(x, y) != b.image.pixel(x, y);
        }
        return n;
    };
    QVERIFY2(differing(0, kSec) > 10, "the sleep's seconds are written on its box");
    QCOMPARE(differing(2 * kSec, 9 * kSec), 0);
    // The tooltip gives the words and the state they are about.
    const TimelinePainter painter(m, a.layout, a.style, a.map);
    const QString tip = painter.describe(painter.hitTest(a.at(lane, kSec, 4)));
    QVERIFY2(tip.contains(QStringLiteral("sleep 1 s")) && tip.contains(QStringLiteral("sleeping")), qPrintable(tip));
}

// In a replay, a lane with nested slices says the innermost one at the playhead, and which
// depth it is at, so its label sits on that band.
void TestTimelinePainter::replayNamesTheInnermostSlice()
{
    TraceModel m;
    const int lane = m.ensureLane(1, 1);
    m.addSpan(lane, { 0, 10 * kSec, State::Running, m.internName(QStringLiteral("ExecuteCompiler")) });
    m.addNestedSpan(lane, 1, { kSec, 3 * kSec, State::Running, m.internName(QStringLiteral("Frontend")) });
    m.addNestedSpan(lane, 2, { kSec, 2 * kSec, State::Running, m.internName(QStringLiteral("Source")) });
    int depth = -1;
    QCOMPARE(TimelineOverlay::stateAt(m, lane, 1500 * kSec / 1000, &depth), QStringLiteral("Source"));
    QCOMPARE(depth, 2);
    QCOMPARE(TimelineOverlay::stateAt(m, lane, 2500 * kSec / 1000, &depth), QStringLiteral("Frontend"));
    QCOMPARE(depth, 1);
    QCOMPARE(TimelineOverlay::stateAt(m, lane, 5 * kSec, &depth), QStringLiteral("ExecuteCompiler"));
    QCOMPARE(depth, 0);

    // Drawn: the pill of a playhead at 1.5 s lies on the deepest band, not across the row.
    Canvas c;
    c.paint(m);
    const TimelineRow* row = nullptr;
    for (const TimelineRow& r : c.layout.rows()) {
        if (r.kind == TimelineRow::Kind::Lane)
            row = &r;
    }
    QVERIFY(row);
    QCOMPARE(row->levels, 3);
    QImage before = c.image.copy();
    QPainter p(&c.image);
    const TimelineOverlay overlay(m, c.layout, c.style, c.map);
    overlay.paintPlayhead(&p, 1500 * kSec / 1000, 0, c.layout.height(), c.layout.labelWidth(), c.width);
    p.end();
    // Right of the line, in the top band, only the dimming changed the picture: one colour
    // over the stretch where the pill would be, had it been put in the middle of the row.
    const int x = c.at(lane, 1500 * kSec / 1000).x() + 8;
    const int band = row->levelHeight();
    QSet<QRgb> topBand;
    for (int dx = 0; dx < 30; ++dx)
        topBand.insert(c.image.pixel(x + dx, row->y + band / 2));
    QSet<QRgb> bottomBand;
    for (int dx = 0; dx < 30; ++dx)
        bottomBand.insert(c.image.pixel(x + dx, row->y + 2 * band + band / 2));
    QVERIFY(bottomBand.size() > topBand.size()); // the pill's words are on the deepest band
    QVERIFY(before != c.image);
}

void TestTimelinePainter::nestedSlicesInBands()
{
    // ExecuteCompiler (10 s) holds Frontend (0.5-3 s) holds Source (1-2 s): three bands on one
    // lane, each slice whole at its depth; a lane without nesting keeps one band.
    TraceModel m;
    const int lane = m.ensureLane(1, 1);
    const int flat = m.ensureLane(1, 2);
    m.addSpan(lane, { 0, 10 * kSec, State::Running, m.internName(QStringLiteral("ExecuteCompiler")) });
    m.addNestedSpan(lane, 1, { kSec / 2, 3 * kSec, State::Running, m.internName(QStringLiteral("Frontend")) });
    m.addNestedSpan(lane, 2, { kSec, 2 * kSec, State::Sleeping, -1 });
    m.addSpan(flat, { 0, 10 * kSec, State::Running });
    Canvas c;
    c.paint(m);
    const int band = c.style.laneHeight;
    const TimelineRow* nestedRow = nullptr;
    const TimelineRow* flatRow = nullptr;
    for (const TimelineRow& row : c.layout.rows()) {
        if (row.kind == TimelineRow::Kind::Lane)
            (row.index == lane ? nestedRow : flatRow) = &row;
    }
    QVERIFY(nestedRow && flatRow);
    QCOMPARE(nestedRow->levels, 3);
    QCOMPARE(nestedRow->height, 3 * band);
    QCOMPARE(flatRow->height, band);
    QCOMPARE(c.layout.laneCenter(lane), nestedRow->y + band / 2.0); // marks and arrows on the top band

    const TimelinePainter painter(m, c.layout, c.style, c.map);
    auto hitAt = [&](qint64 t, int depth) {
        return painter.hitTest(QPoint(c.at(lane, t).x(), nestedRow->y + depth * band + band / 2));
    };
    const TimelineHit top = hitAt(1500 * kSec / 1000, 0);
    QCOMPARE(top.kind, TimelineHit::Kind::Span);
    QCOMPARE(m.nameOf(top.span), QStringLiteral("ExecuteCompiler"));
    QCOMPARE(top.span.end - top.span.start, 10 * kSec); // whole, not cut where Frontend begins
    QCOMPARE(top.depth, 0);
    const TimelineHit mid = hitAt(1500 * kSec / 1000, 1);
    QCOMPARE(m.nameOf(mid.span), QStringLiteral("Frontend"));
    QCOMPARE(mid.depth, 1);
    const TimelineHit deep = hitAt(1500 * kSec / 1000, 2);
    QCOMPARE(deep.span.state, State::Sleeping);
    QCOMPARE(deep.depth, 2);
    QCOMPARE(hitAt(5 * kSec, 2).kind, TimelineHit::Kind::Lane); // nothing that deep at 5 s
    QVERIFY(painter.describe(top).contains(QStringLiteral("ExecuteCompiler")));

    // Drawn: the deepest band holds a box under Source and only background beside it.
    const int y = nestedRow->y + 2 * band + band / 2;
    const QRgb background = c.style.laneBackground().rgb();
    QVERIFY(c.image.pixel(c.at(lane, 1500 * kSec / 1000).x(), y) != background);
    QCOMPARE(c.image.pixel(c.at(lane, 6300 * kSec / 1000).x(), y), background); // off the grid lines
}

void TestTimelinePainter::processAndGlobalMarks()
{
    // A process with a mark of its own and no thread still gets its header, the mark on it; a
    // global mark is a line across the rows.
    TraceModel m;
    const int lane = m.ensureLane(1, 1);
    m.addSpan(lane, { 0, 10 * kSec, State::Sleeping });
    m.addProcessInstant(2, 5 * kSec, InstantKind::Other, {}, 0, m.internName(QStringLiteral("navigationStart")));
    m.addGlobalInstant(2500 * kSec / 1000, InstantKind::Other, {}, 0, m.internName(QStringLiteral("vsync")));
    Canvas c;
    c.paint(m);
    const TimelineRow* header = nullptr;
    for (const TimelineRow& row : c.layout.rows()) {
        if (row.kind == TimelineRow::Kind::Process && m.processes()[size_t(row.index)].pid == 2)
            header = &row;
    }
    QVERIFY(header);
    const int y = header->y + header->height / 2;
    const QRgb headerColour = c.image.pixel(c.at(lane, 8 * kSec).x(), y);
    QVERIFY(c.image.pixel(c.at(lane, 5 * kSec).x(), y) != headerColour);
    // Sleeping is a pattern: compare with the same row a little away from the line.
    const int x = c.at(lane, 2500 * kSec / 1000).x();
    int differs = 0;
    const int top = int(c.layout.laneCenter(lane)) - c.style.laneHeight / 2;
    for (int yy = top; yy < top + c.style.laneHeight; ++yy)
        differs += c.image.pixel(x, yy) != c.image.pixel(x + 20, yy);
    QVERIFY2(differs > c.style.laneHeight / 4, "the global mark's line crosses the lane");

    // Both are there to click: the process's mark on its header, the global one on its line.
    const TimelinePainter painter(m, c.layout, c.style, c.map);
    const TimelineHit onHeader = painter.hitTest(QPoint(c.at(lane, 5 * kSec).x(), y));
    QCOMPARE(onHeader.kind, TimelineHit::Kind::Instant);
    QCOMPARE(onHeader.lane, -1);
    QCOMPARE(m.processes()[size_t(onHeader.process)].pid, qint64(2));
    QVERIFY(!onHeader.global);
    QCOMPARE(m.nameOf(onHeader.instant), QStringLiteral("navigationStart"));
    QVERIFY(painter.describe(onHeader).contains(QStringLiteral("navigationStart")));
    QVERIFY(painter.describe(onHeader).contains(QStringLiteral("whole process")));
    const TimelineHit onLine = painter.hitTest(QPoint(x + 1, int(c.layout.laneCenter(lane)) + 3));
    QCOMPARE(onLine.kind, TimelineHit::Kind::Instant);
    QVERIFY(onLine.global);
    QCOMPARE(onLine.lane, -1);
    QCOMPARE(m.nameOf(onLine.instant), QStringLiteral("vsync"));
    QVERIFY(painter.describe(onLine).contains(QStringLiteral("whole trace")));
    // Away from both: the sleeping box and the header as before.
    QCOMPARE(painter.hitTest(QPoint(x + 20, int(c.layout.laneCenter(lane)))).kind, TimelineHit::Kind::Span);
    QCOMPARE(painter.hitTest(QPoint(c.at(lane, 8 * kSec).x(), y)).kind, TimelineHit::Kind::Process);
}

void TestTimelinePainter::searchFindsNamesAtEveryDepth()
{
    TraceModel m;
    const int lane = m.ensureLane(1, 1);
    m.addSpan(lane, { 0, 10 * kSec, State::Running, m.internName(QStringLiteral("ExecuteCompiler")) });
    m.addNestedSpan(lane, 1, { kSec, 2 * kSec, State::Running, m.internName(QStringLiteral("Frontend")) });
    m.addNestedSpan(lane, 1, { 3 * kSec, 4 * kSec, State::Sleeping, -1 });
    m.addInstant(lane, 5 * kSec, InstantKind::Other, {}, 0, m.internName(QStringLiteral("compile done")));
    const std::vector<TimelineHit> hits = TraceSearch::find(m, QStringLiteral("COMPIL"));
    QCOMPARE(hits.size(), size_t(2));
    QCOMPARE(hits[0].kind, TimelineHit::Kind::Span);
    QCOMPARE(m.nameOf(hits[0].span), QStringLiteral("ExecuteCompiler"));
    QCOMPARE(hits[1].kind, TimelineHit::Kind::Instant);
    const std::vector<TimelineHit> front = TraceSearch::find(m, QStringLiteral("front"));
    QCOMPARE(front.size(), size_t(1));
    QCOMPARE(front[0].depth, 1);
    // A state's own name is found too, at its depth.
    const std::vector<TimelineHit> sleeping = TraceSearch::find(m, QStringLiteral("sleeping"));
    QCOMPARE(sleeping.size(), size_t(1));
    QCOMPARE(sleeping[0].span.start, 3 * kSec);
    QVERIFY(TraceSearch::find(m, QString()).empty());
}

// What a run's box says ("sleep 1 s", "join th1", "compute 0..5e7") is found as it reads, and
// so is its detail alone; a detail is not found on a state that does not carry it.
void TestTimelinePainter::searchFindsWordsOnBoxes()
{
    TraceModel m;
    const int lane = m.ensureLane(1, 1);
    m.setState(lane, 0, State::Running);
    m.setState(lane, kSec, State::Sleeping, QStringLiteral("1 s"));
    m.setState(lane, 2 * kSec, State::WaitingJoin, QStringLiteral("th1"));
    m.setState(lane, 3 * kSec, State::Computing, QStringLiteral("0..5e7"));
    m.setState(lane, 4 * kSec, State::Sleeping, QStringLiteral("0.5 s"));
    m.setState(lane, 5 * kSec, State::WaitingGil);
    m.setState(lane, 6 * kSec, State::Running);
    m.addInstant(lane, 7 * kSec, InstantKind::End);
    const auto startsOf = [&](const QString& text) {
        QList<qint64> starts;
        for (const TimelineHit& hit : TraceSearch::find(m, text))
            starts.append(hit.span.start);
        return starts;
    };
    QCOMPARE(startsOf(QStringLiteral("SLEEP 1 S")), QList<qint64> { kSec });
    QCOMPARE(startsOf(QStringLiteral("join th1")), QList<qint64> { 2 * kSec });
    QCOMPARE(startsOf(QStringLiteral("th1")), QList<qint64> { 2 * kSec });
    QCOMPARE(startsOf(QStringLiteral("compute 0..5e7")), QList<qint64> { 3 * kSec });
    QCOMPARE(startsOf(QStringLiteral("sleep")), (QList<qint64> { kSec, 4 * kSec }));
    // A state without a detail reads as its label on the box and in the legend.
    QCOMPARE(startsOf(QStringLiteral("waiting: GIL")), QList<qint64> { 5 * kSec });
    QCOMPARE(startsOf(QStringLiteral("running")), (QList<qint64> { 0, 6 * kSec }));
    QVERIFY(startsOf(QStringLiteral("join 0..5e7")).isEmpty());
}

void TestTimelinePainter::manySpansPerPixel()
{
    // 200000 alternating 1 µs spans on 1000 px: merged per column, still painted.
    TraceModel m;
    const int lane = m.ensureLane(1, 1);
    for (int i = 0; i < 200000; ++i)
        m.addSpan(lane, { qint64(i) * 1000, qint64(i + 1) * 1000, i % 3 ? State::Running : State::Sleeping });
    Canvas c;
    c.paint(m);
    const int dy = -c.style.laneHeight / 2 + 3;
    // Two thirds of every column runs: the dominant state wins the column.
    const QSet<QRgb> seen = c.colours(0, 1000000, 100000000, dy);
    QCOMPARE(seen, QSet<QRgb> { TimelineStyle::stateColor(State::Running).rgb() });
}

void TestTimelinePainter::narrowBoxesDrawnAsOneImage_data()
{
    QTest::addColumn<int>("scale");
    QTest::newRow("screen") << 1;
    QTest::newRow("2x picture") << 2;
}

void TestTimelinePainter::narrowBoxesDrawnAsOneImage()
{
    // Zoomed out, the narrow boxes of a lane are copied into one image instead of filled one
    // by one. A QPicture takes the box-by-box way (it records, it has no pixels): played back,
    // it must give the same pixels as the direct paint.
    QFETCH(int, scale);
    TraceModel m;
    m.ensureProcess(1);
    quint32 seed = 7;
    for (int i = 0; i < 6; ++i) {
        const int lane = m.ensureLane(1, 1 + i);
        qint64 t = 0;
        for (int k = 0; k < 3000; ++k) {
            seed = seed * 1664525u + 1013904223u;
            // Mostly sub-pixel spans, now and then one a few pixels wide.
            const qint64 length = (seed >> 8) % 16 == 0 ? 40 * 1000000 : qint64((seed >> 12) % 4000000) + 1;
            m.addSpan(lane, { t, t + length, State((seed >> 20) % quint32(State::Count)) });
            t += length;
        }
        m.noteTime(t);
    }
    const TimelineStyle style { QFont() };
    TimelineLayout layout;
    layout.build(m, style);
    const int width = layout.labelWidth() + 900;
    const TimeMapping map { 0, m.endTime(), double(layout.labelWidth()), 900 };
    const TimelinePainter painter(m, layout, style, map);
    const auto blank = [&] {
        QImage image(QSize(width, layout.height()) * scale, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(scale);
        image.fill(Qt::white);
        return image;
    };
    QImage direct = blank();
    {
        QPainter p(&direct);
        painter.paintData(&p, 0, layout.height(), layout.labelWidth(), width);
    }
    QPicture recorded;
    {
        QPainter p(&recorded);
        painter.paintData(&p, 0, layout.height(), layout.labelWidth(), width);
    }
    QImage replayed = blank();
    {
        QPainter p(&replayed);
        recorded.play(&p);
    }
    // Six busy lanes fill most of the data area.
    QVERIFY(drawnPixels(direct) > direct.width() * direct.height() / 4);
    QVERIFY(drawnPixels(replayed) > direct.width() * direct.height() / 4);
    int differ = 0;
    for (int y = 0; y < direct.height(); ++y) {
        for (int x = 0; x < direct.width(); ++x)
            differ += direct.pixel(x, y) != replayed.pixel(x, y);
    }
    if (scale == 1) {
        QCOMPARE(differ, 0);
    } else {
        // At 2x a hatch line of a wide box drawn on its own bleeds one device pixel past its
        // edge, onto the box beside it; the strip keeps every box to its own columns
        // (tst_boxstrip checks each box's own pixels exactly).
        QVERIFY2(differ < direct.width() * direct.height() / 250, qPrintable(QString::number(differ)));
    }
}

void TestTimelinePainter::marksDrawnFromImages_data()
{
    narrowBoxesDrawnAsOneImage_data();
}

void TestTimelinePainter::marksDrawnFromImages()
{
    // Marks are copied from an image of each kind rather than filled path by path: played
    // back mark by mark (QPicture), the picture may differ only by rounding at the marks'
    // antialiased rims.
    QFETCH(int, scale);
    // Every kind of mark, on plain running boxes (hatching has rounding of its own at 2x).
    TraceModel m;
    m.ensureProcess(1);
    for (int i = 0; i < 2; ++i) {
        const int lane = m.ensureLane(1, 1 + i);
        m.setState(lane, 0, State::Running);
        for (int k = 0; k < int(InstantKind::Count); ++k) {
            if (!isTerminal(InstantKind(k)))
                m.addInstant(lane, (k * 37 + i * 13) * kSec / 1000, InstantKind(k), QStringLiteral("mark"));
        }
        m.closeAll(kSec);
    }
    const TimelineStyle style { QFont() };
    TimelineLayout layout;
    layout.build(m, style);
    const int width = layout.labelWidth() + 700;
    const TimeMapping map { 0, m.endTime(), double(layout.labelWidth()), 680 };
    const TimelinePainter painter(m, layout, style, map);
    const auto blank = [&] {
        QImage image(QSize(width, layout.height()) * scale, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(scale);
        image.fill(Qt::white);
        return image;
    };
    QImage direct = blank();
    QPicture recorded;
    for (QPaintDevice* device : { static_cast<QPaintDevice*>(&direct), static_cast<QPaintDevice*>(&recorded) }) {
        QPainter p(device);
        painter.paintData(&p, 0, layout.height(), layout.labelWidth(), width);
    }
    QImage replayed = blank();
    {
        QPainter p(&replayed);
        recorded.play(&p);
    }
    // Two lanes of running boxes under their marks.
    QVERIFY(drawnPixels(direct) > direct.width() * direct.height() / 8);
    QVERIFY(drawnPixels(replayed) > direct.width() * direct.height() / 8);
    int worst = 0;
    for (int y = 0; y < direct.height(); ++y) {
        for (int x = 0; x < direct.width(); ++x) {
            const QRgb a = direct.pixel(x, y), b = replayed.pixel(x, y);
            worst = std::max(
                { worst, std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b)) });
        }
    }
    QVERIFY2(worst <= 3, qPrintable(QString::number(worst)));
}

void TestTimelinePainter::layoutGroupsByProcess()
{
    TraceModel m = buyerModel();
    ProcessInfo& child = m.ensureProcess(200);
    child.ppid = 100;
    child.name = QStringLiteral("child");
    const int childLane = m.ensureLane(200, 200);
    m.setState(childLane, kSec, State::Running);
    TimelineStyle style { QFont() };
    TimelineLayout layout;
    layout.build(m, style);
    QCOMPARE(int(layout.rows().size()), 5); // 2 headers, 3 lanes
    QCOMPARE(layout.rows()[0].kind, TimelineRow::Kind::Process);
    QCOMPARE(layout.rows()[3].kind, TimelineRow::Kind::Process);
    QVERIFY(layout.laneCenter(childLane) > layout.laneCenter(1));
    QCOMPARE(TimelineLayout::processTitle(m.processes()[0]), QStringLiteral("PID 100 · painter-test · parent 99"));
    QCOMPARE(TimelineLayout::laneTitle(m.lane(1)), QStringLiteral("매수"));
    QCOMPARE(TimelineLayout::laneSubtitle(m.lane(1)), QStringLiteral("buyer"));

    layout.build(m, style, { 100 });
    QCOMPARE(int(layout.rows().size()), 3); // folded: header only, then the child group
    QVERIFY(!layout.laneVisible(1));
    QCOMPARE(layout.laneCenter(1), layout.rows()[0].y + style.headerHeight / 2.0);
}

void TestTimelinePainter::hitTest()
{
    const TraceModel m = buyerModel();
    Canvas c;
    c.paint(m);
    const TimelinePainter painter(m, c.layout, c.style, c.map);

    TimelineHit hit = painter.hitTest(c.at(1, kSec + kSec / 4, -c.style.laneHeight / 2 + 2));
    QCOMPARE(hit.kind, TimelineHit::Kind::Span);
    QCOMPARE(hit.lane, 1);
    QCOMPARE(hit.span.state, State::Sleeping);
    QCOMPARE(hit.span.start, kSec);
    QCOMPARE(hit.span.end, 2 * kSec);

    hit = painter.hitTest(c.at(1, kSec + kSec / 2));
    QCOMPARE(hit.kind, TimelineHit::Kind::Instant);
    QCOMPARE(hit.instant.kind, InstantKind::Print);
    QCOMPARE(m.texts().at(hit.instant.text), QStringLiteral("[매수] 데이터 요청 중..."));

    hit = painter.hitTest(c.at(0, kSec / 2));
    QCOMPARE(hit.kind, TimelineHit::Kind::Span);
    QCOMPARE(hit.span.state, State::Running);
    QCOMPARE(hit.lane, 0);

    hit = painter.hitTest(QPoint(5, c.at(1, 0).y()));
    QCOMPARE(hit.kind, TimelineHit::Kind::Lane);
    QCOMPARE(hit.lane, 1);

    hit = painter.hitTest(QPoint(c.layout.labelWidth() + 50, c.layout.rows()[0].y + 2));
    QCOMPARE(hit.kind, TimelineHit::Kind::Process);

    // The gap between lanes belongs to no row.
    hit = painter.hitTest(QPoint(c.layout.labelWidth() + 50, c.layout.rows()[1].y - 1));
    QCOMPARE(hit.kind, TimelineHit::Kind::None);
}

void TestTimelinePainter::counterRows()
{
    TraceModel m = buyerModel();
    m.addCounter(100, QStringLiteral("memory"), QStringLiteral("MiB"), 0, 10);
    m.addCounter(100, QStringLiteral("memory"), QStringLiteral("MiB"), 2 * kSec, 266);
    Canvas c;
    c.paint(m);
    // The process's memory gets a row under its threads.
    const TimelineRow& last = c.layout.rows().back();
    QCOMPARE(last.kind, TimelineRow::Kind::Counter);
    QCOMPARE(last.index, 0);
    const TimelinePainter painter(m, c.layout, c.style, c.map);
    const int x = int(std::lround(c.map.toX(2 * kSec + kSec / 2)));
    TimelineHit hit = painter.hitTest(QPoint(x, last.y + last.height / 2));
    QCOMPARE(hit.kind, TimelineHit::Kind::Counter);
    QCOMPARE(hit.value, 266.0);
    const QString text = painter.describe(hit);
    QVERIFY2(text.contains(QStringLiteral("memory")) && text.contains(QStringLiteral("266 MiB")), qPrintable(text));
    hit = painter.hitTest(QPoint(int(std::lround(c.map.toX(kSec))), last.y + last.height / 2));
    QCOMPARE(hit.value, 10.0);
    // The area is drawn: the higher value reaches further up the row than the lower one.
    auto topOfArea = [&](qint64 t) {
        const int px = int(std::lround(c.map.toX(t)));
        for (int y = last.y; y < last.bottom(); ++y) {
            if (c.image.pixel(px, y) != c.style.laneBackground().rgb())
                return y;
        }
        return last.bottom();
    };
    QVERIFY(topOfArea(2 * kSec + kSec * 3 / 10) < topOfArea(kSec + kSec * 3 / 10) - last.height / 2);
}

void TestTimelinePainter::describe()
{
    const TraceModel m = buyerModel();
    Canvas c;
    c.paint(m);
    const TimelinePainter painter(m, c.layout, c.style, c.map);
    const QString span = painter.describe(painter.hitTest(c.at(1, kSec + kSec / 4, -c.style.laneHeight / 2 + 2)));
    QVERIFY2(span.contains(QStringLiteral("sleeping")), qPrintable(span));
    QVERIFY2(span.contains(QStringLiteral("1.000 s")), qPrintable(span)); // start and duration
    QVERIFY2(span.contains(QStringLiteral("매수")) && span.contains(QStringLiteral("buyer")), qPrintable(span));
    QVERIFY2(span.contains(QStringLiteral("PID 100")) && span.contains(QStringLiteral("TID 101")), qPrintable(span));
    const QString print = painter.describe(painter.hitTest(c.at(1, kSec + kSec / 2)));
    QVERIFY2(print.contains(QStringLiteral("[매수] 데이터 요청 중...")), qPrintable(print));
}

void TestTimelinePainter::describeEndingsInPythonsWords_data()
{
    QTest::addColumn<int>("kind"); // an InstantKind
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("words");
    // Python's repr says exitcode=-SIGTERM: the signal by its name, never "code 15".
    QTest::newRow("terminated") << int(InstantKind::Terminated) << 15 << QStringLiteral("SIGTERM (exitcode -15)");
    QTest::newRow("killed") << int(InstantKind::Killed) << 9 << QStringLiteral("SIGKILL (exitcode -9)");
    QTest::newRow("crashed") << int(InstantKind::Crashed) << 11 << QStringLiteral("SIGSEGV (exitcode -11)");
    QTest::newRow("failed") << int(InstantKind::Failed) << 1 << QStringLiteral("exitcode 1");
    QTest::newRow("end") << int(InstantKind::End) << 3 << QStringLiteral("exitcode 3");
    QTest::newRow("terminate() sent") << int(InstantKind::Signal) << 15 << QStringLiteral("SIGTERM");
}

void TestTimelinePainter::describeEndingsInPythonsWords()
{
    QFETCH(int, kind);
    QFETCH(int, code);
    QFETCH(QString, words);
    const TraceModel m = buyerModel();
    Canvas c;
    c.paint(m);
    const TimelinePainter painter(m, c.layout, c.style, c.map);
    TimelineHit hit;
    hit.kind = TimelineHit::Kind::Instant;
    hit.lane = 1;
    hit.instant.t = 3 * kSec;
    hit.instant.kind = InstantKind(kind);
    hit.instant.code = code;
    const QString text = painter.describe(hit);
    QVERIFY2(text.contains(words), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("code %1").arg(code)) || words.contains(QStringLiteral("code %1").arg(code)),
        qPrintable(text));
}

void TestTimelinePainter::exportPng_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<double>("scale");
    QTest::addColumn<bool>("presentation");
    QTest::newRow("800 at 1x") << 800 << 1.0 << false;
    QTest::newRow("800 at 2x") << 800 << 2.0 << false;
    QTest::newRow("1200 at 2x, presentation") << 1200 << 2.0 << true;
}

void TestTimelinePainter::exportPng()
{
    QFETCH(int, width);
    QFETCH(double, scale);
    QFETCH(bool, presentation);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("timeline.png"));
    QString error;
    QVERIFY2(exportTimeline(buyerModel(), path, { width, scale, presentation }, &error), qPrintable(error));
    QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), qRound(width * scale));
    QVERIFY(image.height() > 100 * scale);
    // The lanes are in the picture: the running colour appears.
    bool found = false;
    const QRgb running = TimelineStyle::stateColor(State::Running).rgb();
    for (int y = 0; y < image.height() && !found; ++y) {
        for (int x = 0; x < image.width() && !found; ++x)
            found = (image.pixel(x, y) & 0xffffff) == (running & 0xffffff);
    }
    QVERIFY(found);
}

void TestTimelinePainter::exportSvg()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("timeline.svg"));
    QString error;
    QVERIFY2(exportTimeline(buyerModel(), path, { 900, 2.0, false }, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(f.readAll());
    QVERIFY(svg.startsWith(QLatin1String("<?xml")) || svg.contains(QLatin1String("<svg")));
    QVERIFY(svg.contains(QLatin1String("Painter test"))); // the title
    for (const State s : { State::Running, State::Sleeping, State::WaitingJoin })
        QVERIFY2(svg.contains(TimelineStyle::stateLabel(s)), qPrintable(TimelineStyle::stateLabel(s)));
    QVERIFY(svg.contains(TimelineStyle::instantLabel(InstantKind::Fork)));
    QVERIFY(svg.contains(QStringLiteral("매수"))); // Korean lane names survive as text
    QVERIFY(svg.contains(QLatin1String("tid 101")));
}

void TestTimelinePainter::exportRejectsUnknownExtension()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!exportTimeline(buyerModel(), dir.filePath(QStringLiteral("x.bmpx")), {}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!exportTimeline(buyerModel(), QStringLiteral("/nonexistent-dir/x.png"), {}, &error));
    QVERIFY(error.contains(QLatin1String("/nonexistent-dir/x.png")));
}

void TestTimelinePainter::initTestCase()
{
    // The drawing links forkline_timeline only: no Widgets, so a QGuiApplication runs it, as
    // it does `forkline render`.
    QVERIFY(qobject_cast<QGuiApplication*>(QCoreApplication::instance()));
    QVERIFY(!QCoreApplication::instance()->inherits("QApplication"));
}

QTEST_MAIN(TestTimelinePainter)
#include "tst_timelinepainter.moc"
