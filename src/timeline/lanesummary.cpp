// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanesummary.h"

#include "markstamps.h"

#include <algorithm>
#include <climits>

namespace Forkline {

namespace {
// The coarsest level has about this many buckets: fewer would never be a pixel wide.
constexpr size_t kCoarsestBuckets = 16;
// A span of no length still counts, as it does for the painter, so a lone burst stays visible.
constexpr float kInstantWeight = 1e-6f;

bool same(const Span& a, const Span& b)
{
    return a.start == b.start && a.end == b.end && a.state == b.state;
}

bool same(const Instant& a, const Instant& b)
{
    return a.t == b.t && a.kind == b.kind && a.text == b.text;
}

// The more telling of two instants (the earlier one when they tie), or -1 for neither.
qint32 better(const Lane& lane, qint32 a, qint32 b)
{
    if (a < 0)
        return b;
    if (b < 0)
        return a;
    const int pa = MarkStamps::priority(lane.instants[size_t(a)].kind);
    const int pb = MarkStamps::priority(lane.instants[size_t(b)].kind);
    return pb > pa ? b : a;
}
} // namespace

size_t LaneSummary::Level::bucketOf(qint64 t) const
{
    if (buckets == 0 || t <= origin)
        return 0;
    return std::min(size_t((t - origin) / bucketNs), buckets - 1);
}

bool LaneSummary::update(const TraceModel& model)
{
    m_lanes.resize(size_t(model.laneCount()));
    // The lanes of a run grow alike and get busy at the same moment: summing them all in one
    // frame would be a stall. A few are summed from scratch per call (at least one, however
    // big); the others are painted from their spans until their turn comes.
    size_t budget = kRebuildEvents;
    bool rebuilt = false;
    bool complete = true;
    for (int i = 0; i < model.laneCount(); ++i) {
        LaneSums& sums = m_lanes[size_t(i)];
        const Lane& lane = model.lane(i);
        if (sums.active && catchUp(sums, lane))
            continue;
        sums.active = false;
        const size_t events = lane.spans.size() + lane.instants.size();
        if (events < kMinEvents)
            continue;
        if (rebuilt && events > budget) {
            complete = false;
            continue;
        }
        rebuild(sums, lane);
        rebuilt = true;
        budget -= std::min(budget, events);
    }
    return complete;
}

LaneSummary::Level LaneSummary::level(int lane, double nsPerPixel) const
{
    if (lane < 0 || size_t(lane) >= m_lanes.size())
        return {};
    const LaneSums& sums = m_lanes[size_t(lane)];
    if (!sums.active || sums.levels.empty() || double(sums.bucketNs) > nsPerPixel)
        return {};
    size_t j = 0;
    while (j + 1 < sums.levels.size() && double(sums.bucketNs << (j + 1)) <= nsPerPixel)
        ++j;
    return levelAt(lane, j);
}

LaneSummary::Level LaneSummary::finer(const Level& level) const
{
    return level && level.depth > 0 ? levelAt(level.lane, level.depth - 1) : Level();
}

LaneSummary::Level LaneSummary::levelAt(int lane, size_t depth) const
{
    const LaneSums& sums = m_lanes[size_t(lane)];
    const Pyramid& pyramid = sums.levels[depth];
    Level l;
    l.origin = sums.origin;
    l.bucketNs = sums.bucketNs << depth;
    l.weights = pyramid.weights.data();
    l.spans = sums.spans;
    l.spansEnd = sums.spansEnd;
    l.marks = pyramid.marks.data();
    l.instants = sums.instants;
    l.buckets = pyramid.weights.size();
    l.lane = lane;
    l.depth = depth;
    return l;
}

void LaneSummary::rebuild(LaneSums& sums, const Lane& lane)
{
    sums = LaneSums();
    sums.active = true;
    qint64 first = LLONG_MAX;
    qint64 last = LLONG_MIN;
    if (!lane.spans.empty()) {
        first = lane.spans.front().start;
        last = lane.spans.back().end;
    }
    if (!lane.instants.empty()) {
        first = std::min(first, lane.instants.front().t);
        last = std::max(last, lane.instants.back().t);
    }
    sums.origin = first;
    // The finest buckets that hold it all: what growing bucket by bucket would have come to.
    sums.bucketNs = 1;
    while ((last - first) / sums.bucketNs >= qint64(kMaxBuckets))
        sums.bucketNs *= 2;
    sums.levels.resize(1);
    catchUp(sums, lane);
}

bool LaneSummary::catchUp(LaneSums& sums, const Lane& lane)
{
    // During a run a lane only gains spans and instants at its end. Anything else (a late
    // instant slipped in before others, a lane that is not the one summed) starts over.
    bool restart = lane.spans.size() < sums.spans || lane.instants.size() < sums.instants;
    if (!restart && sums.spans > 0)
        restart = !same(lane.spans.front(), sums.firstSpan) || !same(lane.spans[sums.spans - 1], sums.lastSpan);
    if (!restart && sums.instants > 0) {
        restart = !same(lane.instants.front(), sums.firstInstant)
            || !same(lane.instants[sums.instants - 1], sums.lastInstant);
    }
    if (!restart && sums.spans < lane.spans.size())
        restart = lane.spans[sums.spans].start < (sums.spans > 0 ? sums.spansEnd : sums.origin);
    if (!restart && sums.instants < lane.instants.size())
        restart = lane.instants[sums.instants].t < sums.origin;
    if (restart)
        return false;
    for (; sums.spans < lane.spans.size(); ++sums.spans) {
        const Span& s = lane.spans[sums.spans];
        addSpan(sums, lane, s.start, s.end, s.state);
        sums.spansEnd = s.end;
    }
    for (; sums.instants < lane.instants.size(); ++sums.instants)
        addMark(sums, lane, sums.instants);
    if (sums.spans > 0) {
        sums.firstSpan = lane.spans.front();
        sums.lastSpan = lane.spans[sums.spans - 1];
    }
    if (sums.instants > 0) {
        sums.firstInstant = lane.instants.front();
        sums.lastInstant = lane.instants[sums.instants - 1];
    }
    deriveLevels(sums, lane);
    return true;
}

void LaneSummary::ensureBucket(LaneSums& sums, const Lane& lane, qint64 t)
{
    while (size_t((t - sums.origin) / sums.bucketNs) >= kMaxBuckets)
        coarsen(sums, lane);
    Pyramid& finest = sums.levels.front();
    const size_t needed = size_t((t - sums.origin) / sums.bucketNs) + 1;
    if (finest.weights.size() < needed) {
        finest.weights.resize(needed, Weights {});
        finest.marks.resize(needed, -1);
    }
}

void LaneSummary::coarsen(LaneSums& sums, const Lane& lane)
{
    // The next level up is the finest from now on: once it has caught up, it only moves.
    // (All lanes of a run tend to get here in the same frame.)
    deriveLevels(sums, lane);
    if (sums.levels.size() > 1) {
        sums.levels.erase(sums.levels.begin());
        sums.bucketNs *= 2;
        sums.dirtyFrom = SIZE_MAX;
        return;
    }
    const Pyramid& fine = sums.levels.front();
    Pyramid coarse;
    const size_t n = (fine.weights.size() + 1) / 2;
    coarse.weights.assign(n, Weights {});
    coarse.marks.assign(n, -1);
    for (size_t i = 0; i < n; ++i) {
        for (size_t s = 0; s < size_t(State::Count); ++s) {
            const float right = 2 * i + 1 < fine.weights.size() ? fine.weights[2 * i + 1][s] : 0.0f;
            coarse.weights[i][s] = (fine.weights[2 * i][s] + right) * 0.5f;
        }
        coarse.marks[i] = better(lane, fine.marks[2 * i], 2 * i + 1 < fine.marks.size() ? fine.marks[2 * i + 1] : -1);
    }
    sums.levels.clear();
    sums.levels.push_back(std::move(coarse));
    sums.bucketNs *= 2;
    sums.dirtyFrom = 0;
}

void LaneSummary::addSpan(LaneSums& sums, const Lane& lane, qint64 start, qint64 end, State state)
{
    const size_t s = size_t(state);
    ensureBucket(sums, lane, std::max(start, end - 1));
    const qint64 width = sums.bucketNs;
    auto& weights = sums.levels.front().weights;
    size_t i = size_t((start - sums.origin) / width);
    sums.dirtyFrom = std::min(sums.dirtyFrom, i);
    if (end <= start) {
        weights[i][s] += kInstantWeight;
        return;
    }
    const size_t last = size_t((end - 1 - sums.origin) / width);
    for (; i <= last; ++i) {
        const qint64 b0 = sums.origin + qint64(i) * width;
        const qint64 overlap = std::min(end, b0 + width) - std::max(start, b0);
        weights[i][s] += std::max(kInstantWeight, float(double(overlap) / double(width)));
    }
}

void LaneSummary::addMark(LaneSums& sums, const Lane& lane, size_t index)
{
    const qint64 t = lane.instants[index].t;
    ensureBucket(sums, lane, t);
    const size_t i = size_t((t - sums.origin) / sums.bucketNs);
    qint32& mark = sums.levels.front().marks[i];
    // Instants come in time order: on a tie the one already there is the earlier.
    mark = better(lane, mark, qint32(index));
    sums.dirtyFrom = std::min(sums.dirtyFrom, i);
}

void LaneSummary::deriveLevels(LaneSums& sums, const Lane& lane)
{
    size_t from = sums.dirtyFrom;
    for (size_t j = 1; sums.levels[j - 1].weights.size() > kCoarsestBuckets; ++j) {
        if (j == sums.levels.size())
            sums.levels.emplace_back();
        const Pyramid& fine = sums.levels[j - 1];
        Pyramid& coarse = sums.levels[j];
        const size_t n = (fine.weights.size() + 1) / 2;
        from /= 2;
        coarse.weights.resize(n, Weights {});
        coarse.marks.resize(n, -1);
        for (size_t i = std::min(from, n); i < n; ++i) {
            const bool hasRight = 2 * i + 1 < fine.weights.size();
            for (size_t s = 0; s < size_t(State::Count); ++s)
                coarse.weights[i][s] = (fine.weights[2 * i][s] + (hasRight ? fine.weights[2 * i + 1][s] : 0.0f)) * 0.5f;
            coarse.marks[i] = better(lane, fine.marks[2 * i], hasRight ? fine.marks[2 * i + 1] : -1);
        }
    }
    sums.dirtyFrom = SIZE_MAX;
}

} // namespace Forkline
