// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timearithmetic.h"

#include <QtGlobal>
#include <vector>

namespace Forkline {

class TraceModel;

// A monotonic warp of a trace's time that shortens its idle gaps: long stretches in which no
// lane changes state and no mark, flow or print happens anywhere (a 3 s sleep on every lane).
// Each gap keeps a short, equal stretch of "compact" time, so the moments around it get the
// width; outside the gaps compact time is real time shifted by what the gaps before it lost,
// so times there map and map back exactly. Inside a gap the map is linear and still monotonic:
// nothing is ever reordered.
class CompactTime
{
public:
    struct Gap
    {
        qint64 start = 0; // the last change before the gap
        qint64 end = 0; // the first change after it
        qint64 length() const { return subNs(end, start); }
    };

    // A quiet stretch between two changes is drawn short when it is at least kMinGapNs long,
    // at least kTypicalFactor times the median stretch between changes (a trace whose changes
    // come at an even pace has nothing to shorten), and at least kMinShare of the time that
    // stays drawn as it is. The last is taken longest stretch first: once a 3 s sleep is
    // short, 60 ms of waiting for the first thread to start is a long time beside 20 ms of
    // forks, and is drawn short too.
    static constexpr qint64 kMinGapNs = 1000000;
    static constexpr qint64 kTypicalFactor = 8;
    static constexpr double kMinShare = 0.1;
    // Each break keeps 1/kBreakDivisor of the time drawn as it is: at Fit All a break is about
    // a twentieth of the width whatever the run's length, and always shorter than its gap.
    static constexpr qint64 kBreakDivisor = 20;

    CompactTime() = default;
    // `gaps` sorted and disjoint; those no longer than `breakNs` are left as they are.
    CompactTime(const std::vector<Gap>& gaps, qint64 breakNs);

    // The idle gaps of `model` within [from, to] (the extent drawn), by the rule above.
    static CompactTime ofTrace(const TraceModel& model, qint64 from, qint64 to);

    bool isEmpty() const { return m_gaps.empty(); }
    const std::vector<Gap>& gaps() const { return m_gaps; }
    // The compact time each gap keeps.
    qint64 breakNs() const { return m_breakNs; }

    qint64 toCompact(qint64 t) const;
    // The inverse: exact for every time outside the gaps' insides.
    qint64 fromCompact(qint64 c) const;

private:
    std::vector<Gap> m_gaps;
    std::vector<qint64> m_removedAfter; // real time lost up to the end of gap i
    std::vector<qint64> m_compactStart; // gap i's start in compact time
    qint64 m_breakNs = 1;
};

} // namespace Forkline
