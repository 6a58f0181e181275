// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracesearch.h"

#include "spanlabel.h"

#include <algorithm>
#include <array>

namespace Forkline {

namespace {

// Whether each name of the model (and each state's and kind's, and each state's words about a
// detail) matches, worked out once: a million spans share a handful of names and details.
class NameMatcher
{
public:
    NameMatcher(const TraceModel& model, const QString& text)
        : m_model(model)
        , m_text(text)
    {
        m_names.reserve(size_t(model.names().size()));
        for (const QString& name : model.names())
            m_names.push_back(name.contains(text, Qt::CaseInsensitive));
    }

    bool span(const Span& s)
    {
        if (s.name >= 0)
            return m_names[size_t(s.name)];
        if (cached(m_states, int(s.state), [&] { return stateName(s.state); }))
            return true;
        // What the box says: the state's words about its detail ("sleep 1 s", "join th1"), in
        // the window's language, or the state's label when there is no detail.
        std::vector<int>& words = m_words[size_t(s.state)];
        return cached(words, s.detail() + 1, [&] { return SpanLabel::of(m_model, s); });
    }
    bool instant(const Instant& in)
    {
        return in.name >= 0 ? m_names[size_t(in.name)]
                            : cached(m_kinds, int(in.kind), [&] { return instantName(in.kind); });
    }

private:
    template <typename Name> bool cached(std::vector<int>& memo, int index, const Name& name)
    {
        if (memo.size() <= size_t(index))
            memo.resize(size_t(index) + 1, -1);
        if (memo[size_t(index)] < 0)
            memo[size_t(index)] = name().contains(m_text, Qt::CaseInsensitive) ? 1 : 0;
        return memo[size_t(index)] == 1;
    }

    const TraceModel& m_model;
    QString m_text;
    std::vector<bool> m_names;
    std::vector<int> m_states;
    std::vector<int> m_kinds;
    // Per state, by detail + 1 (0: none).
    std::array<std::vector<int>, size_t(State::Count)> m_words;
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
