// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineeventaccessible.h"

#include "spanlabel.h"
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

bool TimelineEventAccessible::locate(int* depth, size_t* index) const
{
    const Lane* l = m_lane->lane();
    if (!l || m_event < 0)
        return false;
    size_t i = size_t(m_event);
    for (int d = 0; d < TraceModel::depthCount(*l); ++d) {
        const size_t count = TraceModel::spansAt(*l, d).size();
        if (i < count) {
            *depth = d;
            *index = i;
            return true;
        }
        i -= count;
    }
    *depth = -1;
    *index = i;
    return i < l->instants.size();
}

bool TimelineEventAccessible::times(qint64* start, qint64* end) const
{
    int depth = 0;
    size_t i = 0;
    if (!locate(&depth, &i))
        return false;
    const Lane& l = *m_lane->lane();
    if (depth >= 0) {
        const Span& span = TraceModel::spansAt(l, depth)[i];
        *start = span.start;
        *end = span.end;
    } else {
        *start = *end = l.instants[i].t;
    }
    return true;
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
    int depth = 0;
    size_t i = 0;
    qint64 start = 0;
    qint64 end = 0;
    if (!locate(&depth, &i) || !times(&start, &end))
        return {};
    const Lane& l = *m_lane->lane();
    const TraceModel* model = m_lane->view()->model();
    if (t == QAccessible::Name) {
        if (depth >= 0)
            return SpanLabel::of(*model, TraceModel::spansAt(l, depth)[i]);
        const Instant& instant = l.instants[i];
        const QString name = model->nameOf(instant);
        if (instant.text >= 0 && instant.text < model->texts().size())
            return tr("%1: %2").arg(name, model->texts().at(instant.text));
        return name;
    }
    if (t == QAccessible::Description) {
        if (depth < 0)
            return tr("at %1").arg(TimeAxis::timePoint(start));
        const QString when
            = tr("from %1 to %2, %3")
                  .arg(TimeAxis::timePoint(start), TimeAxis::timePoint(end), TimeAxis::duration(end - start));
        return depth == 0 ? when : tr("%1, nested at depth %2").arg(when).arg(depth);
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
    // A nested slice lies in its own band, one lane height per depth below the top one.
    int depth = 0;
    size_t i = 0;
    locate(&depth, &i);
    const int top = row.top() + std::max(0, depth) * row.height();
    return QRect(origin.x() + left, top, right - left, row.height());
}

QAccessible::State TimelineEventAccessible::state() const
{
    QAccessible::State s;
    s.selectable = true;
    int depth = 0;
    size_t i = 0;
    if (!locate(&depth, &i))
        return s;
    const Lane& l = *m_lane->lane();
    const TimelineHit& selected = m_lane->view()->selection();
    if (selected.lane != m_lane->laneIndex())
        return s;
    if (depth >= 0) {
        const Span& span = TraceModel::spansAt(l, depth)[i];
        s.selected = selected.kind == TimelineHit::Kind::Span && selected.depth == depth
            && selected.span.start == span.start && selected.span.state == span.state;
    } else {
        s.selected = selected.kind == TimelineHit::Kind::Instant && selected.instant.t == l.instants[i].t
            && selected.instant.kind == l.instants[i].kind;
    }
    return s;
}

} // namespace Forkline
