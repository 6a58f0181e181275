// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timemapping.h"

#include <QCoreApplication>
#include <QRect>
#include <QString>

class QPainter;

namespace Forkline {

struct CounterTrack;
class TraceModel;
class TimelineStyle;

// A process's sampled value (its memory, say) drawn as a step area under its lanes, so
// "threads share memory, processes copy it" can be seen next to the threads doing it.
class CounterPainter
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::CounterPainter)
public:
    // Draws the track in `row`, across x in [left, right]; the last value holds until `until`.
    // `scale` is the value at the top of the row (see scale()).
    static void paint(QPainter* p, const CounterTrack& track, const TimeMapping& map, const QRect& row, int left,
        int right, qint64 until, const TimelineStyle& style, double scale);
    // The value at the top of the track's row. Cores busy share one whole-number scale across
    // the run, at least two, so one core fills half a row whatever the run: a GIL-bound run
    // and a parallel one look different at a glance. Others scale to their own maximum.
    static double scale(const TraceModel& model, const CounterTrack& track);
    static bool isCores(const CounterTrack& track);
    // The value in effect at t; false before the first sample.
    static bool valueAt(const CounterTrack& track, qint64 t, double* value);
    static double maximum(const CounterTrack& track);
    static QString formatValue(double value, const QString& unit);
    static QString title(const CounterTrack& track);
};

} // namespace Forkline
