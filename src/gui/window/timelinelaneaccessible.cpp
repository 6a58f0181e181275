// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinelaneaccessible.h"

#include "timelineaccessible.h"
#include "timelineeventaccessible.h"
#include "tracemodel.h"
#include "view/timelineview.h"

#include <algorithm>
#include <climits>
#include <utility>

namespace Forkline {

TimelineLaneAccessible::TimelineLaneAccessible(TimelineAccessible* timeline, int lane)
    : m_timeline(timeline)
    , m_lane(lane)
{ }

TimelineLaneAccessible::~TimelineLaneAccessible()
{
    for (const QAccessible::Id id : std::as_const(m_events))
        QAccessible::deleteAccessibleInterface(id);
}

TimelineView* TimelineLaneAccessible::view() const
{
    return m_timeline->view();
}

const Lane* TimelineLaneAccessible::lane() const
{
    const TraceModel* model = view() ? view()->model() : nullptr;
    if (!model || m_lane < 0 || m_lane >= model->laneCount())
        return nullptr;
    return &model->lane(m_lane);
}

bool TimelineLaneAccessible::isValid() const
{
    return lane() != nullptr;
}

QWindow* TimelineLaneAccessible::window() const
{
    return m_timeline->window();
}

QAccessibleInterface* TimelineLaneAccessible::childAt(int x, int y) const
{
    for (int i = 0; i < childCount(); ++i) {
        QAccessibleInterface* event = child(i);
        if (event && event->rect().contains(x, y))
            return event;
    }
    return nullptr;
}

QAccessibleInterface* TimelineLaneAccessible::parent() const
{
    return m_timeline;
}

int TimelineLaneAccessible::childCount() const
{
    const Lane* l = lane();
    if (!l)
        return 0;
    size_t count = l->instants.size();
    for (int depth = 0; depth < TraceModel::depthCount(*l); ++depth)
        count += TraceModel::spansAt(*l, depth).size();
    return int(std::min<size_t>(count, INT_MAX));
}

QAccessibleInterface* TimelineLaneAccessible::child(int index) const
{
    if (index < 0 || index >= childCount())
        return nullptr;
    QAccessible::Id& id = m_events[index];
    if (id == 0)
        id = QAccessible::registerAccessibleInterface(
            new TimelineEventAccessible(const_cast<TimelineLaneAccessible*>(this), index));
    return QAccessible::accessibleInterface(id);
}

int TimelineLaneAccessible::indexOfChild(const QAccessibleInterface* child) const
{
    const QAccessible::Id id = QAccessible::uniqueId(const_cast<QAccessibleInterface*>(child));
    for (auto it = m_events.constBegin(); it != m_events.constEnd(); ++it) {
        if (it.value() == id)
            return it.key();
    }
    return -1;
}

QString TimelineLaneAccessible::text(QAccessible::Text t) const
{
    const Lane* l = lane();
    if (!l)
        return {};
    switch (t) {
    case QAccessible::Name:
        return l->label.isEmpty() ? l->name : l->label;
    case QAccessible::Description: {
        QString kind = l->kind == LaneKind::Process ? tr("main thread of process %1").arg(l->pid)
                                                    : tr("thread %1 of process %2").arg(l->tid).arg(l->pid);
        if (l->daemon)
            kind = tr("%1, daemon").arg(kind);
        return tr("%1; %2 states and %3 events").arg(kind).arg(l->spans.size()).arg(l->instants.size());
    }
    default:
        return {};
    }
}

QRect TimelineLaneAccessible::rect() const
{
    TimelineView* v = view();
    if (!v || !lane())
        return {};
    const QPoint centre = v->lanePoint(m_lane, v->model()->startTime());
    const int half = v->style().laneHeight / 2;
    const QRect row(0, centre.y() - half, v->viewport()->width(), 2 * half);
    return QRect(v->viewport()->mapToGlobal(row.topLeft()), row.size());
}

QAccessible::State TimelineLaneAccessible::state() const
{
    QAccessible::State s;
    TimelineView* v = view();
    if (!v)
        return s;
    const QRect row = rect();
    const QRect shown(v->viewport()->mapToGlobal(QPoint(0, 0)), v->viewport()->size());
    s.invisible = !row.intersects(shown);
    s.offscreen = s.invisible;
    s.selected = v->selection().lane == m_lane;
    return s;
}

} // namespace Forkline
