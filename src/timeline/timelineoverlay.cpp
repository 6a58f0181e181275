// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineoverlay.h"

#include "spanlabel.h"
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

QString TimelineOverlay::stateAt(const TraceModel& model, int laneIndex, qint64 t, int* depth)
{
    if (depth)
        *depth = 0;
    if (laneIndex < 0 || laneIndex >= model.laneCount())
        return {};
    const Lane& lane = model.lane(laneIndex);
    for (int d = TraceModel::depthCount(lane) - 1; d >= 0; --d) {
        const std::vector<Span>& spans = TraceModel::spansAt(lane, d);
        const size_t i = TraceModel::firstSpanEndingAfter(spans, t);
        if (i < spans.size() && spans[i].start <= t) {
            if (depth)
                *depth = d;
            return SpanLabel::of(model, spans[i]);
        }
    }
    if (lane.open && t >= lane.openSince)
        return SpanLabel::of(model, Span { lane.openSince, t, lane.openState, lane.openName });
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

void TimelineOverlay::paintStretches(
    QPainter* p, const Stretches& stretches, State state, int yFrom, int yTo, int left, int right) const
{
    for (const TimelineRow& row : m_layout.rows()) {
        if (row.kind != TimelineRow::Kind::Lane || row.bottom() <= yFrom || row.y >= yTo)
            continue;
        const auto it = stretches.constFind(row.index);
        if (it == stretches.constEnd())
            continue;
        // The top band, as the lane's own spans are drawn (nested bands keep a gap line).
        const int band = row.levelHeight();
        const int h = row.levels > 1 ? band - 1 : band;
        const QFontMetrics fm(m_style.smallFont);
        const int pad = m_style.boxWordsPad();
        for (const auto& [from, to] : *it) {
            const double x0 = std::max(double(left), m_map.toX(from));
            const double x1 = std::min(double(right), m_map.toX(to));
            if (x1 - x0 < 0.5)
                continue;
            const int a = int(std::lround(x0));
            m_style.drawStateBox(p, QRect(a, row.y, std::max(1, int(std::lround(x1)) - a), h), state);
            // Its words too, as the box will carry them once the run has ended.
            if (x1 - x0 < TimelineStyle::kMinNamedBoxPx || h < fm.height())
                continue;
            p->setFont(m_style.smallFont);
            p->setPen(m_style.textColor());
            const QRect box(int(std::ceil(x0)) + pad, row.y, int(std::floor(x1 - x0)) - 2 * pad, h);
            m_style.drawBoxWords(p, box, SpanLabel::onBox(m_model, Span { from, to, state, -1 }), fm);
        }
    }
}

void TimelineOverlay::paintSelection(QPainter* p, const TimelineHit& selection, int left, int right) const
{
    if (selection.kind == TimelineHit::Kind::Instant && selection.lane < 0) {
        paintScopedSelection(p, selection);
        return;
    }
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
        p->setRenderHint(QPainter::Antialiasing, true);
        paintMarkRing(p, QPointF(std::round(m_map.toX(selection.instant.t)) + 0.5, cy));
    }
    p->restore();
}

void TimelineOverlay::paintScopedSelection(QPainter* p, const TimelineHit& selection) const
{
    const double x = std::round(m_map.toX(selection.instant.t)) + 0.5;
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setBrush(Qt::NoBrush);
    if (selection.global) {
        // The mark is a line over every row: the selection is that line, drawn wide.
        p->setPen(QPen(m_style.highlightColor(), 3));
        p->drawLine(QPointF(x, 0), QPointF(x, m_layout.height()));
        p->restore();
        return;
    }
    for (const TimelineRow& row : m_layout.rows()) {
        if (row.kind != TimelineRow::Kind::Process || row.index != selection.process)
            continue;
        paintMarkRing(p, QPointF(x, row.y + row.height / 2.0));
    }
    p->restore();
}

void TimelineOverlay::paintMarkRing(QPainter* p, QPointF c) const
{
    // A ring in the background's colour under the highlight, so it reads on any fill.
    const double r = m_style.markSize * 0.95;
    p->setBrush(Qt::NoBrush);
    p->setPen(QPen(m_style.background(), 4.5));
    p->drawEllipse(c, r, r);
    p->setPen(QPen(m_style.highlightColor(), 2.5));
    p->drawEllipse(c, r, r);
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
        int depth = 0;
        const QString label = stateAt(m_model, row.index, t, &depth);
        if (label.isEmpty())
            continue;
        const int w = fm.horizontalAdvance(label) + 2 * pad;
        // On the band of the slice it names: a nested lane's row holds one band per depth.
        const int band = row.levelHeight();
        const int h = std::min(band - 2, fm.height() + 2);
        // Right of the line where there is room, else on its left.
        int lx = x + pad;
        if (lx + w > right - pad)
            lx = x - pad - w;
        lx = std::clamp(lx, left + 1, std::max(left + 1, right - w - 1));
        const QRect pill(lx, row.y + depth * band + (band - h) / 2, w, h);
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
