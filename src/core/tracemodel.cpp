// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracemodel.h"

#include <algorithm>
#include <limits>

namespace Forkline {

namespace {
// The item `key` indexes in `items`, appended (as `make` builds it) when it is new.
template <typename T, typename Make>
T& findOrAppend(QHash<qint64, int>& index, std::vector<T>& items, qint64 key, Make make)
{
    auto it = index.constFind(key);
    if (it != index.constEnd())
        return items[size_t(*it)];
    index.insert(key, int(items.size()));
    items.push_back(make());
    return items.back();
}

// The latest moment a lane has accounted for: where its open span began, else where its last
// span ended, and for a lane that ended, its last mark.
qint64 latestTime(const Lane& l)
{
    qint64 latest = std::numeric_limits<qint64>::min();
    if (l.open)
        latest = l.openSince;
    else if (!l.spans.empty())
        latest = l.spans.back().end;
    if (l.ended && !l.instants.empty())
        latest = std::max(latest, l.instants.back().t);
    return latest;
}
} // namespace

int TraceModel::laneIndex(qint64 pid, qint64 tid) const
{
    return m_laneByIds.value({ pid, tid }, -1);
}

ProcessInfo& TraceModel::ensureProcess(qint64 pid)
{
    return findOrAppend(m_processByPid, m_processes, pid, [pid] {
        ProcessInfo info;
        info.pid = pid;
        return info;
    });
}

void TraceModel::sortProcesses(const std::function<bool(const ProcessInfo&, const ProcessInfo&)>& before)
{
    std::stable_sort(m_processes.begin(), m_processes.end(), before);
    m_processByPid.clear();
    for (size_t i = 0; i < m_processes.size(); ++i)
        m_processByPid.insert(m_processes[i].pid, int(i));
}

const ProcessInfo* TraceModel::process(qint64 pid) const
{
    auto it = m_processByPid.constFind(pid);
    return it == m_processByPid.constEnd() ? nullptr : &m_processes[size_t(*it)];
}

int TraceModel::ensureLane(qint64 pid, qint64 tid)
{
    const int existing = laneIndex(pid, tid);
    if (existing >= 0)
        return existing;
    const int index = int(m_lanes.size());
    Lane lane;
    lane.pid = pid;
    lane.tid = tid;
    m_lanes.push_back(std::move(lane));
    m_laneByIds.insert({ pid, tid }, index);
    ensureProcess(pid).lanes.push_back(index);
    return index;
}

int TraceModel::mainLane(qint64 pid) const
{
    const ProcessInfo* proc = process(pid);
    if (!proc || proc->lanes.empty())
        return -1;
    const int first = proc->lanes.front();
    return lane(first).kind == LaneKind::Process ? first : -1;
}

void TraceModel::setMainLane(int index)
{
    Lane& l = lane(index);
    l.kind = LaneKind::Process;
    // A process's main thread leads its group even when a worker thread reported first. It has
    // one: a lane made main earlier (a placeholder, or a guess) is a thread from now on.
    std::vector<int>& lanes = ensureProcess(l.pid).lanes;
    for (int other : lanes) {
        if (other != index && m_lanes[size_t(other)].kind == LaneKind::Process)
            m_lanes[size_t(other)].kind = LaneKind::Thread;
    }
    const auto it = std::find(lanes.begin(), lanes.end(), index);
    if (it != lanes.end())
        std::rotate(lanes.begin(), it, it + 1);
}

int TraceModel::ensureMainLane(qint64 pid, qint64 tid)
{
    const int known = mainLane(pid);
    if (known >= 0 && (tid == 0 || lane(known).tid == tid))
        return known;
    if (tid != 0 && laneIndex(pid, tid) < 0 && known >= 0 && lane(known).tid == 0) {
        // Made by a report that did not know the id: the process has now told it.
        m_laneByIds.remove({ pid, 0 });
        m_laneByIds.insert({ pid, tid }, known);
        lane(known).tid = tid;
        return known;
    }
    const int index = ensureLane(pid, tid);
    setMainLane(index);
    return index;
}

void TraceModel::noteTime(qint64 t)
{
    if (!m_anyTime) {
        m_minT = m_maxT = t;
        m_anyTime = true;
        return;
    }
    m_minT = std::min(m_minT, t);
    m_maxT = std::max(m_maxT, t);
}

void TraceModel::setState(int index, qint64 t, State s, const QString& detail)
{
    Lane& l = lane(index);
    noteTime(t);
    const qint32 name = detail.isEmpty() ? -1 : Span::detailRef(internName(detail));
    if (l.ended && !l.open && settleLateState(l, t, s, name))
        return;
    // One thread reports its lane's events in order, but a process's end may also come from
    // its parent, on another socket, ahead of the child's last events. A state from before
    // the lane's latest moment is dropped (as a late counter sample is): spans stay sorted and
    // disjoint, and a lane that ended is not reopened by what it did before its end (what it
    // did in the time before its end was placed there by settleLateState above).
    if (t < latestTime(l))
        return;
    if (l.open && l.openState == s && l.openName == name)
        return;
    if (l.open && t > l.openSince) {
        l.spans.push_back({ l.openSince, t, l.openState, l.openName });
        ++m_spanCount;
    }
    l.open = true;
    l.openState = s;
    l.openName = name;
    l.openSince = t;
    l.ended = false;
}

bool TraceModel::settleLateState(Lane& l, qint64 t, State s, qint32 name)
{
    // The lane's end came from another process (a parent saw its child killed) before the
    // child's own last reports, which happened earlier: they fill in the time before the end
    // rather than reopen the lane.
    qint64 endT = -1;
    for (auto it = l.instants.rbegin(); it != l.instants.rend(); ++it) {
        if (isTerminal(it->kind)) {
            endT = it->t;
            break;
        }
    }
    if (endT < 0 || t >= endT)
        return false;
    if (l.spans.empty() || l.spans.back().end <= t) {
        l.spans.push_back({ t, endT, s, name });
        ++m_spanCount;
        return true;
    }
    Span& last = l.spans.back();
    if (t < last.start || last.state == s)
        return true; // older than what is known: nothing to place it in
    if (t == last.start) {
        last.state = s;
        last.name = name;
        return true;
    }
    const Span tail { t, last.end, s, name };
    last.end = t;
    l.spans.push_back(tail);
    ++m_spanCount;
    return true;
}

void TraceModel::overlayRunning(int index, const std::vector<std::pair<qint64, qint64>>& stretches, State state)
{
    Lane& l = lane(index);
    if (stretches.empty())
        return;
    std::vector<Span> out;
    out.reserve(l.spans.size() + 2 * stretches.size());
    size_t k = 0;
    for (const Span& sp : l.spans) {
        if (sp.state != State::Running) {
            out.push_back(sp);
            continue;
        }
        qint64 at = sp.start;
        while (k < stretches.size() && stretches[k].second <= at)
            ++k;
        for (size_t j = k; j < stretches.size() && stretches[j].first < sp.end; ++j) {
            const qint64 from = std::max(at, stretches[j].first);
            const qint64 to = std::min(sp.end, stretches[j].second);
            if (to <= from)
                continue;
            if (from > at)
                out.push_back({ at, from, State::Running, sp.name });
            out.push_back({ from, to, state, -1 });
            at = to;
        }
        if (at < sp.end)
            out.push_back({ at, sp.end, State::Running, sp.name });
    }
    m_spanCount += qint64(out.size()) - qint64(l.spans.size());
    l.spans = std::move(out);
}

void TraceModel::addSpan(int index, const Span& span)
{
    Lane& l = lane(index);
    noteTime(span.start);
    noteTime(span.end);
    l.spans.push_back(span);
    ++m_spanCount;
}

void TraceModel::addNestedSpan(int index, int depth, const Span& span)
{
    if (depth <= 0) {
        addSpan(index, span);
        return;
    }
    Lane& l = lane(index);
    noteTime(span.start);
    noteTime(span.end);
    if (l.nested.size() < size_t(depth))
        l.nested.resize(size_t(depth));
    l.nested[size_t(depth - 1)].push_back(span);
    ++m_spanCount;
}

qint64 TraceModel::spanIndex(const Lane& lane, int depth, const Span& span)
{
    const std::vector<Span>& spans = spansAt(lane, depth);
    auto it
        = std::lower_bound(spans.begin(), spans.end(), span.start, [](const Span& s, qint64 v) { return s.start < v; });
    for (; it != spans.end() && it->start == span.start; ++it) {
        if (it->end == span.end && it->name == span.name && it->state == span.state)
            return qint64(it - spans.begin());
    }
    return -1;
}

const std::vector<Span>& TraceModel::spansAt(const Lane& lane, int depth)
{
    static const std::vector<Span> none;
    if (depth <= 0)
        return lane.spans;
    return size_t(depth) <= lane.nested.size() ? lane.nested[size_t(depth - 1)] : none;
}

namespace {
Instant makeInstant(QStringList& texts, qint64 t, InstantKind kind, const QString& text, qint32 code, qint32 name)
{
    Instant in;
    in.t = t;
    in.kind = kind;
    in.code = code;
    in.name = name;
    if (!text.isNull()) {
        in.text = int(texts.size());
        texts.append(text);
    }
    return in;
}
} // namespace

void TraceModel::addProcessInstant(
    qint64 pid, qint64 t, InstantKind kind, const QString& text, qint32 code, qint32 name)
{
    noteTime(t);
    ensureProcess(pid).instants.push_back(makeInstant(m_texts, t, kind, text, code, name));
}

void TraceModel::addGlobalInstant(qint64 t, InstantKind kind, const QString& text, qint32 code, qint32 name)
{
    noteTime(t);
    m_globalInstants.push_back(makeInstant(m_texts, t, kind, text, code, name));
}

void TraceModel::addInstant(int index, qint64 t, InstantKind kind, const QString& text, qint32 code, qint32 name)
{
    Lane& l = lane(index);
    noteTime(t);
    const Instant in = makeInstant(m_texts, t, kind, text, code, name);
    // Events of one lane arrive in order; keep the vector sorted if a late one slips in.
    if (l.instants.empty() || l.instants.back().t <= t) {
        l.instants.push_back(in);
    } else {
        const auto at = std::upper_bound(
            l.instants.begin(), l.instants.end(), t, [](qint64 v, const Instant& i) { return v < i.t; });
        const qint64 position = at - l.instants.begin();
        l.instants.insert(at, in);
        // Args stay with the instants they belong to.
        for (EventArgs& a : l.instantArgs) {
            if (a.index >= position)
                ++a.index;
        }
    }
    if (kind == InstantKind::Print)
        m_prints.push_back({ index, t, in.text });
    if (isTerminal(kind)) {
        if (l.open && t > l.openSince) {
            l.spans.push_back({ l.openSince, t, l.openState, l.openName });
            ++m_spanCount;
        }
        l.open = false;
        l.ended = true;
    }
}

qint32 TraceModel::internName(const QString& name)
{
    auto it = m_nameIndex.constFind(name);
    if (it != m_nameIndex.constEnd())
        return *it;
    const qint32 index = qint32(m_names.size());
    m_names.append(name);
    m_nameIndex.insert(name, index);
    return index;
}

QString TraceModel::nameOf(const Span& span) const
{
    return span.name >= 0 ? m_names.at(span.name) : stateName(span.state);
}

QString TraceModel::detailOf(const Span& span) const
{
    return span.detail() >= 0 ? m_names.at(span.detail()) : QString();
}

QString TraceModel::nameOf(const Instant& instant) const
{
    return instant.name >= 0 ? m_names.at(instant.name) : instantName(instant.kind);
}

Flow& TraceModel::flowWithId(qint64 id, FlowKind kind)
{
    return findOrAppend(m_flowById, m_flows, id, [id, kind] {
        Flow f;
        f.id = id;
        f.kind = kind;
        return f;
    });
}

void TraceModel::flowFrom(qint64 id, FlowKind kind, int lane, qint64 t)
{
    setFlowEnd(id, kind, &Flow::fromLane, lane, &Flow::fromT, t);
}

void TraceModel::flowTo(qint64 id, FlowKind kind, int lane, qint64 t)
{
    setFlowEnd(id, kind, &Flow::toLane, lane, &Flow::toT, t);
}

void TraceModel::setFlowEnd(qint64 id, FlowKind kind, int Flow::*laneEnd, int lane, qint64 Flow::*timeEnd, qint64 t)
{
    noteTime(t);
    Flow& f = flowWithId(id, kind);
    f.*laneEnd = lane;
    f.*timeEnd = t;
}

void TraceModel::addCounter(qint64 pid, const QString& name, const QString& unit, qint64 t, double value)
{
    noteTime(t);
    // Found through the index: a trace with tens of thousands of tracks would otherwise pay
    // a search through all of them for every sample.
    const QPair<qint64, QString> key(pid, name);
    auto found = m_counterByKey.constFind(key);
    if (found == m_counterByKey.constEnd()) {
        CounterTrack track;
        track.pid = pid;
        track.name = name;
        track.unit = unit;
        found = m_counterByKey.insert(key, int(m_counters.size()));
        m_counters.push_back(std::move(track));
    }
    CounterTrack& track = m_counters[size_t(*found)];
    if (!track.samples.empty() && track.samples.back().t > t)
        return; // samples of one process arrive in order; a stray late one is dropped
    track.samples.push_back({ t, value });
}

void TraceModel::closeAll(qint64 t)
{
    noteTime(t);
    for (Lane& l : m_lanes) {
        if (!l.open)
            continue;
        if (t > l.openSince) {
            l.spans.push_back({ l.openSince, t, l.openState, l.openName });
            ++m_spanCount;
        }
        l.open = false;
    }
}

size_t TraceModel::firstSpanEndingAfter(const Lane& lane, qint64 t)
{
    return firstSpanEndingAfter(lane.spans, t);
}

size_t TraceModel::firstSpanEndingAfter(const std::vector<Span>& spans, qint64 t)
{
    auto it = std::upper_bound(spans.begin(), spans.end(), t, [](qint64 v, const Span& s) { return v < s.end; });
    return size_t(it - spans.begin());
}

void TraceModel::addSource(int lane, qint64 t, const QString& file, qint32 line)
{
    auto it = m_sourceFileIndex.constFind(file);
    if (it == m_sourceFileIndex.constEnd()) {
        it = m_sourceFileIndex.insert(file, qint32(m_sourceFiles.size()));
        m_sourceFiles << file;
    }
    std::vector<SourcePoint>& points = m_lanes[size_t(lane)].sources;
    const SourcePoint point { t, *it, line };
    // Events of a lane come in time order but for the odd late one: keep the order.
    if (points.empty() || points.back().t <= t) {
        points.push_back(point);
        return;
    }
    const auto at = std::upper_bound(
        points.begin(), points.end(), t, [](qint64 value, const SourcePoint& p) { return value < p.t; });
    points.insert(at, point);
}

} // namespace Forkline
