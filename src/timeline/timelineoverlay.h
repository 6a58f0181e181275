// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "states.h"
#include "timelinepainter.h"
#include "timemapping.h"

#include <QCoreApplication>
#include <QHash>
#include <QRect>
#include <utility>
#include <vector>

class QPainter;

namespace Forkline {

class TimelineLayout;
class TimelineStyle;
class TraceModel;

// What the screen draws over the timeline and a picture does not: the selected box or mark
// and the replay playhead with every lane's state at that moment. Apart from
// TimelinePainter, so the picture code stays exactly what exports get.
class TimelineOverlay
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::TimelineOverlay)
public:
    TimelineOverlay(
        const TraceModel& model, const TimelineLayout& layout, const TimelineStyle& style, const TimeMapping& map);

    // Content coordinates, as TimelinePainter::paintData.
    void paintSelection(QPainter* p, const TimelineHit& selection, int left, int right) const;
    // Dims what has not happened yet at t and labels every lane row in [yFrom, yTo) with
    // its state at t, so a class can read the moment without decoding patterns.
    void paintPlayhead(QPainter* p, qint64 t, int yFrom, int yTo, int left, int right) const;
    // States a live run knows of that the model does not hold yet (the GIL waits measured
    // from the OS, which the model gets once the run ends): lane index -> [from, to) stretches,
    // drawn in `state`'s box on the lane's top band over x in [left, right].
    using Stretches = QHash<int, std::vector<std::pair<qint64, qint64>>>;
    void paintStretches(
        QPainter* p, const Stretches& stretches, State state, int yFrom, int yTo, int left, int right) const;
    // The playhead's handle and time on the axis (viewport coordinates).
    void paintPlayheadOnAxis(QPainter* p, qint64 t, const QRect& axis) const;

    // "sleeping", "not started", "killed" ...: what a lane is doing at t; empty in a gap
    // of a foreign trace. Of slices nested in one another, the innermost at t, whose depth
    // goes to *depth (0 when it is none of them).
    static QString stateAt(const TraceModel& model, int lane, qint64 t, int* depth = nullptr);

private:
    // A selected mark of a whole process (on its header) or of the whole trace.
    void paintScopedSelection(QPainter* p, const TimelineHit& selection) const;
    void paintMarkRing(QPainter* p, QPointF center) const;

    const TraceModel& m_model;
    const TimelineLayout& m_layout;
    const TimelineStyle& m_style;
    TimeMapping m_map;
};

} // namespace Forkline
