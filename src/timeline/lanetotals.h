// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "states.h"
#include "timemapping.h"

#include <QCoreApplication>
#include <QRect>
#include <QString>
#include <array>

class QPainter;

namespace Forkline {

struct Lane;
class TimelineStyle;

// A lane's time per state, added up ("computing 2.7 s · waiting: GIL 2.7 s"), written at the
// lane's end. At Fit All a lane that takes turns with another for the GIL is a blur of thin
// boxes; the sums say at once that it waited as long as it worked.
class LaneTotals
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::LaneTotals)
public:
    // States that fill less than this share of the lane's life are left out: a total of the
    // 2 ms a thread ran before it slept tells a class nothing.
    static constexpr double kMinShare = 0.05;
    static constexpr int kMaxStates = 3;
    // Lanes with more spans are left without totals: adding them up every frame would cost
    // what the painter's summaries save (a lesson's busiest lane has a few thousand).
    static constexpr size_t kMaxSpans = 50000;

    // ns per state over the lane's spans, open span counted up to `now`.
    static std::array<qint64, size_t(State::Count)> perState(const Lane& lane, qint64 now);
    // The biggest states' totals, largest first; empty for a lane with nothing worth adding.
    static QString text(const Lane& lane, qint64 now);
    // Where text() goes: right-aligned at the lane's end (or at `right` when it ends beyond),
    // inside the lane's row, when the lane is wide enough on screen to carry it; a null rect
    // when it does not. Slice names stop short of it (TimelinePainter).
    static QRect chip(const Lane& lane, const TimeMapping& map, const QRect& row, int left, int right, qint64 now,
        const TimelineStyle& style, QString* label = nullptr);
    // Draws `label` (text()) in `box` (chip()).
    static void paint(QPainter* p, const QRect& box, const QString& label, const TimelineStyle& style);
};

} // namespace Forkline
