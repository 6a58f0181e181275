// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>
#include <algorithm>
#include <cmath>

namespace Forkline {

// Maps a visible time range [t0, t1] (ns) onto a pixel range [x0, x0 + width].
struct TimeMapping
{
    qint64 t0 = 0;
    qint64 t1 = 1;
    double x0 = 0;
    double width = 1;

    double nsPerPixel() const { return double(std::max<qint64>(1, t1 - t0)) / std::max(1.0, width); }
    double toX(qint64 t) const { return x0 + double(t - t0) / nsPerPixel(); }
    qint64 toTime(double x) const { return t0 + qint64(std::llround((x - x0) * nsPerPixel())); }
    bool isVisible(qint64 start, qint64 end) const { return end >= t0 && start <= t1; }

    // Zoom by `factor` (>1 zooms in) keeping the time under pixel x where it is.
    TimeMapping zoomedAround(double x, double factor) const
    {
        const qint64 anchor = toTime(x);
        const double span = double(t1 - t0) / factor;
        const double left = (x - x0) / std::max(1.0, width);
        TimeMapping m = *this;
        m.t0 = anchor - qint64(std::llround(span * left));
        m.t1 = m.t0 + std::max<qint64>(1, qint64(std::llround(span)));
        return m;
    }
};

} // namespace Forkline
