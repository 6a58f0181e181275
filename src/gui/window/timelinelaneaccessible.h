// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAccessibleInterface>
#include <QCoreApplication>
#include <QHash>

namespace Forkline {

class TimelineAccessible;
class TimelineView;
struct Lane;

// One lane of the timeline for a screen reader (TimelineAccessible): its events are its
// children, the spans in time order, then the instants.
class TimelineLaneAccessible : public QAccessibleInterface
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::TimelineLaneAccessible)
public:
    TimelineLaneAccessible(TimelineAccessible* timeline, int lane);
    ~TimelineLaneAccessible() override;

    TimelineView* view() const;
    // Null when the model no longer has the lane.
    const Lane* lane() const;
    int laneIndex() const { return m_lane; }

    bool isValid() const override;
    QObject* object() const override { return nullptr; }
    QWindow* window() const override;
    QAccessibleInterface* focusChild() const override { return nullptr; }
    QAccessibleInterface* childAt(int x, int y) const override;
    QAccessibleInterface* parent() const override;
    QAccessibleInterface* child(int index) const override;
    int childCount() const override;
    int indexOfChild(const QAccessibleInterface* child) const override;
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text, const QString&) override { }
    QRect rect() const override;
    QAccessible::Role role() const override { return QAccessible::TreeItem; }
    QAccessible::State state() const override;

private:
    TimelineAccessible* m_timeline = nullptr;
    int m_lane = -1;
    mutable QHash<int, QAccessible::Id> m_events;
};

} // namespace Forkline
