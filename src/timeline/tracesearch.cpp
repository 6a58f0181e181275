// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracesearch.h"

#include <algorithm>

namespace Forkline {

namespace {

// Whether each name of the model (and each state's and kind's) matches, worked out once: a
// million spans share a handful of names.
class NameMatcher
{
public:
    NameMatcher(const TraceModel& model, const QString& text)
        : m_text(text)
    {
        m_names.reserve(size_t(model.names().size()));
        for (const QString& name : model.names())
            m_names.push_back(name.contains(text, Qt::CaseInsensitive));
    }

    bool span(const Span& s)
    {
        return s.name >= 0 ? m_names[size_t(s.name)] : cached(m_states, int(s.state), stateName(s.state));
    }
    bool instant(const Instant& in)
    {
        return in.name >= 0 ? m_names[size_t(in.name)] : cached(m_kinds, int(in.kind), instantName(in.kind));
    }

private:
    bool cached(std::vector<int>& memo, int index, const QString& name)
    {
        if (memo.size() <= size_t(index))
            memo.resize(size_t(index) + 1, -1);
        if (memo[size_t(index)] < 0)
            memo[size_t(index)] = name.contains(m_text, Qt::CaseInsensitive) ? 1 : 0;
        return memo[size_t(index)] == 1;
    }

    QString m_text;
    std::vector<bool> m_names;
    std::vector<int> m_states;
    std::vector<int> m_kinds;
};

qint64 timeOf(const TimelineHit& hit)
{
    return hit.kind == TimelineHit::Kind::Span ? hit.span.start : hit.instant.t;
}

} // namespace

std::vector<TimelineHit> TraceSearch::find(const TraceModel& model, const QString& text)
{
    std::vector<TimelineHit> out;
    if (text.isEmpty())
        return out;
    NameMatcher matches(model, text);
    for (int li = 0; li < model.laneCount() && out.size() < kMaxMatches; ++li) {
        const Lane& lane = model.lane(li);
        for (int depth = 0; depth < TraceModel::depthCount(lane); ++depth) {
            for (const Span& s : TraceModel::spansAt(lane, depth)) {
                if (!matches.span(s))
                    continue;
                TimelineHit hit;
                hit.kind = TimelineHit::Kind::Span;
                hit.lane = li;
                hit.span = s;
                hit.depth = depth;
                out.push_back(hit);
            }
        }
        for (const Instant& in : lane.instants) {
            if (!matches.instant(in))
                continue;
            TimelineHit hit;
            hit.kind = TimelineHit::Kind::Instant;
            hit.lane = li;
            hit.instant = in;
            out.push_back(hit);
        }
    }
    if (out.size() > kMaxMatches)
        out.resize(kMaxMatches);
    std::stable_sort(out.begin(), out.end(), [](const TimelineHit& a, const TimelineHit& b) {
        return timeOf(a) != timeOf(b) ? timeOf(a) < timeOf(b) : a.lane < b.lane;
    });
    return out;
}

} // namespace Forkline
