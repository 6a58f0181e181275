// SPDX-License-Identifier: GPL-3.0-or-later
// TimelinePainter: what lies under a point, for tooltips and selection.
#include "timelinepainter.h"

#include "counterpainter.h"
#include "markstamps.h"
#include "spanlabel.h"
#include "timearithmetic.h"
#include "timeaxis.h"
#include "timelinelayout.h"
#include "timelinestyle.h"

#include <algorithm>
#include <cmath>

namespace Forkline {

TimelineHit TimelinePainter::hitTest(QPoint pos) const
{
    TimelineHit hit;
    const int rowIndex = m_layout.rowAt(pos.y());
    if (rowIndex < 0)
        return hit;
    const TimelineRow& row = m_layout.rows()[size_t(rowIndex)];
    if (pos.x() >= m_layout.labelWidth() && hitScopedMark(pos, row, &hit))
        return hit;
    if (row.kind == TimelineRow::Kind::Process) {
        hit.kind = TimelineHit::Kind::Process;
        hit.process = row.index;
        return hit;
    }
    if (row.kind == TimelineRow::Kind::Counter) {
        hit.counter = row.index;
        hit.t = m_map.toTime(pos.x());
        const CounterTrack& track = m_model.counters()[size_t(row.index)];
        if (pos.x() >= m_layout.labelWidth() && hit.t <= m_now && CounterPainter::valueAt(track, hit.t, &hit.value))
            hit.kind = TimelineHit::Kind::Counter;
        return hit;
    }
    hit.lane = row.index;
    const Lane& lane = m_model.lane(row.index);
    if (pos.x() < m_layout.labelWidth()) {
        hit.kind = TimelineHit::Kind::Lane;
        return hit;
    }
    // Marks sit on top of boxes, so they win within their drawn radius.
    const double reach = m_style.markSize / 2.0 + 1;
    const Instant* best = markNear(lane.instants, pos.x());
    if (best && std::abs(pos.y() - (row.y + row.levelHeight() / 2.0)) <= reach) {
        hit.kind = TimelineHit::Kind::Instant;
        hit.instant = *best;
        return hit;
    }
    const qint64 t = m_map.toTime(pos.x());
    // The band under the point: a nested slice is found at its own depth, never cut out of
    // the one it lies in.
    const int depth = std::clamp((pos.y() - row.y) / std::max(1, row.levelHeight()), 0, row.levels - 1);
    const std::vector<Span>& spans = TraceModel::spansAt(lane, depth);
    const size_t i = TraceModel::firstSpanEndingAfter(spans, t);
    const qint64 halfPixel = qint64(m_map.nsPerPixel() / 2) + 1;
    if (i < spans.size() && spans[i].start <= t + halfPixel) {
        hit.kind = TimelineHit::Kind::Span;
        hit.span = spans[i];
        hit.depth = depth;
    } else if (depth == 0 && lane.open && t >= lane.openSince - halfPixel && t <= m_now + halfPixel) {
        hit.kind = TimelineHit::Kind::Span;
        hit.span = { lane.openSince, m_now, lane.openState, lane.openName };
        hit.openSpan = true;
    } else {
        hit.kind = TimelineHit::Kind::Lane;
    }
    return hit;
}

const Instant* TimelinePainter::markNear(const std::vector<Instant>& instants, int x) const
{
    const double reach = m_style.markSize / 2.0 + 1;
    const qint64 tFrom = m_map.toTime(x - reach);
    const qint64 tTo = m_map.toTime(x + reach);
    auto it = std::lower_bound(
        instants.begin(), instants.end(), tFrom, [](const Instant& in, qint64 v) { return in.t < v; });
    const Instant* best = nullptr;
    for (; it != instants.end() && it->t <= tTo; ++it) {
        if (!best || MarkStamps::priority(it->kind) > MarkStamps::priority(best->kind))
            best = &*it;
    }
    return best;
}

bool TimelinePainter::hitScopedMark(QPoint pos, const TimelineRow& row, TimelineHit* hit) const
{
    // A process's marks are drawn on its header, as a lane's on its top band.
    if (row.kind == TimelineRow::Kind::Process) {
        const std::vector<Instant>& marks = m_model.processes()[size_t(row.index)].instants;
        const Instant* best = markNear(marks, pos.x());
        if (best && std::abs(pos.y() - (row.y + row.height / 2.0)) <= m_style.markSize / 2.0 + 1) {
            hit->kind = TimelineHit::Kind::Instant;
            hit->process = row.index;
            hit->instant = *best;
            return true;
        }
    }
    // A mark of the whole trace is a thin line over every row: within two pixels of it, a
    // click takes the line rather than the box it crosses.
    const std::vector<Instant>& global = m_model.globalInstants();
    const qint64 tFrom = m_map.toTime(pos.x() - 2);
    const auto it
        = std::lower_bound(global.begin(), global.end(), tFrom, [](const Instant& in, qint64 v) { return in.t < v; });
    if (it == global.end() || it->t > m_map.toTime(pos.x() + 2))
        return false;
    hit->kind = TimelineHit::Kind::Instant;
    hit->instant = *it;
    hit->global = true;
    return true;
}

QString TimelinePainter::ownerLine(const TimelineHit& hit) const
{
    if (hit.lane >= 0)
        return laneLine(hit.lane);
    if (hit.global)
        return tr("a mark of the whole trace");
    const ProcessInfo& proc = m_model.processes()[size_t(hit.process)];
    return tr("a mark of the whole process: %1").arg(TimelineLayout::processTitle(proc).toHtmlEscaped());
}

QString TimelinePainter::laneLine(int index) const
{
    const Lane& lane = m_model.lane(index);
    QString who = TimelineLayout::laneTitle(lane).toHtmlEscaped();
    const QString sub = TimelineLayout::laneSubtitle(lane);
    if (!sub.isEmpty())
        who += QStringLiteral(" (") + sub.toHtmlEscaped() + QLatin1Char(')');
    QString line = tr("%1 · PID %2 · TID %3").arg(who).arg(lane.pid).arg(lane.tid);
    if (lane.kind == LaneKind::Process)
        line += QStringLiteral(" · ") + tr("main thread of its process");
    if (lane.daemon)
        line += QStringLiteral(" · ") + tr("daemon");
    return line;
}

QString TimelinePainter::describe(const TimelineHit& hit) const
{
    switch (hit.kind) {
    case TimelineHit::Kind::None:
        return {};
    case TimelineHit::Kind::Process: {
        const ProcessInfo& proc = m_model.processes()[size_t(hit.process)];
        return QStringLiteral("<b>%1</b><br>%2")
            .arg(TimelineLayout::processTitle(proc).toHtmlEscaped(),
                (proc.lanes.size() == 1 ? tr("1 thread.") : tr("%1 threads.").arg(proc.lanes.size())) + QLatin1Char(' ')
                    + tr("Click to fold or unfold."));
    }
    case TimelineHit::Kind::Lane:
        return laneLine(hit.lane);
    case TimelineHit::Kind::Counter: {
        const CounterTrack& track = m_model.counters()[size_t(hit.counter)];
        const ProcessInfo* proc = m_model.process(track.pid);
        return QStringLiteral("<b>%1</b>: %2 ")
                   .arg(CounterPainter::title(track).toHtmlEscaped(),
                       CounterPainter::formatValue(hit.value, track.unit).toHtmlEscaped())
            + tr("at %1").arg(TimeAxis::timePoint(subNs(hit.t, m_map.origin))) + QStringLiteral("<br>")
            + (proc ? TimelineLayout::processTitle(*proc) : tr("PID %1").arg(track.pid)).toHtmlEscaped();
    }
    case TimelineHit::Kind::Span: {
        const QString when = hit.openSpan ? tr("since %1, %2 so far")
                                                .arg(TimeAxis::timePoint(subNs(hit.span.start, m_map.origin)),
                                                    TimeAxis::duration(hit.span.end - hit.span.start))
                                          : tr("from %1 to %2, %3")
                                                .arg(TimeAxis::timePoint(subNs(hit.span.start, m_map.origin)),
                                                    TimeAxis::timePoint(subNs(hit.span.end, m_map.origin)),
                                                    TimeAxis::duration(hit.span.end - hit.span.start));
        // A run's words for the box ("sleep 1 s") and the state they are about, as the legend says it.
        QString what = SpanLabel::of(m_model, hit.span);
        if (hit.span.detail() >= 0)
            what += QStringLiteral(" · ") + TimelineStyle::stateLabel(hit.span.state);
        return QStringLiteral("<b>%1</b><br>%2<br>%3").arg(what.toHtmlEscaped(), when, laneLine(hit.lane));
    }
    case TimelineHit::Kind::Instant: {
        const QString name
            = hit.instant.name >= 0 ? m_model.nameOf(hit.instant) : TimelineStyle::instantLabel(hit.instant.kind);
        QString s = QStringLiteral("<b>%1</b> ").arg(name.toHtmlEscaped())
            + tr("at %1").arg(TimeAxis::timePoint(subNs(hit.instant.t, m_map.origin)));
        if (hit.instant.text >= 0 && hit.instant.text < m_model.texts().size()) {
            const QString text = m_model.texts().at(hit.instant.text);
            if (hit.instant.kind == InstantKind::Print)
                s += QStringLiteral("<br><tt>%1</tt>").arg(text.toHtmlEscaped());
            else
                s += QStringLiteral("<br>") + text.toHtmlEscaped();
        }
        // Python's words for how a process ended: SIGTERM (exitcode -15), exitcode 1.
        const QString ending = endingCodeText(hit.instant.kind, hit.instant.code);
        if (!ending.isEmpty())
            s += QStringLiteral("<br>") + ending.toHtmlEscaped();
        else if (hit.instant.code != 0)
            s += QStringLiteral("<br>") + tr("code %1").arg(hit.instant.code);
        return s + QStringLiteral("<br>") + ownerLine(hit);
    }
    }
    return {};
}

} // namespace Forkline
