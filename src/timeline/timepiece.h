// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timemapping.h"

#include <vector>

namespace Forkline {

// One linear stretch of a mapping: the whole of a plain mapping, or, in compact time, a stretch
// kept as it is or a break (an idle gap drawn short). The painter's column loops assume a
// linear map; they run once per piece, each over its own columns, so compact time costs them
// nothing per span and a plain mapping is one piece, painted exactly as before.
struct TimePiece
{
    TimeMapping map; // linear; exact for the times in [from, to]
    qint64 from = 0; // real times
    qint64 to = 0;
    int left = 0; // the pixel columns [left, right) that are this piece's
    int right = 0;
    bool isBreak = false;

    // The pieces of `m` that cover columns [left, right), left to right.
    static std::vector<TimePiece> split(const TimeMapping& m, int left, int right);
};

} // namespace Forkline
