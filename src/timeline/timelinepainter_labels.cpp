// SPDX-License-Identifier: GPL-3.0-or-later
// TimelinePainter: the label column, counter tracks and folded processes.
#include "timelinepainter.h"

#include "counterpainter.h"
#include "timelinelayout.h"
#include "timelinestyle.h"

#include <QPainter>
#include <algorithm>
#include <climits>
#include <cmath>

namespace Forkline {

void TimelinePainter::paintCounter(
    QPainter* p, const CounterTrack& track, const TimelineRow& row, int left, int right) const
{
    // A process's memory is drawn for as long as the process lives, not to the end of the run.
    qint64 until = 0;
    if (const ProcessInfo* proc = m_model.process(track.pid)) {
        for (int li : proc->lanes) {
            const Lane& l = m_model.lane(li);
            if (l.open)
                until = m_now;
            if (!l.spans.empty())
                until = std::max(until, l.spans.back().end);
            if (!l.instants.empty())
                until = std::max(until, l.instants.back().t);
        }
    }
    CounterPainter::paint(p, track, m_map, QRect(0, row.y, right, row.height), left, right, until, m_style,
        CounterPainter::scale(m_model, track));
}

void TimelinePainter::paintCollapsed(QPainter* p, const ProcessInfo& proc, int y, int h, int left, int right) const
{
    // A folded process still shows when it lived: a bar from its first to its last moment.
    qint64 from = LLONG_MAX, to = LLONG_MIN;
    for (int li : proc.lanes) {
        const Lane& l = m_model.lane(li);
        if (!l.spans.empty()) {
            from = std::min(from, l.spans.front().start);
            to = std::max(to, l.spans.back().end);
        }
        if (l.open) {
            from = std::min(from, l.openSince);
            to = std::max(to, m_now);
        }
    }
    if (from > to)
        return;
    const int x0 = std::max(left, int(std::lround(m_map.toX(from))));
    const int x1 = std::min(right, int(std::lround(m_map.toX(to))));
    if (x1 > x0)
        p->fillRect(QRect(x0, y + h - 5, x1 - x0, 3), m_style.dimTextColor());
}

void TimelinePainter::paintLabels(
    QPainter* p, int yFrom, int yTo, int right, const QSet<qint64>& collapsed, bool foldable) const
{
    p->save();
    const int width = m_layout.labelWidth();
    const int pad = m_style.padding;
    const QFontMetrics fm(m_style.font);
    const QFontMetrics small(m_style.smallFont);
    const auto& rows = m_layout.rows();
    p->fillRect(QRect(0, yFrom, width, yTo - yFrom), m_style.background());
    for (int i = m_layout.firstRowBelow(yFrom); i < int(rows.size()) && rows[size_t(i)].y < yTo; ++i) {
        const TimelineRow& row = rows[size_t(i)];
        if (row.kind == TimelineRow::Kind::Process) {
            const ProcessInfo& proc = m_model.processes()[size_t(row.index)];
            p->fillRect(QRect(0, row.y, width, row.height), m_style.headerBackground());
            int textLeft = pad;
            if (foldable) {
                // Disclosure triangle, drawn rather than typed so it looks the same in every font.
                const double r = row.height / 5.5, cx = pad + r, cy = row.y + row.height / 2.0;
                QPolygonF tri;
                if (collapsed.contains(proc.pid))
                    tri << QPointF(cx - r * 0.6, cy - r) << QPointF(cx + r * 0.8, cy) << QPointF(cx - r * 0.6, cy + r);
                else
                    tri << QPointF(cx - r, cy - r * 0.6) << QPointF(cx + r, cy - r * 0.6) << QPointF(cx, cy + r * 0.8);
                p->setRenderHint(QPainter::Antialiasing, true);
                p->setPen(Qt::NoPen);
                p->setBrush(m_style.dimTextColor());
                p->drawPolygon(tri);
                p->setBrush(Qt::NoBrush);
                textLeft = int(cx + r + pad * 0.75);
            }
            p->setPen(m_style.textColor());
            p->setFont(m_style.boldFont);
            p->drawText(QRect(textLeft, row.y, right - textLeft, row.height), Qt::AlignVCenter | Qt::AlignLeft,
                TimelineLayout::processTitle(proc));
            continue;
        }
        if (row.kind == TimelineRow::Kind::Counter) {
            const CounterTrack& track = m_model.counters()[size_t(row.index)];
            const QRect r(pad * 2, row.y, width - pad * 3, row.height);
            p->setFont(m_style.font);
            p->setPen(m_style.textColor());
            p->drawText(r, Qt::AlignVCenter | Qt::AlignLeft, CounterPainter::title(track));
            p->setFont(m_style.smallFont);
            p->setPen(m_style.dimTextColor());
            p->drawText(r, Qt::AlignTop | Qt::AlignRight,
                CounterPainter::formatValue(CounterPainter::scale(m_model, track), track.unit));
            p->drawText(r, Qt::AlignBottom | Qt::AlignRight, CounterPainter::formatValue(0, track.unit));
            continue;
        }
        const Lane& lane = m_model.lane(row.index);
        const QRect r(pad * 2, row.y, width - pad * 3, row.height);
        const QString tid = tr("tid %1").arg(lane.tid);
        const int tidWidth = small.horizontalAdvance(tid);
        p->setFont(m_style.smallFont);
        p->setPen(m_style.dimTextColor());
        p->drawText(r, Qt::AlignVCenter | Qt::AlignRight, tid);
        int x = r.left();
        const int room = r.width() - tidWidth - pad;
        const QString title = fm.elidedText(TimelineLayout::laneTitle(lane), Qt::ElideRight, room);
        p->setFont(m_style.font);
        p->setPen(m_style.textColor());
        p->drawText(QRect(x, row.y, room, row.height), Qt::AlignVCenter | Qt::AlignLeft, title);
        x += fm.horizontalAdvance(title) + pad;
        p->setFont(m_style.smallFont);
        p->setPen(m_style.dimTextColor());
        QString extra = TimelineLayout::laneSubtitle(lane);
        if (lane.daemon)
            extra += (extra.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("daemon");
        if (!extra.isEmpty() && x < r.left() + room)
            p->drawText(QRect(x, row.y, r.left() + room - x, row.height), Qt::AlignVCenter | Qt::AlignLeft,
                small.elidedText(extra, Qt::ElideRight, r.left() + room - x));
    }
    p->restore();
}

} // namespace Forkline
