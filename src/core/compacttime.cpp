// SPDX-License-Identifier: GPL-3.0-or-later
#include "compacttime.h"

#include "timearithmetic.h"
#include "tracemodel.h"

#include <algorithm>

namespace Forkline {

CompactTime::CompactTime(const std::vector<Gap>& gaps, qint64 breakNs)
    : m_breakNs(std::max<qint64>(1, breakNs))
{
    qint64 removed = 0;
    for (const Gap& g : gaps) {
        // A gap no longer than its break would be stretched, not shortened.
        if (g.end <= g.start || subNs(g.end, g.start) <= m_breakNs)
            continue;
        if (!m_gaps.empty() && g.start < m_gaps.back().end)
            continue; // overlapping: the caller's gaps were not disjoint
        m_gaps.push_back(g);
        m_compactStart.push_back(subNs(g.start, removed));
        removed = addNs(removed, subNs(subNs(g.end, g.start), m_breakNs));
        m_removedAfter.push_back(removed);
    }
}

CompactTime CompactTime::ofTrace(const TraceModel& model, qint64 from, qint64 to)
{
    if (to <= from)
        return {};
    // Every moment something changes: span edges at every depth, marks, flow ends. Counters are
    // left out: they are samples of what the lanes do (cores busy every 25 ms), not changes.
    std::vector<qint64> times { from, to };
    times.reserve(size_t(model.spanCount()) * 2 + 2);
    for (const Lane& lane : model.lanes()) {
        for (int depth = 0; depth < TraceModel::depthCount(lane); ++depth) {
            for (const Span& s : TraceModel::spansAt(lane, depth)) {
                times.push_back(s.start);
                times.push_back(s.end);
            }
        }
        if (lane.open)
            times.push_back(lane.openSince);
        for (const Instant& in : lane.instants)
            times.push_back(in.t);
    }
    for (const ProcessInfo& p : model.processes()) {
        for (const Instant& in : p.instants)
            times.push_back(in.t);
    }
    for (const Instant& in : model.globalInstants())
        times.push_back(in.t);
    for (const Flow& f : model.flows()) {
        times.push_back(f.fromT);
        times.push_back(f.toT);
    }
    for (qint64& t : times)
        t = std::clamp(t, from, to);
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    if (times.size() < 2)
        return {};
    std::vector<qint64> lengths(times.size() - 1);
    for (size_t k = 1; k < times.size(); ++k)
        lengths[k - 1] = subNs(times[k], times[k - 1]);
    const auto middle = lengths.begin() + qsizetype(lengths.size() / 2);
    std::nth_element(lengths.begin(), middle, lengths.end());
    const qint64 median = *middle;
    const qint64 least = std::max(kMinGapNs, median > kMaxNs / kTypicalFactor ? kMaxNs : median * kTypicalFactor);
    // The few stretches long enough to be candidates, longest first.
    std::vector<Gap> quiet;
    for (size_t k = 1; k < times.size(); ++k) {
        if (subNs(times[k], times[k - 1]) >= least)
            quiet.push_back({ times[k - 1], times[k] });
    }
    std::sort(quiet.begin(), quiet.end(), [](const Gap& a, const Gap& b) { return a.length() > b.length(); });
    qint64 kept = subNs(to, from);
    std::vector<Gap> gaps;
    for (const Gap& g : quiet) {
        // Longest first, so the first that falls short ends the search: the others are shorter
        // still, and `kept` shrinks only with a gap taken.
        if (double(g.length()) < kMinShare * double(kept))
            break;
        gaps.push_back(g);
        kept = subNs(kept, g.length());
    }
    std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) { return a.start < b.start; });
    return CompactTime(gaps, std::max<qint64>(1, kept / kBreakDivisor));
}

qint64 CompactTime::toCompact(qint64 t) const
{
    // The last gap that starts before t.
    const auto it
        = std::lower_bound(m_gaps.begin(), m_gaps.end(), t, [](const Gap& g, qint64 v) { return g.start < v; });
    if (it == m_gaps.begin())
        return t;
    const size_t i = size_t(it - m_gaps.begin()) - 1;
    const Gap& g = m_gaps[i];
    if (t >= g.end)
        return subNs(t, m_removedAfter[i]);
    // Inside: linear, so later stays later (or equal, at a nanosecond's resolution).
    const double share = diffNs(t, g.start) / diffNs(g.end, g.start);
    return addNs(m_compactStart[i], std::min(m_breakNs, qint64(share * double(m_breakNs))));
}

qint64 CompactTime::fromCompact(qint64 c) const
{
    const auto it = std::lower_bound(m_compactStart.begin(), m_compactStart.end(), c);
    if (it == m_compactStart.begin())
        return c;
    const size_t i = size_t(it - m_compactStart.begin()) - 1;
    const qint64 into = subNs(c, m_compactStart[i]);
    if (into >= m_breakNs)
        return addNs(c, m_removedAfter[i]);
    const Gap& g = m_gaps[i];
    const double share = double(into) / double(m_breakNs);
    return std::min(subNs(g.end, 1), addNs(g.start, roundNs(share * diffNs(g.end, g.start))));
}

} // namespace Forkline
