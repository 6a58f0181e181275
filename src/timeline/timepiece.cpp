// SPDX-License-Identifier: GPL-3.0-or-later
#include "timepiece.h"

#include <algorithm>
#include <cmath>

namespace Forkline {

namespace {
// A linear mapping through (from, toX(from)) with `nsPerPixel` real ns a pixel. It is as wide
// as the whole view, so its own scale never rounds through a piece's few pixels.
TimeMapping linearFrom(const TimeMapping& m, qint64 from, double nsPerPixel)
{
    TimeMapping lin;
    lin.t0 = from;
    lin.t1 = addNs(from, std::max<qint64>(1, roundNs(nsPerPixel * std::max(1.0, m.width))));
    lin.x0 = m.toX(from);
    lin.width = std::max(1.0, m.width);
    lin.origin = m.origin;
    return lin;
}
} // namespace

std::vector<TimePiece> TimePiece::split(const TimeMapping& m, int left, int right)
{
    if (!m.compact || m.compact->isEmpty())
        return { TimePiece { m, m.toTime(left), m.toTime(right), left, right, false } };
    std::vector<TimePiece> out;
    const qint64 tLeft = m.toTime(left - 1);
    const qint64 tRight = m.toTime(right + 1);
    const double npp = m.nsPerPixel();
    const qint64 breakNs = m.compact->breakNs();
    const auto column = [&](qint64 t) { return int(std::clamp(std::floor(m.toX(t)), double(left), double(right))); };
    const auto add = [&](qint64 from, qint64 to, bool isBreak, double ns) {
        const int l = out.empty() ? left : out.back().right;
        const int r = std::max(l, column(to));
        out.push_back({ linearFrom(m, from, ns), from, to, l, r, isBreak });
    };
    qint64 cur = tLeft;
    for (const CompactTime::Gap& g : m.compact->gaps()) {
        if (g.end <= tLeft)
            continue;
        if (g.start >= tRight)
            break;
        if (g.start > cur)
            add(cur, g.start, false, npp);
        add(std::max(cur, g.start), g.end, true, npp * diffNs(g.end, g.start) / double(breakNs));
        cur = g.end;
    }
    if (cur < tRight || out.empty())
        add(cur, std::max(cur, tRight), false, npp);
    out.back().right = right;
    return out;
}

} // namespace Forkline
