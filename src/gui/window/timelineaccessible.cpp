// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineaccessible.h"

#include "timeaxis.h"
#include "timelinelaneaccessible.h"
#include "tracemodel.h"
#include "view/timelineview.h"

namespace Forkline {

namespace {

QAccessibleInterface* timelineFactory(const QString& className, QObject* object)
{
    if (className == QLatin1String("Forkline::TimelineView")) {
        if (auto* view = qobject_cast<TimelineView*>(object))
            return new TimelineAccessible(view);
    }
    return nullptr;
}

} // namespace

TimelineAccessible::TimelineAccessible(TimelineView* view)
    : QAccessibleWidget(view, QAccessible::Tree)
{
    m_modelChanged = QObject::connect(view, &TimelineView::modelChanged, view, [this, view] {
        dropLanes();
        // A screen reader that listed the old lanes reads the tree again.
        if (QAccessible::isActive()) {
            QAccessibleEvent reorder(view, QAccessible::ObjectReorder);
            QAccessible::updateAccessibility(&reorder);
        }
    });
}

TimelineAccessible::~TimelineAccessible()
{
    QObject::disconnect(m_modelChanged);
    dropLanes();
}

void TimelineAccessible::installFactory()
{
    static bool installed = false;
    if (!installed)
        QAccessible::installFactory(timelineFactory);
    installed = true;
}

TimelineView* TimelineAccessible::view() const
{
    return static_cast<TimelineView*>(widget());
}

int TimelineAccessible::laneCount() const
{
    const TraceModel* model = view()->model();
    return model ? model->laneCount() : 0;
}

void TimelineAccessible::dropLanes()
{
    for (const QAccessible::Id id : m_lanes) {
        if (id != 0)
            QAccessible::deleteAccessibleInterface(id);
    }
    m_lanes.clear();
}

QAccessible::Role TimelineAccessible::role() const
{
    return QAccessible::Tree;
}

QString TimelineAccessible::text(QAccessible::Text t) const
{
    const QString own = QAccessibleWidget::text(t);
    if (!own.isEmpty())
        return own;
    const TraceModel* model = view()->model();
    switch (t) {
    case QAccessible::Name:
        return tr("Timeline");
    case QAccessible::Description:
        if (!model || model->isEmpty())
            return tr("No run yet: run a scenario or open a trace");
        return tr("%1 lanes, from %2 to %3")
            .arg(model->laneCount())
            .arg(TimeAxis::timePoint(model->startTime()), TimeAxis::timePoint(model->endTime()));
    default:
        return {};
    }
}

int TimelineAccessible::childCount() const
{
    return laneCount() + QAccessibleWidget::childCount();
}

QAccessibleInterface* TimelineAccessible::child(int index) const
{
    const int lanes = laneCount();
    if (index < 0)
        return nullptr;
    if (index >= lanes)
        return QAccessibleWidget::child(index - lanes);
    if (m_lanes.size() < size_t(lanes))
        m_lanes.resize(size_t(lanes), 0);
    QAccessible::Id& id = m_lanes[size_t(index)];
    if (id == 0)
        id = QAccessible::registerAccessibleInterface(
            new TimelineLaneAccessible(const_cast<TimelineAccessible*>(this), index));
    return QAccessible::accessibleInterface(id);
}

int TimelineAccessible::indexOfChild(const QAccessibleInterface* child) const
{
    if (const auto* lane = dynamic_cast<const TimelineLaneAccessible*>(child))
        return lane->laneIndex() < laneCount() ? lane->laneIndex() : -1;
    const int index = QAccessibleWidget::indexOfChild(child);
    return index < 0 ? -1 : index + laneCount();
}

} // namespace Forkline
