// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compacttime.h"
#include "timearithmetic.h"

#include <QtGlobal>
#include <algorithm>
#include <cmath>
#include <memory>

namespace Forkline {

// Maps a visible time range [t0, t1] (ns) onto a pixel range [x0, x0 + width]. Any two times
// may be mapped, however far apart (the arithmetic saturates; see timearithmetic.h).
//
// With `compact` set the map is piecewise linear: pixels follow compact time (idle gaps
// shortened), while t0, t1 and every time in and out stay real times. span() and nsPerPixel()
// then speak of compact time, which is real time outside the gaps.
struct TimeMapping
{
    qint64 t0 = 0;
    qint64 t1 = 1;
    double x0 = 0;
    double width = 1;
    // The time the axis counts from: the trace's start (0 for a run). An imported trace on an
    // absolute clock (epoch microseconds) reads 0 s, 1 s, ... from its first event.
    qint64 origin = 0;
    // Compact time (View > Compact Time); null draws time as it is.
    std::shared_ptr<const CompactTime> compact {};

    // Where t sits on the axis: itself, or its compact time.
    qint64 axisTime(qint64 t) const { return compact ? compact->toCompact(t) : t; }
    qint64 realTime(qint64 a) const { return compact ? compact->fromCompact(a) : a; }
    // The same view on the axis' own (compact) time: a plain linear mapping.
    TimeMapping linear() const
    {
        return compact ? TimeMapping { axisTime(t0), axisTime(t1), x0, width, origin, nullptr } : *this;
    }

    // t1 - t0 on the axis, at least 1 ns.
    double span() const { return std::max(1.0, diffNs(axisTime(t1), axisTime(t0))); }
    double nsPerPixel() const { return span() / std::max(1.0, width); }
    double toX(qint64 t) const
    {
        if (compact)
            return x0 + diffNs(axisTime(t), axisTime(t0)) / nsPerPixel();
        return x0 + diffNs(t, t0) / nsPerPixel();
    }
    qint64 toTime(double x) const
    {
        if (compact)
            return realTime(linear().toTime(x));
        const double offset = (x - x0) * nsPerPixel();
        // Beyond what a qint64 holds (a range wider than half of all times) the sum is a
        // double's: at that scale a pixel is worth far more than its rounding. NaN gives t0.
        if (!(std::fabs(offset) >= kLargeNs))
            return addNs(t0, roundNs(offset));
        return roundNs(double(t0) + offset);
    }
    bool isVisible(qint64 start, qint64 end) const { return end >= t0 && start <= t1; }

    // Zoom by `factor` (>1 zooms in) keeping the time under pixel x where it is.
    TimeMapping zoomedAround(double x, double factor) const
    {
        if (compact) {
            // Zooming works on the compact axis; the new edges are read back as real times.
            const TimeMapping z = linear().zoomedAround(x, factor);
            TimeMapping m = *this;
            m.t0 = realTime(z.t0);
            m.t1 = realTime(z.t1);
            return m;
        }
        const qint64 anchor = toTime(x);
        // No range is wider than all the times there are.
        double newSpan = std::min(diffNs(t1, t0) / factor, kAllNs);
        if (std::isnan(newSpan))
            newSpan = 0;
        const double left = (x - x0) / std::max(1.0, width);
        const double before = newSpan * left; // ns left of the anchor
        TimeMapping m = *this;
        if (std::fabs(before) < kLargeNs && newSpan < kLargeNs) {
            // Whole nanoseconds, exact: a zoom deep into a run must not drift.
            m.t0 = subNs(anchor, roundNs(before));
            m.t1 = addNs(m.t0, std::max<qint64>(1, roundNs(newSpan)));
        } else {
            m.t0 = roundNs(double(anchor) - before);
            m.t1 = roundNs(double(anchor) - before + newSpan);
        }
        return m;
    }

private:
    // Offsets up to here are added as whole nanoseconds; beyond, as doubles (see toTime).
    static constexpr double kLargeNs = 4e18;
};

} // namespace Forkline
