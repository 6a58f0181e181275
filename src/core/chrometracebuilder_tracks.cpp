// SPDX-License-Identifier: GPL-3.0-or-later
// ChromeTraceBuilder: slices stacked by depth, the ids of an event (strings made tracks), async
// tracks, kept args.
#include "chrometracebuilder.h"

#include "chrometracebuilder_p.h"
#include "traceargs.h"

#include <algorithm>

namespace Forkline {

using namespace BuilderDetail;

namespace {

// Slices sorted by start (outer before inner at equal starts) -> one list per depth, each
// sorted and disjoint: a slice goes one level below the slices still open when it begins, as
// Perfetto stacks them. A slice that overlaps an open one without nesting in it still goes
// below it (neither is cut), and so does everything that begins before both have ended.
std::vector<std::vector<Span>> nest(const std::vector<Span>& slices, std::vector<qint32>* depths = nullptr)
{
    std::vector<std::vector<Span>> levels;
    std::vector<qint64> openEnds; // the ends of the slices open at each depth
    for (const Span& s : slices) {
        // Only the innermost open slices close here: an outer one that ended under a slice
        // overlapping it stays until that one closes, so no level ever holds two overlapping.
        while (!openEnds.empty() && openEnds.back() <= s.start)
            openEnds.pop_back();
        const size_t depth = openEnds.size();
        if (levels.size() <= depth)
            levels.resize(depth + 1);
        levels[depth].push_back(s);
        openEnds.push_back(s.end);
        if (depths)
            depths->push_back(qint32(depth));
    }
    return levels;
}

} // namespace

// Over 80 lines on purpose: the slices of a lane and, when some have args, where each went,
// in one pass over the order they are stacked in.
void ChromeTraceBuilder::nestLane(int lane)
{
    LaneWork& w = m_work[size_t(lane)];
    std::vector<Span> slices;
    slices.swap(w.slices);
    const size_t fileCount = slices.size();
    // A B without its E lasts to the end of the trace, as viewers show it.
    for (const qint32 index : w.open) {
        slices[size_t(index)].end = m_maxT;
        ++m_unclosed;
    }
    w.open = {};
    // Slices with args (or of more than one category) follow their slice through what comes:
    // `order` says which slice of the file each position holds, kept only for such lanes.
    const bool withArgs = !w.args.empty() || w.categories.size() > 1;
    std::vector<qint32> startCounts;
    for (int depth = 0; depth < TraceModel::depthCount(m_model.lane(lane)); ++depth)
        startCounts.push_back(qint32(TraceModel::spansAt(m_model.lane(lane), depth).size()));
    std::vector<qint32> order;
    if (withArgs) {
        order.resize(slices.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = qint32(i);
        size_t kept = 0;
        for (size_t i = 0; i < slices.size(); ++i) {
            if (slices[i].end == kDropped)
                continue;
            slices[kept] = slices[i];
            order[kept++] = qint32(i);
        }
        slices.resize(kept);
        order.resize(kept);
    } else {
        slices.erase(std::remove_if(slices.begin(), slices.end(), [](const Span& s) { return s.end == kDropped; }),
            slices.end());
    }
    bool flat = true;
    for (size_t i = 1; i < slices.size() && flat; ++i)
        flat = slices[i].start >= slices[i - 1].end;
    std::vector<Place> places; // by position in the file, for the args
    if (withArgs)
        places.assign(fileCount, Place { -1, -1 });
    if (flat) {
        m_model.lane(lane).spans.reserve(m_model.lane(lane).spans.size() + slices.size());
        const qint32 before = qint32(m_model.lane(lane).spans.size());
        for (size_t i = 0; i < slices.size(); ++i) {
            m_model.addSpan(lane, slices[i]);
            if (withArgs)
                places[size_t(order[i])] = { 0, before + qint32(i) };
        }
        addCategoryRuns(lane, places, startCounts);
        addSliceArgs(lane, places);
        return;
    }
    const auto before
        = [](const Span& a, const Span& b) { return a.start != b.start ? a.start < b.start : a.end > b.end; };
    // Tools write a lane outer slice first, in time order: most lanes need no sort.
    const bool inOrderAlready = std::is_sorted(slices.begin(), slices.end(), before);
    if (!inOrderAlready && withArgs) {
        std::vector<qint32> sorted(slices.size());
        for (size_t i = 0; i < sorted.size(); ++i)
            sorted[i] = qint32(i);
        std::stable_sort(sorted.begin(), sorted.end(),
            [&](qint32 a, qint32 b) { return before(slices[size_t(a)], slices[size_t(b)]); });
        std::vector<Span> inOrder(slices.size());
        std::vector<qint32> fileOrder(slices.size());
        for (size_t i = 0; i < sorted.size(); ++i) {
            inOrder[i] = slices[size_t(sorted[i])];
            fileOrder[i] = order[size_t(sorted[i])];
        }
        slices.swap(inOrder);
        order.swap(fileOrder);
    } else if (!inOrderAlready) {
        std::stable_sort(slices.begin(), slices.end(), before);
    }
    std::vector<qint32> depths;
    std::vector<std::vector<Span>> levels = nest(slices, withArgs ? &depths : nullptr);
    if (withArgs) {
        std::vector<qint32> counts(levels.size(), 0);
        for (size_t i = 0; i < depths.size(); ++i)
            places[size_t(order[i])] = { depths[i], counts[size_t(depths[i])]++ };
    }
    slices = {};
    Lane& target = m_model.lane(lane);
    if (target.nested.size() + 1 < levels.size())
        target.nested.resize(levels.size() - 1);
    for (size_t depth = 0; depth < levels.size(); ++depth) {
        // Room made once per depth, not by doubling as a million slices go in one by one; and
        // only as each depth's own list is let go, so memory does not hold both whole at once.
        std::vector<Span>& spans = depth == 0 ? target.spans : target.nested[depth - 1];
        spans.reserve(spans.size() + levels[depth].size());
        for (const Span& s : levels[depth])
            m_model.addNestedSpan(lane, int(depth), s);
        levels[depth] = {};
    }
    addCategoryRuns(lane, places, startCounts);
    addSliceArgs(lane, places);
}

void ChromeTraceBuilder::noteCategory(LaneWork& w, const RawTraceEvent& e)
{
    const std::string_view cat = e.cat.present ? e.cat.text : std::string_view();
    if (!w.categories.empty() && cat == w.lastCategory)
        return;
    w.lastCategory.assign(cat.data(), cat.size());
    w.categories.push_back({ qint32(w.slices.size()), m_model.internName(toQString(cat)) });
}

void ChromeTraceBuilder::addCategoryRuns(
    int lane, const std::vector<Place>& places, const std::vector<qint32>& startCounts)
{
    LaneWork& w = m_work[size_t(lane)];
    const auto add = [&](qint32 depth, qint32 index, qint32 category) {
        m_model.addCategoryRun(lane, depth, index, m_model.names().at(category));
    };
    const int depths = TraceModel::depthCount(m_model.lane(lane));
    const auto startOf = [&](int depth) { return depth < int(startCounts.size()) ? startCounts[size_t(depth)] : 0; };
    if (w.categories.size() == 1) {
        for (int depth = 0; depth < depths; ++depth)
            add(depth, startOf(depth), w.categories.front().second);
    } else if (!w.categories.empty()) {
        // Each placed slice takes the category of the latest change at or before it in the file.
        std::vector<CategoryRun> placed;
        size_t change = 0;
        for (size_t slice = 0; slice < places.size(); ++slice) {
            while (change + 1 < w.categories.size() && w.categories[change + 1].first <= qint32(slice))
                ++change;
            if (places[slice].depth >= 0)
                placed.push_back({ places[slice].depth, places[slice].index, w.categories[change].second });
        }
        std::sort(placed.begin(), placed.end(), [](const CategoryRun& a, const CategoryRun& b) {
            return a.depth != b.depth ? a.depth < b.depth : a.index < b.index;
        });
        for (const CategoryRun& r : placed)
            add(r.depth, r.index, r.category);
    }
    w.categories = {};
}

int ChromeTraceBuilder::asyncLane(const RawTraceEvent& e, qint64 pid)
{
    QByteArray key = QByteArray::number(pid);
    key.append('\0').append(rawKey(e.cat.text)).append('\0').append(rawKey(e.name.text));
    auto it = m_asyncLanes.constFind(key);
    if (it != m_asyncLanes.constEnd())
        return *it;
    // A made-up tid no thread has: the same string ids stand for string tids.
    const int lane = laneFor(pid, stringId(std::string("\x01async\x01") + key.toStdString()));
    Lane& l = m_model.lane(lane);
    l.name = toQString(e.name.text);
    if (l.name.isEmpty())
        l.name = toQString(e.cat.text);
    m_asyncLanes.insert(key, lane);
    return lane;
}

void ChromeTraceBuilder::async(const RawTraceEvent& e, char ph, qint64 pid)
{
    if (!e.id.valid) {
        ++m_skipped.unmatched; // nothing to pair it with
        return;
    }
    QByteArray key = QByteArray::number(pid);
    key.append('\0').append(rawKey(e.cat.text)).append('\0').append(QByteArray::number(e.id.value));
    const qint64 ts = e.ts.value;
    if (ph == 'b' || ph == 'S') {
        const int lane = asyncLane(e, pid);
        const SliceName n = sliceWithDetail(e);
        LaneWork& w = m_work[size_t(lane)];
        if (const qint32 args = keepArgs(e, false, n.name < -1); args >= 0)
            w.args.push_back({ qint32(w.slices.size()), args });
        noteCategory(w, e);
        m_asyncOpen[key].push_back(
            { lane, qint32(w.slices.size()), QByteArray(e.name.text.data(), qsizetype(e.name.text.size())) });
        w.slices.push_back({ ts, kOpen, n.state, n.name });
        noteTime(ts);
        return;
    }
    if (ph == 'e' || ph == 'F') {
        auto it = m_asyncOpen.find(key);
        if (it == m_asyncOpen.end() || it->empty()) {
            ++m_skipped.unmatched;
            return;
        }
        // The latest begin of that name; an end without a name closes the latest one.
        std::vector<OpenAsync>& open = *it;
        auto match = open.end() - 1;
        if (!e.name.text.empty()) {
            auto named = std::find_if(
                open.rbegin(), open.rend(), [&](const OpenAsync& o) { return o.name == rawKey(e.name.text); });
            if (named == open.rend()) {
                ++m_skipped.unmatched;
                return;
            }
            match = std::prev(named.base());
        }
        Span& s = m_work[size_t(match->lane)].slices[size_t(match->slice)];
        open.erase(match);
        endSlice(s, ts);
        return;
    }
    instant(e, asyncLane(e, pid)); // n, and the steps T and p of the older kind
}

void ChromeTraceBuilder::endSlice(Span& s, qint64 ts)
{
    if (ts < s.start) {
        s.end = kDropped; // an end before its beginning drops the slice
        ++m_skipped.badTime;
        return;
    }
    s.end = ts;
    noteTime(ts);
}

void ChromeTraceBuilder::closeAsync()
{
    // A begin without its end lasts to the end of the trace, like a B without its E.
    for (const std::vector<OpenAsync>& open : std::as_const(m_asyncOpen)) {
        for (const OpenAsync& o : open) {
            m_work[size_t(o.lane)].slices[size_t(o.slice)].end = m_maxT;
            ++m_unclosed;
        }
    }
    m_asyncOpen = {};
}

qint64 ChromeTraceBuilder::stringId(const std::string& text)
{
    // Made-up ids far below any a system hands out, one per distinct string, small enough that
    // a double holds them (JavaScript readers, QJsonDocument): written out, they read back.
    constexpr qint64 kFirstMadeUpId = -1000000000000LL;
    const QString key = QString::fromStdString(text);
    auto it = m_stringIds.constFind(key);
    if (it != m_stringIds.constEnd())
        return *it;
    const qint64 id = kFirstMadeUpId - qint64(m_stringIds.size());
    m_stringIds.insert(key, id);
    return id;
}

bool ChromeTraceBuilder::ids(const RawTraceEvent& e, qint64* pid, qint64* tid)
{
    std::string text;
    if (e.pid.valid) {
        *pid = e.pid.value;
    } else if (e.pid.present && stringMember(e.raw, "pid", &text)) {
        *pid = stringId(text);
        ProcessInfo& p = m_model.ensureProcess(*pid);
        if (p.name.isEmpty())
            p.name = QString::fromStdString(text);
    } else {
        return false;
    }
    if (!e.tid.present) {
        *tid = *pid;
    } else if (e.tid.valid) {
        *tid = e.tid.value;
    } else if (stringMember(e.raw, "tid", &text)) {
        *tid = stringId(text);
        if (m_model.laneIndex(*pid, *tid) < 0)
            m_stringLaneNames.insert({ *pid, *tid }, QString::fromStdString(text));
    } else {
        return false;
    }
    return true;
}

void ChromeTraceBuilder::addSliceArgs(int lane, const std::vector<Place>& places)
{
    LaneWork& w = m_work[size_t(lane)];
    if (w.args.empty())
        return;
    std::vector<std::pair<Place, qint32>> placed;
    placed.reserve(w.args.size());
    for (const auto& [slice, args] : w.args) {
        const Place p = places[size_t(slice)];
        if (p.depth >= 0) // not a dropped slice
            placed.push_back({ p, args });
    }
    std::sort(placed.begin(), placed.end(), [](const auto& a, const auto& b) {
        return a.first.depth != b.first.depth ? a.first.depth < b.first.depth : a.first.index < b.first.index;
    });
    for (const auto& [p, args] : placed) {
        const auto& [offset, length] = m_args[size_t(args)];
        m_model.addSpanArgs(lane, p.depth, p.index, std::string_view(m_argsText).substr(offset, length));
    }
    w.args = {};
}

ChromeTraceBuilder::SliceName ChromeTraceBuilder::sliceWithDetail(const RawTraceEvent& e)
{
    SliceName n = sliceName(e.name.text);
    // A state's detail is ours only on a slice named by its state: on any other it stays one
    // of the slice's own args.
    if (n.name >= 0 || !e.detail.present || e.detail.text.empty())
        return n;
    n.name
        = Span::detailRef(m_model.internName(QString::fromUtf8(e.detail.text.data(), qsizetype(e.detail.text.size()))));
    return n;
}

qint32 ChromeTraceBuilder::keepArgs(const RawTraceEvent& e, bool instant, bool detailKept)
{
    if (!e.hasArgs || e.raw.empty())
        return -1;
    // What Forkline reads itself goes back out from the model: our lane description (on the
    // events that carry it), an instant's text and code, the line of code behind an event.
    const bool codeKept = instant && e.code.valid;
    const bool lane = e.worker.present;
    const bool text = instant && e.text.present;
    const bool source = hasSource(e);
    const std::string members = otherArgs(e.raw, [&](std::string_view key) {
        if (lane && isLaneArgKey(key))
            return true;
        if (source && (key == "file" || key == "line"))
            return true;
        if (detailKept && key == "detail")
            return true;
        return (text && key == "text") || (codeKept && key == "code");
    });
    if (members.empty())
        return -1;
    m_args.push_back({ m_argsText.size(), members.size() });
    m_argsText.append(members);
    return qint32(m_args.size() - 1);
}

} // namespace Forkline
