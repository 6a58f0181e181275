// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAccessibleInterface>
#include <QCoreApplication>

namespace Forkline {

class TimelineLaneAccessible;

// One event of a lane for a screen reader: a span (its state, from when to when) or an
// instant (what happened when, with a print's text). Index `event` counts the lane's spans
// first, depth by depth (its own, then the slices nested in them), then its instants.
class TimelineEventAccessible : public QAccessibleInterface
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::TimelineEventAccessible)
public:
    TimelineEventAccessible(TimelineLaneAccessible* lane, int event);

    bool isValid() const override;
    QObject* object() const override { return nullptr; }
    QWindow* window() const override;
    QAccessibleInterface* focusChild() const override { return nullptr; }
    QAccessibleInterface* childAt(int, int) const override { return nullptr; }
    QAccessibleInterface* parent() const override;
    QAccessibleInterface* child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface*) const override { return -1; }
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text, const QString&) override { }
    QRect rect() const override;
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override;

    // The event's time range in nanoseconds (an instant's is empty); false once it is gone.
    bool times(qint64* start, qint64* end) const;

private:
    // Where the event is: a span at (*depth, *index), or an instant at *index (depth -1);
    // false once it is gone.
    bool locate(int* depth, size_t* index) const;

    TimelineLaneAccessible* m_lane = nullptr;
    int m_event = -1;
};

} // namespace Forkline
