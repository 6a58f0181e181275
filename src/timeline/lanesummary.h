// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracemodel.h"

#include <QtGlobal>
#include <array>
#include <climits>
#include <vector>

namespace Forkline {

// A busy lane's spans and marks summed per time bucket, at resolutions that double from the
// finest to a handful of buckets. Zoomed out on a long live run a lane has thousands of spans
// and prints per pixel; the painter then reads the level whose buckets are about a pixel
// wide, so a frame costs what the screen has pixels, however long the run has gone on.
//
// Kept up to date incrementally: update() looks only at what the model gained since the last
// call (spans and instants are appended in time order during a run; anything else makes a
// lane start over). Only lanes with many events get a summary; the others are cheap to paint
// from their spans.
class LaneSummary
{
public:
    using Weights = std::array<float, size_t(State::Count)>;

    // Buckets are at most this many at the finest level: 128 KiB of span weights per lane.
    static constexpr size_t kMaxBuckets = 4096;
    // Lanes with fewer spans plus instants than this are painted from the model itself.
    static constexpr size_t kMinEvents = 4096;
    // Events summed from scratch per update() beyond the first lane (see update()): about
    // 3 ms of a frame on a 2-core machine, at some 350 ns an event.
    static constexpr size_t kRebuildEvents = 8192;

    struct Level
    {
        qint64 origin = 0; // bucket i covers [origin + i * bucketNs, origin + (i + 1) * bucketNs)
        qint64 bucketNs = 0; // 0: no summary at that resolution
        // Each bucket's share of time per state (0 to 1), for the lane's first `spans` spans,
        // which end at `spansEnd`.
        const Weights* weights = nullptr;
        size_t spans = 0;
        qint64 spansEnd = 0;
        // Each bucket's most telling instant (see MarkStamps::priority), an index into the
        // lane's instants, or -1; for the lane's first `instants` instants.
        const qint32* marks = nullptr;
        size_t instants = 0;
        size_t buckets = 0;
        int lane = -1;
        size_t depth = 0; // 0 for the finest level

        explicit operator bool() const { return bucketNs > 0; }
        qint64 bucketStart(size_t i) const { return origin + qint64(i) * bucketNs; }
        // The bucket holding t, clamped to the level.
        size_t bucketOf(qint64 t) const;
    };

    // Catches up with what the model gained since the last call. Each lane checks that it
    // still is the lane it summed, so a new model needs no reset; a lane that is not starts
    // over. Lanes summed from scratch are a few per call; false while some wait their turn.
    bool update(const TraceModel& model);
    void reset() { m_lanes.clear(); }
    // The coarsest level whose buckets are at most `nsPerPixel` wide; an empty Level when the
    // lane has no summary or its finest buckets are wider than that.
    Level level(int lane, double nsPerPixel) const;
    // The level a step finer than `level` (halves of its buckets); empty below the finest.
    Level finer(const Level& level) const;

private:
    struct Pyramid
    {
        std::vector<Weights> weights;
        std::vector<qint32> marks;
    };
    struct LaneSums
    {
        bool active = false;
        qint64 origin = 0;
        qint64 bucketNs = 0;
        size_t spans = 0;
        qint64 spansEnd = LLONG_MIN;
        size_t instants = 0;
        // The first and last span and instant summed: a lane whose are not where they were
        // is not the lane summed (another model, an instant slipped in late).
        Span firstSpan;
        Span lastSpan;
        Instant firstInstant;
        Instant lastInstant;
        std::vector<Pyramid> levels; // [0] is the finest
        size_t dirtyFrom = 0; // first finest bucket changed since the coarser levels were made
    };

    static void rebuild(LaneSums& sums, const Lane& lane);
    // Adds what the lane gained; false (and nothing done) when it must start over.
    static bool catchUp(LaneSums& sums, const Lane& lane);
    // Makes room for t in the finest level, coarsening it as long as t would not fit.
    static void ensureBucket(LaneSums& sums, const Lane& lane, qint64 t);
    static void coarsen(LaneSums& sums, const Lane& lane);
    static void addSpan(LaneSums& sums, const Lane& lane, qint64 start, qint64 end, State state);
    static void addMark(LaneSums& sums, const Lane& lane, size_t index);
    // Brings the coarser levels up to date with the finest from its first changed bucket.
    static void deriveLevels(LaneSums& sums, const Lane& lane);
    Level levelAt(int lane, size_t depth) const;

    std::vector<LaneSums> m_lanes;
};

} // namespace Forkline
