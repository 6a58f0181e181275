// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline painter on a million spans against the floor of any exact painter: one
// rectangle per lane per pixel column, painted into the same image. The image is what the
// view shows of such a trace on a 1920x1080 screen: every lane at the screen's lane height,
// so the rows that fit (about 40 of the 1000) with all of their spans, fit to the whole run
// or zoomed to 1% of it; the floor fills exactly those rows.
#include "benchutil.h"

#include "timelinelayout.h"
#include "timelinepainter.h"
#include "timelinestyle.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <random>

using namespace ForklineBench;
using namespace Forkline;

namespace {

constexpr int kLanes = 1000;
constexpr int kSpansPerLane = 1000;
constexpr QSize kImageSize(1920, 1080);
constexpr int kRounds = 9;
constexpr qint64 kIdleUntil = 20000000000;

// Threads of one process, each a run of back-to-back spans of random length (1 to 19 ms)
// and random state: no two neighbours merge by luck. Each says what it is about (a run's
// detail, written on the box where it fits), and every fourth lane has a slice nested in each
// of its spans, a band of its own, as a foreign trace's: names and nesting are both drawn.
// `idleMiddle`: halfway through, every lane sleeps until 20 s, an idle gap of some 15 s that
// compact time draws short.
TraceModel syntheticModel(bool idleMiddle = false)
{
    TraceModel m;
    std::mt19937 rng(42);
    std::uniform_int_distribution<qint64> length(1000000, 19000000);
    std::uniform_int_distribution<int> state(0, int(State::Count) - 1);
    std::vector<qint32> details;
    for (const char* d : { "1 s", "th1", "0..5e7", "counter", "q", "buyer", "0.5 s", "done" })
        details.push_back(Span::detailRef(m.internName(QString::fromLatin1(d))));
    const qint32 inner = m.internName(QStringLiteral("ExecuteCompiler"));
    m.ensureProcess(1).name = QStringLiteral("synthetic");
    for (int i = 0; i < kLanes; ++i) {
        const int lane = m.ensureLane(1, 1 + i);
        m.lane(lane).name = QStringLiteral("t%1").arg(i);
        qint64 t = 0;
        int previous = -1;
        for (int s = 0; s < kSpansPerLane; ++s) {
            int st = state(rng);
            if (st == previous)
                st = (st + 1) % int(State::Count);
            previous = st;
            if (idleMiddle && s == kSpansPerLane / 2) {
                m.addSpan(lane, { t, kIdleUntil, State::Sleeping });
                t = kIdleUntil;
                previous = int(State::Sleeping);
                continue;
            }
            const qint64 end = t + length(rng);
            m.addSpan(lane, { t, end, State(st), details[size_t(s) % details.size()] });
            if (i % 4 == 0)
                m.addNestedSpan(lane, 1, { t + (end - t) / 3, end - (end - t) / 3, State::Running, inner });
            t = end;
        }
        m.noteTime(t);
    }
    return m;
}

struct Scene
{
    const TraceModel& model;
    TimelineStyle style { QGuiApplication::font() };
    TimelineLayout layout;
    QImage image { kImageSize, QImage::Format_ARGB32_Premultiplied };

    explicit Scene(const TraceModel& m)
        : model(m)
    {
        layout.build(model, style);
    }

    int lanesInImage() const
    {
        return int(std::count_if(layout.rows().begin(), layout.rows().end(),
            [](const TimelineRow& row) { return row.kind == TimelineRow::Kind::Lane && row.y < kImageSize.height(); }));
    }

    TimeMapping fitAll() const
    {
        return { model.startTime(), model.endTime(), double(layout.labelWidth()),
            double(kImageSize.width() - layout.labelWidth()) };
    }

    double paintMs(const TimeMapping& map)
    {
        image.fill(Qt::white);
        QElapsedTimer clock;
        clock.start();
        QPainter p(&image);
        const TimelinePainter painter(model, layout, style, map);
        painter.paintData(&p, 0, kImageSize.height(), layout.labelWidth(), kImageSize.width());
        p.end();
        return double(clock.nsecsElapsed()) / 1e6;
    }

    // The floor: no span is looked at, every visible lane gets one box per column.
    double floorMs()
    {
        const QColor colors[] = { TimelineStyle::stateFill(State::Running), TimelineStyle::stateFill(State::Sleeping),
            TimelineStyle::stateFill(State::WaitingJoin) };
        image.fill(Qt::white);
        QElapsedTimer clock;
        clock.start();
        QPainter p(&image);
        for (const TimelineRow& row : layout.rows()) {
            if (row.kind != TimelineRow::Kind::Lane || row.y >= kImageSize.height())
                continue;
            for (int x = layout.labelWidth(); x < kImageSize.width(); ++x)
                p.fillRect(QRect(x, row.y, 1, row.height), colors[(x + row.y) % 3]);
        }
        p.end();
        return double(clock.nsecsElapsed()) / 1e6;
    }
};

Result measure(const QString& name, Scene& scene, const TimeMapping& map)
{
    // Alternate, so that load from elsewhere hits both alike; the first round warms caches
    // (the glyphs', and TextFit's of the labels' widths, as a view's repaints find them) and
    // is reported on its own as `first`.
    std::vector<double> ours;
    std::vector<double> floor;
    double first = 0;
    for (int round = 0; round <= kRounds; ++round) {
        const double a = scene.paintMs(map);
        const double b = scene.floorMs();
        if (round == 0) {
            first = a;
            continue;
        }
        ours.push_back(a);
        floor.push_back(b);
    }
    Result r;
    r.bench = name;
    r.unit = QStringLiteral("ms");
    r.value = median(ours);
    r.baseline = median(floor);
    r.extra
        = { { QStringLiteral("min"), *std::min_element(ours.begin(), ours.end()) }, { QStringLiteral("first"), first },
              { QStringLiteral("baseline_min"), *std::min_element(floor.begin(), floor.end()) },
              { QStringLiteral("spans"), double(scene.model.spanCount()) },
              { QStringLiteral("lanes_in_image"), double(scene.lanesInImage()) } };
    return r;
}

std::vector<Result> paintFit()
{
    const TraceModel model = syntheticModel();
    Scene scene(model);
    return { measure(QStringLiteral("paint_fit_1m_ms"), scene, scene.fitAll()) };
}

std::vector<Result> paintZoom()
{
    const TraceModel model = syntheticModel();
    Scene scene(model);
    // 1% of the run, from the middle: every lane still has spans on screen.
    TimeMapping map = scene.fitAll();
    const qint64 span = (map.t1 - map.t0) / 100;
    map.t0 += (map.t1 - map.t0) / 2;
    map.t1 = map.t0 + span;
    return { measure(QStringLiteral("paint_zoom_1m_ms"), scene, map) };
}

// Compact time on a million spans with a 15 s idle gap in the middle (on a trace without one
// it is the plain paint: there is nothing to shorten).
std::vector<Result> paintFitCompact()
{
    const TraceModel model = syntheticModel(true);
    Scene scene(model);
    TimeMapping map = scene.fitAll();
    map.compact = std::make_shared<const CompactTime>(CompactTime::ofTrace(model, map.t0, map.t1));
    Result r = measure(QStringLiteral("paint_fit_1m_compact_ms"), scene, map);
    r.extra.push_back({ QStringLiteral("breaks"), double(map.compact->gaps().size()) });
    return { r };
}

const Registrar fit(QStringLiteral("paint_fit_1m_ms"), paintFit);
const Registrar fitCompact(QStringLiteral("paint_fit_1m_compact_ms"), paintFitCompact);
const Registrar zoom(QStringLiteral("paint_zoom_1m_ms"), paintZoom);

} // namespace
