// SPDX-License-Identifier: GPL-3.0-or-later
// TimelinePainter: the marks of lanes, processes and the whole trace.
#include "timelinepainter.h"

#include "lanesummary.h"
#include "markstamps.h"
#include "timelinelayout.h"
#include "timelinestyle.h"
#include "timepiece.h"

#include <QPainter>
#include <algorithm>
#include <climits>

namespace Forkline {

void TimelinePainter::paintRowMarks(
    QPainter* p, const std::vector<TimePiece>& pieces, int first, int yTo, int dataLeft, int right) const
{
    MarkStamps stamps(p, m_style);
    const auto& rows = m_layout.rows();
    // Marks of each kept stretch, by its own linear map (a break holds none: it is idle).
    std::vector<TimePiece> kept;
    for (const TimePiece& piece : pieces) {
        if (!piece.isBreak)
            kept.push_back(piece);
    }
    if (!m_map.compact) // the one piece, over the whole data area as always
        kept = { TimePiece { m_map, LLONG_MIN, LLONG_MAX, dataLeft, right, false } };
    for (int i = first; i < int(rows.size()) && rows[size_t(i)].y < yTo; ++i) {
        const TimelineRow& row = rows[size_t(i)];
        for (const TimePiece& piece : kept) {
            if (row.kind == TimelineRow::Kind::Lane)
                paintMarks(
                    m_model.lane(row.index).instants, row.index, row.y + row.levelHeight() / 2.0, piece, &stamps);
            else if (row.kind == TimelineRow::Kind::Process)
                paintMarks(
                    m_model.processes()[size_t(row.index)].instants, -1, row.y + row.height / 2.0, piece, &stamps);
        }
    }
}

void TimelinePainter::paintGlobalMarks(QPainter* p, int yFrom, int yTo, int left, int right) const
{
    const auto& marks = m_model.globalInstants();
    if (marks.empty())
        return;
    p->save();
    p->setPen(QPen(m_style.dimTextColor(), 1, Qt::DashLine));
    auto it = std::lower_bound(
        marks.begin(), marks.end(), m_map.toTime(left - 1), [](const Instant& in, qint64 v) { return in.t < v; });
    int lastX = INT_MIN;
    for (; it != marks.end(); ++it) {
        const int x = int(std::lround(m_map.toX(it->t)));
        if (x > right)
            break;
        if (x == lastX)
            continue; // one line a pixel column, however many marks fall in it
        lastX = x;
        p->drawLine(x, yFrom, x, yTo);
    }
    p->restore();
}

void TimelinePainter::paintMarks(
    const std::vector<Instant>& instants, int laneIndex, double cy, const TimePiece& piece, MarkStamps* stamps) const
{
    const TimeMapping& map = piece.map;
    const int left = piece.left;
    const int right = piece.right;
    const double reach = m_style.markSize;
    const qint64 tFrom = map.toTime(left - reach);
    auto it = std::lower_bound(
        instants.begin(), instants.end(), tFrom, [](const Instant& in, qint64 v) { return in.t < v; });
    // Marks are wider than a pixel: keep one per cell of most of a mark, the most telling one.
    const double cell = std::max(1.0, m_style.markSize * 0.75);
    qint64 cellIndex = LLONG_MIN;
    const Instant* best = nullptr;
    auto flush = [&] {
        if (best)
            stamps->draw(QPointF(std::round(map.toX(best->t)) + 0.5, cy), best->kind);
        best = nullptr;
    };
    const auto consider = [&](const Instant& in) {
        if (in.t < piece.from || in.t > piece.to)
            return; // another piece's
        const qint64 c = qint64(std::floor(map.toX(in.t) / cell));
        if (c != cellIndex) {
            flush();
            cellIndex = c;
        }
        if (!best || MarkStamps::priority(in.kind) > MarkStamps::priority(best->kind))
            best = &in;
    };
    const LaneSummary::Level level
        = m_summary && laneIndex >= 0 ? m_summary->level(laneIndex, map.nsPerPixel()) : LaneSummary::Level();
    const size_t start = size_t(it - instants.begin());
    if (level && start < level.instants && level.instants <= instants.size()) {
        // Buckets under a pixel wide, each with its most telling instant: what survives in a
        // cell is what the instants themselves would give, at the cost of the buckets.
        const qint64 tTo = map.toTime(right + reach);
        const auto summed = instants.begin() + qsizetype(level.instants);
        for (size_t b = level.bucketOf(tFrom); b < level.buckets && level.bucketStart(b) <= tTo; ++b) {
            const qint32 mark = level.marks[b];
            if (mark < 0 || size_t(mark) >= level.instants)
                continue;
            const qint64 t0 = level.bucketStart(b);
            const qint64 t1 = t0 + level.bucketNs;
            if (t0 >= tFrom && std::floor(map.toX(t0) / cell) == std::floor(map.toX(t1) / cell)) {
                if (size_t(mark) >= start)
                    consider(instants[size_t(mark)]);
                continue;
            }
            // A bucket across the edge of a cell (or of the view): its instants themselves, each
            // to its cell.
            auto in = std::lower_bound(
                instants.begin() + qsizetype(start), summed, t0, [](const Instant& i, qint64 v) { return i.t < v; });
            for (; in != summed && in->t < t1; ++in)
                consider(*in);
        }
        it = summed;
    }
    for (; it != instants.end(); ++it) {
        if (map.toX(it->t) > right + reach)
            break;
        consider(*it);
    }
    flush();
}

} // namespace Forkline
