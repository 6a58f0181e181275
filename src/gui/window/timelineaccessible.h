// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAccessibleWidget>
#include <QCoreApplication>
#include <vector>

namespace Forkline {

class TimelineView;
class TimelineLaneAccessible;

// What a screen reader finds in the timeline: a tree whose items are the lanes (one thread
// each: name, kind, ids, how it ended), each holding its events (a state with its start and
// end, or an instant with its time and text). Read from the model on demand, so a live run's
// new lanes and spans are there when asked for; the view's scroll bars follow the lanes.
class TimelineAccessible : public QAccessibleWidget
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::TimelineAccessible)
public:
    explicit TimelineAccessible(TimelineView* view);
    ~TimelineAccessible() override;

    // Installs the factory that gives every TimelineView this interface (once per process).
    static void installFactory();

    TimelineView* view() const;
    int laneCount() const;

    QAccessible::Role role() const override;
    QString text(QAccessible::Text t) const override;
    int childCount() const override;
    QAccessibleInterface* child(int index) const override;
    int indexOfChild(const QAccessibleInterface* child) const override;

private:
    // The model was replaced: the lanes' interfaces name what is no longer there.
    void dropLanes();

    mutable std::vector<QAccessible::Id> m_lanes;
    QMetaObject::Connection m_modelChanged;
};

} // namespace Forkline
