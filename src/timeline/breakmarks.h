// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timemapping.h"

#include <QCoreApplication>
#include <QRect>
#include <QString>
#include <vector>

class QPainter;

namespace Forkline {

class TimelineStyle;
struct TimePiece;

// What compact time draws where it shortened an idle gap: a zigzag cut through the rows, a
// double slash on the axis line and the gap's real length above it ("… 2.96 s …"), so no one
// reads the short stretch as a short time.
class BreakMarks
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::BreakMarks)
public:
    struct Cut
    {
        double x0 = 0; // the break's pixels
        double x1 = 0;
        qint64 ns = 0; // the real time it stands for
    };
    // The breaks of `m` in view between x = left and right.
    static std::vector<Cut> cuts(const TimeMapping& m, double left, double right);
    // "… 2.96 s …".
    static QString label(qint64 ns);

    static void paintAcross(
        QPainter* p, const std::vector<TimePiece>& pieces, int yFrom, int yTo, const TimelineStyle& style);
    static void paintOnAxis(QPainter* p, const Cut& cut, int baseY, int height, const TimelineStyle& style);
};

} // namespace Forkline
