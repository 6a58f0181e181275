// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timelinepainter.h"

#include <QString>
#include <vector>

namespace Forkline {

// Finding slices and marks by name (Ctrl+F): every span of every depth and every mark of a lane
// whose name (a foreign trace's own, else the state's or the kind's) or whose words on its box
// (SpanLabel: "sleep 1 s", "join th1") contain the text, case aside, as hits the view can
// select, in time order (by lane at equal times).
class TraceSearch
{
public:
    // At most this many matches: past that a name says little, and the list stays small.
    static constexpr size_t kMaxMatches = 100000;

    static std::vector<TimelineHit> find(const TraceModel& model, const QString& text);
};

} // namespace Forkline
