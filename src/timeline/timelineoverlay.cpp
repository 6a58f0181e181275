// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineoverlay.h"

#include "timeaxis.h"
#include "timelinelayout.h"
#include "timelinestyle.h"
#include "tracemodel.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <climits>
#include <cmath>

namespace Forkline {

namespace {

bool isEnding(InstantKind k)
{
    switch (k) {
    case InstantKind::End:
    case InstantKind::MainExit:
    case InstantKind::Killed:
    case InstantKind::Terminated:
    case InstantKind::Crashed:
    case InstantKind::Aborted:
    case InstantKind::Failed:
        return true;
    default:
        return false;
    }
}

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

} // namespace

TimelineOverlay::TimelineOverlay(
    const TraceModel& model, const TimelineLayout& layout, const TimelineStyle& style, const TimeMapping& map)
    : m_model(model)
    , m_layout(layout)
    , m_style(style)
    , m_map(map)
{ }

QString TimelineOverlay::stateAt(const TraceModel& model, int laneIndex, qint64 t)
{
    if (laneIndex < 0 || laneIndex >= model.laneCount())
        return {};
    const Lane& lane = model.lane(laneIndex);
    const size_t i = TraceModel::firstSpanEndingAfter(lane, t);
    if (i < lane.spans.size() && lane.spans[i].start <= t) {
        const Span& span = lane.spans[i];
        return span.name >= 0 ? model.nameOf(span) : TimelineStyle::stateLabel(span.state);
    }
    if (lane.open && t >= lane.openSince)
        return TimelineStyle::stateLabel(lane.openState);
    qint64 first = lane.spans.empty() ? LLONG_MAX : lane.spans.front().start;
    if (!lane.instants.empty())
        first = std::min(first, lane.instants.front().t);
    if (t < first)
        return tr("not started");
    // The last ending at or before t says how the thread went.
    auto it = std::upper_bound(
        lane.instants.begin(), lane.instants.end(), t, [](qint64 v, const Instant& in) { return v < in.t; });
    const qint64 lastSpanEnd = lane.spans.empty() ? LLONG_MIN : lane.spans.back().end;
    while (it != lane.instants.begin()) {
        --it;
        if (!isEnding(it->kind))
            continue;
        if (it->t < lastSpanEnd && t < lastSpanEnd)
            break; // an ending before later work: a foreign trace's reused thread
        switch (it->kind) {
        case InstantKind::End:
        case InstantKind::MainExit:
            return tr("ended");
        default: {
            // "terminated (SIGTERM)": the signal by its name, as Python's repr shows it.
            const QString label = TimelineStyle::instantLabel(it->kind);
            return it->code > 0 && it->kind != InstantKind::Failed && it->kind != InstantKind::Aborted
                ? QStringLiteral("%1 (%2)").arg(label, signalName(it->code))
                : label;
        }
        }
    }
    return t >= lastSpanEnd && !lane.spans.empty() ? tr("ended") : QString();
}

void TimelineOverlay::paintSelection(QPainter* p, const TimelineHit& selection, int left, int right) const
{
    if (!m_layout.laneVisible(selection.lane))
        return;
    const double cy = m_layout.laneCenter(selection.lane);
    p->save();
    const QColor ring = m_style.highlightColor();
    if (selection.kind == TimelineHit::Kind::Span) {
        double x0 = m_map.toX(selection.span.start);
        double x1 = m_map.toX(selection.span.end);
        if (x1 - x0 < 4) {
            const double mid = (x0 + x1) / 2;
            x0 = mid - 2;
            x1 = mid + 2;
        }
        // A nested slice's box is in its own band, one lane height per depth below the top one.
        const int top = int(std::lround(cy - m_style.laneHeight / 2.0)) + selection.depth * m_style.laneHeight;
        const QRect box(QPoint(std::max(left - 3, int(std::floor(x0))), top),
            QPoint(std::min(right + 3, int(std::ceil(x1)) - 1), top + m_style.laneHeight - 1));
        p->setRenderHint(QPainter::Antialiasing, false);
        p->setBrush(Qt::NoBrush);
        // A ring in the background's colour first, so the highlight reads on any fill.
        p->setPen(QPen(m_style.background(), 1));
        p->drawRect(box.adjusted(-3, -3, 2, 2));
        p->setPen(QPen(ring, 2, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        p->drawRect(QRectF(box).adjusted(-1, -1, 0, 0));
    } else if (selection.kind == TimelineHit::Kind::Instant) {
        const QPointF c(std::round(m_map.toX(selection.instant.t)) + 0.5, cy);
        const double r = m_style.markSize * 0.95;
        p->setRenderHint(QPainter::Antialiasing, true);
        p->setBrush(Qt::NoBrush);
        p->setPen(QPen(m_style.background(), 4.5));
        p->drawEllipse(c, r, r);
        p->setPen(QPen(ring, 2.5));
        p->drawEllipse(c, r, r);
    }
    p->restore();
}

void TimelineOverlay::paintPlayhead(QPainter* p, qint64 t, int yFrom, int yTo, int left, int right) const
{
    const int x = int(std::lround(m_map.toX(t)));
    p->save();
    p->setRenderHint(QPainter::Antialiasing, false);
    if (x < right)
        p->fillRect(QRect(std::max(x, left), yFrom, right - std::max(x, left), yTo - yFrom),
            withAlpha(m_style.background(), m_style.isDark() ? 170 : 150));
    if (x >= left && x <= right) {
        p->setPen(QPen(m_style.nowColor(), 2));
        p->drawLine(x, yFrom, x, yTo);
    }

    const QFontMetrics fm(m_style.smallFont);
    p->setFont(m_style.smallFont);
    const int pad = std::max(3, m_style.padding / 2);
    const auto& rows = m_layout.rows();
    for (int i = m_layout.firstRowBelow(yFrom); i < int(rows.size()) && rows[size_t(i)].y < yTo; ++i) {
        const TimelineRow& row = rows[size_t(i)];
        if (row.kind != TimelineRow::Kind::Lane)
            continue;
        const QString label = stateAt(m_model, row.index, t);
        if (label.isEmpty())
            continue;
        const int w = fm.horizontalAdvance(label) + 2 * pad;
        const int h = std::min(row.height - 2, fm.height() + 2);
        // Right of the line where there is room, else on its left.
        int lx = x + pad;
        if (lx + w > right - pad)
            lx = x - pad - w;
        lx = std::clamp(lx, left + 1, std::max(left + 1, right - w - 1));
        const QRect pill(lx, row.y + (row.height - h) / 2, w, h);
        p->setPen(QPen(withAlpha(m_style.textColor(), 90), 1));
        p->setBrush(withAlpha(m_style.background(), 235));
        p->drawRect(pill.adjusted(0, 0, -1, -1));
        p->setPen(m_style.textColor());
        p->drawText(pill, Qt::AlignCenter, label);
    }
    p->restore();
}

void TimelineOverlay::paintPlayheadOnAxis(QPainter* p, qint64 t, const QRect& axis) const
{
    const int x = int(std::lround(m_map.toX(t)));
    if (x < axis.left() - 1 || x > axis.right() + 1)
        return;
    p->save();
    p->setClipRect(axis);
    p->setRenderHint(QPainter::Antialiasing, true);
    const QColor color = m_style.nowColor();
    const QString label = TimeAxis::timePoint(subNs(t, m_map.origin));
    const QFontMetrics fm(m_style.smallFont);
    const int pad = std::max(3, m_style.padding / 2);
    const int w = fm.horizontalAdvance(label) + 2 * pad;
    const int h = fm.height() + 2;
    int lx = std::clamp(x - w / 2, axis.left(), std::max(axis.left(), axis.right() - w));
    const QRect box(lx, axis.top() + 1, w, h);
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    p->drawRoundedRect(box, 3, 3);
    // A handle pointing down at the lanes: the part to grab.
    const double half = m_style.markSize * 0.7;
    const QPointF tri[3] = { QPointF(x - half, box.bottom()), QPointF(x + half, box.bottom()),
        QPointF(x, std::min(double(axis.bottom()), box.bottom() + half * 1.4)) };
    p->drawPolygon(tri, 3);
    p->setPen(QPen(color, 2));
    p->drawLine(QPointF(x, box.bottom()), QPointF(x, axis.bottom() + 1));
    p->setFont(m_style.smallFont);
    p->setPen(Qt::white);
    p->drawText(box, Qt::AlignCenter, label);
    p->restore();
}

} // namespace Forkline
