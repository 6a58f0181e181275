// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timemapping.h"

#include <QCoreApplication>
#include <QRect>
#include <QString>
#include <utility>
#include <vector>

class QPainter;

namespace Forkline {

class TimelineStyle;
class TraceModel;

// Tick placement and time formatting for the axis, tooltips and the status bar.
class TimeAxis
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::TimeAxis)
public:
    struct Tick
    {
        qint64 t = 0;
        bool major = false;
    };

    // At most this many major ticks in a range, five minor ones each, whatever the width.
    static constexpr int kMaxMajorTicks = 1000;
    // The largest step: 5e18 ns (158 years), the largest 1-2-5 value a qint64 holds.
    static constexpr qint64 kMaxStep = 5000000000000000000LL;

    // A 1-2-5 step (ns) that puts major ticks at least `minPixels` apart, and no more than
    // kMaxMajorTicks of them in the range.
    static qint64 majorStep(const TimeMapping& m, double minPixels);
    static std::vector<Tick> ticks(const TimeMapping& m, double minPixels);
    // "250 ms", "1.5 s": the unit follows the magnitude of the visible range, the decimals
    // follow the step so neighbouring labels always differ.
    static QString tickLabel(qint64 t, qint64 step, qint64 magnitude);
    // Three significant digits with a unit: "850 µs", "1.25 s".
    static QString duration(qint64 ns);
    // A point in time from the run's start: "1.002 s".
    static QString timePoint(qint64 ns);

    // The range a "fit" shows: from the run's start (0) unless the data begins far from it
    // (an imported trace), to the latest event or `now`.
    static std::pair<qint64, qint64> extent(const TraceModel& model, qint64 now = -1);

    static void paint(QPainter* p, const QRect& r, const TimeMapping& m, const TimelineStyle& style);
};

} // namespace Forkline
