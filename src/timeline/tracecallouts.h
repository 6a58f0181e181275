// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timemapping.h"

#include <QCoreApplication>
#include <QString>
#include <vector>

class QPainter;

namespace Forkline {

class TimelineLayout;
class TimelineStyle;
class TraceModel;

struct ExpectOutcome;

struct Callout
{
    int lane = -1;
    qint64 t = 0;
    QString text;
    bool warning = false; // drawn in the colour of a run's bad endings (a value that missed)
};

// Short sentences a class needs beside the marks where a lesson's point is, read from the
// trace itself, so they hold for any scenario or Python program with that shape:
// "MainThread waited 3.00 s for non-daemon threads", "th2 killed when the main thread ended
// (daemon)", "MainThread terminated sub (SIGTERM)"; and beside a scenario's `expect` how the
// run came out: "counter = 1005, expected 4000: 2,995 short". Drawn by the timeline when switched on
// (TimelineStyle::callouts), so the screen and every picture show them alike.
class TraceCallouts
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::TraceCallouts)
public:
    // A main thread that stays this long past its main-exit mark waited for someone.
    static constexpr qint64 kMinWaitNs = 20000000;

    static std::vector<Callout> find(const TraceModel& model);
    // "counter = 4000, as expected", or how far off the value ended.
    static QString outcomeText(const ExpectOutcome& outcome);
    // Each callout in a label ending just before its mark, on its lane, when the lane shows; of
    // two on one lane that would overlap, the earlier one moves left of the later one.
    static void paint(QPainter* p, const std::vector<Callout>& callouts, const TimelineLayout& layout,
        const TimeMapping& map, int left, int right, const TimelineStyle& style);
};

} // namespace Forkline
