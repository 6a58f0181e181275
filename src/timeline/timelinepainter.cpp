// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinepainter.h"

#include "boxstrip.h"
#include "breakmarks.h"
#include "counterpainter.h"
#include "lanesummary.h"
#include "lanetotals.h"
#include "markstamps.h"
#include "timearithmetic.h"
#include "timeaxis.h"
#include "timelinelayout.h"
#include "timelinestyle.h"
#include "timepiece.h"
#include "tracecallouts.h"

#include <QPainter>
#include <QtMath>
#include <algorithm>
#include <array>
#include <climits>

namespace Forkline {

namespace {

// Spans in one pixel column beyond which the column is sampled rather than summed.
constexpr size_t kDenseColumn = 16;
// Lock and message arrows closer together than this many mark widths are thinned out.
constexpr double kFlowSlotMarks = 1.5;

// Turns a lane's spans into at most one box per pixel column. A column that spans only
// partly cover takes the state that fills most of it; columns a span covers whole are one
// box; neighbouring boxes of one state merge.
class BoxMerger
{
public:
    BoxMerger(QPainter* p, const TimelineStyle& style, BoxStrip* strip, int y, int h, int left, int right)
        : m_p(p)
        , m_style(style)
        , m_strip(strip)
        , m_y(y)
        , m_h(h)
        , m_left(left)
        , m_right(right)
    { }

    // `scale` counts a sampled span for the ones it stands for.
    void add(double x0, double x1, State s, double scale = 1)
    {
        x0 = std::max(x0, double(m_left));
        x1 = std::min(x1, double(m_right));
        if (x1 < x0)
            return;
        const qint64 c0 = qint64(std::floor(x0));
        const qint64 c1 = qint64(std::floor(x1));
        if (c0 == c1) {
            weigh(c0, (x1 - x0) * scale, s);
            return;
        }
        weigh(c0, (double(c0 + 1) - x0) * scale, s);
        if (c1 > c0 + 1) {
            flushPending();
            emitBox(int(c0 + 1), int(c1), s);
        }
        if (x1 > double(c1))
            weigh(c1, (x1 - double(c1)) * scale, s);
    }

    void finish()
    {
        flushPending();
        if (m_box.width() > 0)
            draw(m_box, m_boxState);
        m_box = {};
        if (m_strip)
            m_strip->flush();
    }

private:
    void weigh(qint64 column, double amount, State s)
    {
        if (column >= m_right)
            return;
        if (m_pending && m_pendingCol != column)
            flushPending();
        if (!m_pending) {
            m_pending = true;
            m_pendingCol = column;
            m_weights.fill(0);
        }
        // Even an instantaneous span counts, so a lone short burst stays visible.
        m_weights[size_t(s)] += std::max(amount, 1e-6);
    }

    void flushPending()
    {
        if (!m_pending)
            return;
        m_pending = false;
        State best = State(std::max_element(m_weights.begin(), m_weights.end()) - m_weights.begin());
        // A short burst of work between long sleeps or waits is the point of most lessons
        // ("while one sleeps the other runs"), so it keeps its column. Contention states
        // (GIL, lock) alternate with work too fast for that and stay by coverage.
        const bool longIdle = best == State::Sleeping || best == State::WaitingJoin || best == State::WaitingInput
            || best == State::WaitingQueue;
        const double running = m_weights[size_t(State::Running)];
        const double computing = m_weights[size_t(State::Computing)];
        if (longIdle && (running > 0 || computing > 0))
            best = running >= computing ? State::Running : State::Computing;
        emitBox(int(m_pendingCol), int(m_pendingCol + 1), best);
    }

    void emitBox(int x0, int x1, State s)
    {
        if (m_box.width() > 0 && m_boxState == s && m_box.left() + m_box.width() == x0) {
            m_box.setWidth(x1 - m_box.left());
            return;
        }
        if (m_box.width() > 0)
            draw(m_box, m_boxState);
        m_box = QRect(x0, m_y, x1 - x0, m_h);
        m_boxState = s;
    }

    void draw(const QRect& r, State s)
    {
        if (m_strip && m_strip->isActive())
            m_strip->add(r.left(), r.left() + r.width(), s, r.top(), r.height());
        else
            m_style.drawStateBox(m_p, r, s);
    }

    QPainter* m_p = nullptr;
    const TimelineStyle& m_style;
    BoxStrip* m_strip = nullptr;
    int m_y = 0;
    int m_h = 0;
    int m_left = 0;
    int m_right = 0;
    bool m_pending = false;
    qint64 m_pendingCol = 0;
    std::array<double, size_t(State::Count)> m_weights {};
    QRect m_box;
    State m_boxState = State::Running;
};

} // namespace

TimelinePainter::TimelinePainter(const TraceModel& model, const TimelineLayout& layout, const TimelineStyle& style,
    const TimeMapping& map, qint64 now, const LaneSummary* summary)
    : m_model(model)
    , m_layout(layout)
    , m_style(style)
    , m_map(map)
    , m_now(now >= 0 ? std::max(now, model.endTime()) : model.endTime())
    , m_summary(summary)
{ }

void TimelinePainter::paintData(QPainter* p, int yFrom, int yTo, int dataLeft, int right) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing, false);
    const auto& rows = m_layout.rows();
    const int first = m_layout.firstRowBelow(yFrom);
    for (int i = first; i < int(rows.size()) && rows[size_t(i)].y < yTo; ++i) {
        const TimelineRow& row = rows[size_t(i)];
        const QRect band(dataLeft, row.y, right - dataLeft, row.height);
        if (row.kind == TimelineRow::Kind::Process) {
            p->fillRect(band, m_style.headerBackground());
            const ProcessInfo& proc = m_model.processes()[size_t(row.index)];
            if (!proc.lanes.empty() && !m_layout.laneVisible(proc.lanes.front()))
                paintCollapsed(p, proc, row.y, row.height, dataLeft, right);
        } else {
            p->fillRect(band, m_style.laneBackground());
        }
    }

    // Grid at the axis' major ticks, under the boxes, so times can be read across lanes.
    const QFontMetrics fm(m_style.smallFont);
    p->setPen(QPen(m_style.gridColor(), 1));
    for (const TimeAxis::Tick& tick : TimeAxis::ticksForStep(m_map, TimeAxis::labelStep(m_map, fm, m_style.padding))) {
        const int x = int(std::lround(m_map.toX(tick.t)));
        if (tick.major && x >= dataLeft && x <= right)
            p->drawLine(x, yFrom, x, yTo);
    }

    const int spanLeft = std::max(dataLeft, int(std::floor(m_map.x0)));
    // One piece unless time is compact; then each kept stretch and each break on its own.
    const std::vector<TimePiece> pieces = TimePiece::split(m_map, spanLeft, right);
    BoxStrip strip(p, m_style, spanLeft, right);
    // Each lane's totals, found once: drawn over its boxes once they are all there.
    std::vector<std::pair<QRect, QString>> totalsChips;
    for (int i = first; i < int(rows.size()) && rows[size_t(i)].y < yTo; ++i) {
        const TimelineRow& row = rows[size_t(i)];
        if (row.kind == TimelineRow::Kind::Lane) {
            // Nested bands keep a line of the background between them, so depths read apart.
            const int band = row.levelHeight();
            const int h = row.levels > 1 ? band - 1 : band;
            // The lane's totals cover the end of its top band: names there stop short of them
            // rather than show a letter or two beside the chip.
            QString totalsText;
            const QRect totals = LaneTotals::chip(m_model.lane(row.index), m_map,
                QRect(spanLeft, row.y, right - spanLeft, band), spanLeft, right, m_now, m_style, &totalsText);
            if (!totals.isNull())
                totalsChips.emplace_back(totals, totalsText);
            for (int depth = 0; depth < row.levels; ++depth) {
                const int y = row.y + depth * band;
                if (y >= yTo || y + band <= yFrom)
                    continue;
                for (const TimePiece& piece : pieces)
                    paintLaneSpans(p, piece.map, row.index, depth, y, h, piece.left, piece.right, &strip);
                const int namesRight = depth == 0 && !totals.isNull() ? totals.left() - 1 : right;
                paintSpanNames(p, row.index, depth, y, h, spanLeft, namesRight);
            }
        } else if (row.kind == TimelineRow::Kind::Counter)
            paintCounter(p, m_model.counters()[size_t(row.index)], row, spanLeft, right);
    }
    for (const auto& [box, text] : totalsChips)
        LaneTotals::paint(p, box, text, m_style);

    p->setRenderHint(QPainter::Antialiasing, true);
    BreakMarks::paintAcross(p, pieces, yFrom, yTo, m_style);
    paintFlows(p, yFrom, yTo, dataLeft, right);
    paintRowMarks(p, pieces, first, yTo, dataLeft, right);
    paintGlobalMarks(p, yFrom, yTo, dataLeft, right);
    if (m_style.callouts)
        TraceCallouts::paint(p, TraceCallouts::find(m_model), m_layout, m_map, dataLeft, right, m_style);
    p->restore();
}

// Over 80 lines on purpose: the paint's hot loop, pixel column by pixel column over a lane's
// spans, with the whole-span, partly covered and dense-column cases side by side
// (forkline-bench paint_fit_1m_ms measures it).
void TimelinePainter::paintLaneSpans(QPainter* p, const TimeMapping& map, int laneIndex, int depth, int y, int h,
    int left, int right, BoxStrip* strip) const
{
    const Lane& lane = m_model.lane(laneIndex);
    BoxMerger merger(p, m_style, strip, y, h, left, right);
    qint64 tFrom = map.toTime(left - 1);
    const qint64 tTo = map.toTime(right + 1);
    const double pxPerNs = 1.0 / map.nsPerPixel();
    const auto toX = [&](qint64 t) { return map.x0 + diffNs(t, map.t0) * pxPerNs; };
    const auto& spans = TraceModel::spansAt(lane, depth);
    // The summary covers a lane's own spans; nested levels (imports, complete) go by the
    // sampling below, which bounds their cost by the width as well.
    const LaneSummary::Level level
        = m_summary && depth == 0 ? m_summary->level(laneIndex, map.nsPerPixel()) : LaneSummary::Level();
    const bool summarized = level && level.spans > 0 && level.spans <= spans.size() && tFrom < level.spansEnd;
    if (summarized) {
        // Buckets at most a pixel wide, each adding its time per state to the column it falls
        // in: the cost is the width's, not the number of spans. A bucket across the edge of a
        // column goes by its halves, and theirs, down to the finest level, where its own spans
        // are added: each column gets just what its spans give it. (Split in proportion
        // instead, a burst of work would leak into the next column and win it.)
        size_t next = TraceModel::firstSpanEndingAfter(spans, tFrom);
        const auto addBucket = [&](const auto& self, const LaneSummary::Level& lv, size_t b) -> void {
            const qint64 t0 = lv.bucketStart(b);
            const qint64 t1 = t0 + lv.bucketNs;
            if (b >= lv.buckets || t0 >= lv.spansEnd)
                return;
            const double x0 = toX(t0);
            const double x1 = toX(t1);
            const bool inColumn = std::floor(x1) == std::floor(x0) || std::floor(x1) == x1;
            if (inColumn && x0 >= left && x1 <= right && t1 <= lv.spansEnd) {
                const LaneSummary::Weights& w = lv.weights[b];
                for (size_t s = 0; s < w.size(); ++s) {
                    if (w[s] > 0)
                        merger.add(x0, x1, State(s), double(w[s]));
                }
                return;
            }
            if (lv.depth > 0) {
                const LaneSummary::Level half = m_summary->finer(lv);
                self(self, half, 2 * b);
                self(self, half, 2 * b + 1);
                return;
            }
            // The first span ending after t0, searched from where the last search ended.
            size_t step = 1;
            while (next + step < lv.spans && spans[next + step].end <= t0)
                step *= 2;
            next = size_t(std::upper_bound(spans.begin() + qsizetype(next),
                              spans.begin() + qsizetype(std::min(next + step, lv.spans)), t0,
                              [](qint64 v, const Span& sp) { return v < sp.end; })
                - spans.begin());
            if (next + kDenseColumn < lv.spans && spans[next + kDenseColumn].start < t1) {
                // More spans than the painter would add up in a whole column (a very long run):
                // in proportion after all.
                const double split = std::floor(x1) < x1 ? std::floor(x1) : x1;
                const LaneSummary::Weights& w = lv.weights[b];
                for (const auto& [from, to] : { std::pair(x0, split), std::pair(split, x1) }) {
                    for (size_t s = 0; s < w.size() && to > from; ++s) {
                        if (w[s] > 0)
                            merger.add(from, to, State(s), double(w[s]));
                    }
                }
                return;
            }
            for (size_t k = next; k < lv.spans && spans[k].start < t1; ++k)
                merger.add(toX(std::max(spans[k].start, t0)), toX(std::min(spans[k].end, t1)), spans[k].state);
        };
        const qint64 until = std::min(tTo, level.spansEnd);
        for (size_t b = level.bucketOf(std::max(tFrom, level.origin)); b < level.buckets; ++b) {
            if (level.bucketStart(b) > until)
                break;
            addBucket(addBucket, level, b);
        }
        tFrom = level.spansEnd;
    }
    qint64 checkedColumn = LLONG_MIN;
    size_t i = summarized ? level.spans : TraceModel::firstSpanEndingAfter(spans, tFrom);
    while (i < spans.size() && spans[i].start <= tTo) {
        const Span& s = spans[i];
        const double x0 = toX(s.start);
        const double x1 = toX(s.end);
        const qint64 column = qint64(std::floor(x0));
        if (column != checkedColumn && qint64(std::floor(x1)) == column) {
            // Entering a column with spans narrower than it: if there are very many, a
            // stride through them estimates the mix, so a paint costs O(width), not O(spans).
            checkedColumn = column;
            const qint64 columnEnd = map.toTime(double(column + 1));
            // One look ahead tells a sparse column (the usual case) without a search.
            size_t count = 0;
            if (i + kDenseColumn < spans.size() && spans[i + kDenseColumn].end <= columnEnd) {
                const auto end = std::upper_bound(spans.begin() + qint64(i + kDenseColumn), spans.end(), columnEnd,
                    [](qint64 v, const Span& sp) { return v < sp.end; });
                count = size_t(end - spans.begin()) - i;
            }
            if (count > kDenseColumn) {
                // One span from each of kDenseColumn slices, at a jittered place in its
                // slice: a fixed stride would alias with periodic traces (every third span
                // sleeping) and see only one state.
                const size_t stride = count / kDenseColumn;
                quint32 seed = quint32(column) * 2654435761u + 1;
                for (size_t slice = 0; slice < kDenseColumn; ++slice) {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    const Span& sample = spans[i + slice * stride + seed % stride];
                    merger.add(toX(sample.start), toX(sample.end), sample.state, double(stride));
                }
                i += count;
                continue;
            }
        }
        merger.add(x0, x1, s.state);
        ++i;
    }
    if (depth == 0 && lane.open && m_now > lane.openSince && lane.openSince <= tTo)
        merger.add(map.toX(lane.openSince), map.toX(m_now), lane.openState);
    merger.finish();
}

void TimelinePainter::paintFlows(QPainter* p, int yFrom, int yTo, int left, int right) const
{
    // Lock hand-overs and messages come by the thousand (counter-lock hands its lock over
    // ~4000 times in a third of a second): drawn all at once they bury the lanes under
    // lines. Each of those kinds keeps at most one arrow per slot of a few pixels, the first
    // to end there; zooming in brings the others back. Fork and join arrows are few and
    // each one matters, so they are never dropped.
    const double slot = std::max(4.0, m_style.markSize * kFlowSlotMarks);
    std::vector<quint8> taken(size_t(std::max(0.0, (right - left) / slot)) + 2, 0);
    for (const Flow& f : m_model.flows()) {
        if (!f.complete())
            continue;
        const double y1 = m_layout.laneCenter(f.fromLane);
        const double y2 = m_layout.laneCenter(f.toLane);
        if (y1 < 0 || y2 < 0 || qFuzzyCompare(y1, y2))
            continue;
        if (std::max(y1, y2) < yFrom || std::min(y1, y2) > yTo)
            continue;
        const double x1 = m_map.toX(f.fromT);
        const double x2 = m_map.toX(f.toT);
        if (std::max(x1, x2) < left || std::min(x1, x2) > right)
            continue;
        if (f.kind == FlowKind::Lock || f.kind == FlowKind::Message) {
            const size_t at = size_t(std::clamp((x2 - left) / slot, 0.0, double(taken.size() - 1)));
            const quint8 bit = f.kind == FlowKind::Lock ? 1 : 2;
            if (taken[at] & bit)
                continue;
            taken[at] |= bit;
        }
        const QPointF from(std::round(x1) + 0.5, y1);
        const QPointF to(std::round(x2) + 0.5, y2);
        m_style.drawFlow(p, clippedEnd(to, from, yFrom, yTo), clippedEnd(from, to, yFrom, yTo), f.kind);
    }
}

QPointF TimelinePainter::clippedEnd(QPointF from, QPointF to, int yFrom, int yTo)
{
    // An arrow from main to the last of 10,000 lanes is 200,000 pixels long, and QPainter
    // strokes all of it before clipping: a picture of the first lanes took seconds per
    // thousand arrows. Only an end far off the band moves, to where the line leaves it: the
    // same line shows (its head too, when on screen), though a dashed one's dashes may fall
    // a few pixels further along.
    constexpr double kMargin = 64;
    const double limit = to.y() > yTo + kMargin ? yTo + kMargin : to.y() < yFrom - kMargin ? yFrom - kMargin : to.y();
    if (limit == to.y() || to.y() == from.y())
        return to;
    return from + (to - from) * ((limit - from.y()) / (to.y() - from.y()));
}

void TimelinePainter::paintNowLine(QPainter* p, int yFrom, int yTo) const
{
    const int x = int(std::lround(m_map.toX(m_now)));
    p->save();
    QPen pen(m_style.nowColor(), 1, Qt::DashLine);
    p->setPen(pen);
    p->drawLine(x, yFrom, x, yTo);
    p->restore();
}

} // namespace Forkline
