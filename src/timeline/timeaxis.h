// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timemapping.h"

#include <QCoreApplication>
#include <QRect>
#include <QString>
#include <utility>
#include <vector>

class QFontMetrics;
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
    // Ticks at round distances from the mapping's origin; major every majorStep().
    static std::vector<Tick> ticks(const TimeMapping& m, double minPixels);
    static std::vector<Tick> ticksForStep(const TimeMapping& m, qint64 step);
    // The step the axis labels: major ticks far enough apart for the widest of their labels
    // (deep in a long trace "12.345678 s" is wider than "250 ms"), so no two labels meet.
    static qint64 labelStep(const TimeMapping& m, const QFontMetrics& fm, int padding);
    struct Label
    {
        qint64 t = 0;
        QRect rect; // where its text goes
        QString text;
        bool cut = false; // a compact time break's length, not a tick's time
    };
    // The axis' labels in `r`, counted from the mapping's origin, left to right, none touching
    // another.
    static std::vector<Label> labels(const QRect& r, const TimeMapping& m, const QFontMetrics& fm, int padding);
    // A time of the file's own clock, to the nanosecond: "1635202069.792701 s".
    static QString absoluteTime(qint64 ns);
    // "0 s = 1635202069.792701 s": the absolute time the axis counts from, shown once.
    static QString originLabel(qint64 origin);
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
    // originLabel() in `r` (the corner beside the axis) when the origin is not 0.
    static void paintOrigin(QPainter* p, const QRect& r, const TimeMapping& m, const TimelineStyle& style);
};

} // namespace Forkline
