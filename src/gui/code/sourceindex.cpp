// SPDX-License-Identifier: GPL-3.0-or-later
#include "code/sourceindex.h"

#include "tracemodel.h"

#include <algorithm>

namespace Forkline {

SourceIndex::SourceIndex(const TraceModel& model, qint32 file)
    : m_model(model)
    , m_file(file)
{ }

int SourceIndex::lineAt(int lane, qint64 t) const
{
    if (m_file < 0 || lane < 0 || lane >= m_model.laneCount())
        return 0;
    const std::vector<SourcePoint>& points = m_model.lane(lane).sources;
    auto it = std::upper_bound(points.begin(), points.end(), t, [](qint64 v, const SourcePoint& p) { return v < p.t; });
    // The last of this file's points up to t: a call into a module of the program's own
    // (another file) leaves the thread on the line that made the call.
    while (it != points.begin()) {
        --it;
        if (it->file == m_file)
            return it->line;
    }
    return 0;
}

int SourceIndex::lineOf(const TimelineHit& hit) const
{
    if (hit.kind == TimelineHit::Kind::Instant)
        return lineAt(hit.lane, hit.instant.t);
    if (hit.kind == TimelineHit::Kind::Span)
        return lineAt(hit.lane, hit.span.start);
    return 0;
}

TimelineHit SourceIndex::hitAt(const TraceModel& model, int lane, qint64 t)
{
    TimelineHit hit;
    if (lane < 0 || lane >= model.laneCount())
        return hit;
    const Lane& l = model.lane(lane);
    hit.lane = lane;
    hit.t = t;
    const auto mark
        = std::lower_bound(l.instants.begin(), l.instants.end(), t, [](const Instant& i, qint64 v) { return i.t < v; });
    if (mark != l.instants.end() && mark->t == t) {
        hit.kind = TimelineHit::Kind::Instant;
        hit.instant = *mark;
        return hit;
    }
    const size_t s = TraceModel::firstSpanEndingAfter(l, t);
    if (s < l.spans.size() && l.spans[s].start <= t) {
        hit.kind = TimelineHit::Kind::Span;
        hit.span = l.spans[s];
        return hit;
    }
    if (l.open && t >= l.openSince) {
        hit.kind = TimelineHit::Kind::Span;
        hit.span = Span { l.openSince, model.endTime(), l.openState, l.openName };
        hit.openSpan = true;
        return hit;
    }
    hit.kind = TimelineHit::Kind::None;
    return hit;
}

std::vector<TimelineHit> SourceIndex::eventsAt(int line) const
{
    std::vector<TimelineHit> hits;
    if (m_file < 0)
        return hits;
    for (int lane = 0; lane < m_model.laneCount(); ++lane) {
        for (const SourcePoint& p : m_model.lane(lane).sources) {
            if (p.file != m_file || p.line != line)
                continue;
            const TimelineHit hit = hitAt(m_model, lane, p.t);
            if (hit.kind == TimelineHit::Kind::None)
                continue;
            // A state and a mark at one moment (a print's) make one hit, not two.
            const bool same = !hits.empty() && hits.back().lane == lane && hits.back().kind == hit.kind
                && (hit.kind == TimelineHit::Kind::Instant ? hits.back().instant.t == hit.instant.t
                                                           : hits.back().span.start == hit.span.start);
            // A call that waits reports its line twice, going in and coming out: the box after
            // it (running again) is where the thread went on, not what the line made.
            const bool resumed = !hits.empty() && hits.back().lane == lane && hit.kind == TimelineHit::Kind::Span
                && hits.back().kind == TimelineHit::Kind::Span && !hits.back().openSpan
                && hits.back().span.end == hit.span.start;
            if (!same && !resumed)
                hits.push_back(hit);
        }
    }
    return hits;
}

} // namespace Forkline
