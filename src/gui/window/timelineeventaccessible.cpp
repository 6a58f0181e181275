// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineeventaccessible.h"

#include "timeaxis.h"
#include "timelinelaneaccessible.h"
#include "tracemodel.h"
#include "view/timelineview.h"

#include <algorithm>

namespace Forkline {

TimelineEventAccessible::TimelineEventAccessible(TimelineLaneAccessible* lane, int event)
    : m_lane(lane)
    , m_event(event)
{ }

bool TimelineEventAccessible::times(qint64* start, qint64* end) const
{
    const Lane* l = m_lane->lane();
    if (!l || m_event < 0)
        return false;
    const size_t i = size_t(m_event);
    if (i < l->spans.size()) {
        *start = l->spans[i].start;
        *end = l->spans[i].end;
        return true;
    }
    if (i - l->spans.size() < l->instants.size()) {
        *start = *end = l->instants[i - l->spans.size()].t;
        return true;
    }
    return false;
}

bool TimelineEventAccessible::isValid() const
{
    qint64 start = 0;
    qint64 end = 0;
    return times(&start, &end);
}

QWindow* TimelineEventAccessible::window() const
{
    return m_lane->window();
}

QAccessibleInterface* TimelineEventAccessible::parent() const
{
    return m_lane;
}

QString TimelineEventAccessible::text(QAccessible::Text t) const
{
    const Lane* l = m_lane->lane();
    qint64 start = 0;
    qint64 end = 0;
    if (!l || !times(&start, &end))
        return {};
    const TraceModel* model = m_lane->view()->model();
    const size_t i = size_t(m_event);
    const bool span = i < l->spans.size();
    if (t == QAccessible::Name) {
        if (span)
            return model->nameOf(l->spans[i]);
        const Instant& instant = l->instants[i - l->spans.size()];
        const QString name = model->nameOf(instant);
        if (instant.text >= 0 && instant.text < model->texts().size())
            return tr("%1: %2").arg(name, model->texts().at(instant.text));
        return name;
    }
    if (t == QAccessible::Description) {
        if (span)
            return tr("from %1 to %2, %3")
                .arg(TimeAxis::timePoint(start), TimeAxis::timePoint(end), TimeAxis::duration(end - start));
        return tr("at %1").arg(TimeAxis::timePoint(start));
    }
    return {};
}

QRect TimelineEventAccessible::rect() const
{
    const QRect row = m_lane->rect();
    qint64 start = 0;
    qint64 end = 0;
    if (row.isEmpty() || !times(&start, &end))
        return {};
    TimelineView* v = m_lane->view();
    const int lane = m_lane->laneIndex();
    const int left = v->lanePoint(lane, start).x();
    // An instant is a mark a few pixels wide.
    const int right = std::max(v->lanePoint(lane, end).x(), left + 4);
    const QPoint origin = v->viewport()->mapToGlobal(QPoint(0, 0));
    return QRect(origin.x() + left, row.top(), right - left, row.height());
}

QAccessible::State TimelineEventAccessible::state() const
{
    QAccessible::State s;
    s.selectable = true;
    const Lane* l = m_lane->lane();
    if (!l)
        return s;
    const TimelineHit& selected = m_lane->view()->selection();
    const size_t i = size_t(m_event);
    if (selected.lane == m_lane->laneIndex()) {
        if (i < l->spans.size())
            s.selected = selected.kind == TimelineHit::Kind::Span && selected.span.start == l->spans[i].start
                && selected.span.state == l->spans[i].state;
        else
            s.selected = selected.kind == TimelineHit::Kind::Instant
                && selected.instant.t == l->instants[i - l->spans.size()].t
                && selected.instant.kind == l->instants[i - l->spans.size()].kind;
    }
    return s;
}

} // namespace Forkline
