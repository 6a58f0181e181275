// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracemodel.h"

#include <QCoreApplication>

namespace Forkline {

// What a slice is called in words: a foreign trace's own name, or for Forkline's own runs a
// phrase made from the state and its detail ("sleep 1 s", "join th1", "compute 0..5e7"), so
// that the words follow the language of the window and the detail stays as the run said it.
class SpanLabel
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::SpanLabel)
public:
    // For Details and tooltips: never empty.
    static QString of(const TraceModel& model, const Span& span);
    // For the box itself: empty for a plain `running` box, which its colour says well enough
    // and which would otherwise repeat one word over every lane.
    static QString onBox(const TraceModel& model, const Span& span);
    // The phrase for a state about `detail`; the state's own label when the detail is empty.
    static QString phrase(State state, const QString& detail);
};

} // namespace Forkline
