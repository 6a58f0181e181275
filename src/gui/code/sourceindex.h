// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timelinepainter.h"

#include <vector>

namespace Forkline {

class TraceModel;

// Between a model's events and the lines of one of its source files, as the events' file and
// line (TraceModel::addSource) say: which line a box or mark came from, which events a line
// made, and where each thread was at a moment.
class SourceIndex
{
public:
    // file: an index into model.sourceFiles().
    SourceIndex(const TraceModel& model, qint32 file);

    // The line behind the box or mark (the event at its time, else what the lane last did
    // before it); 0 when it is none of this file's.
    int lineOf(const TimelineHit& hit) const;
    // The line a lane was at, at time t (its last event up to t); 0 for none.
    int lineAt(int lane, qint64 t) const;
    // Every box and mark the line made, in lane and time order.
    std::vector<TimelineHit> eventsAt(int line) const;
    // The mark of the lane at exactly t, else its box that holds t; kind None for neither.
    static TimelineHit hitAt(const TraceModel& model, int lane, qint64 t);

private:
    const TraceModel& m_model;
    qint32 m_file;
};

} // namespace Forkline
