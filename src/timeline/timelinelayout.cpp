// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinelayout.h"

#include "counterpainter.h"
#include "timelinestyle.h"
#include "tracemodel.h"

#include <QFontMetrics>
#include <QHash>
#include <QMultiHash>
#include <algorithm>
#include <climits>
#include <functional>

namespace Forkline {

QString TimelineLayout::laneTitle(const Lane& lane)
{
    if (!lane.label.isEmpty())
        return lane.label;
    if (!lane.name.isEmpty())
        return lane.name;
    return tr("thread");
}

QString TimelineLayout::laneSubtitle(const Lane& lane)
{
    return lane.label.isEmpty() || lane.label == lane.name ? QString() : lane.name;
}

QString TimelineLayout::processTitle(const ProcessInfo& process)
{
    QString s = tr("PID %1").arg(process.pid);
    if (!process.name.isEmpty())
        s += QStringLiteral(" · ") + process.name;
    if (process.ppid)
        s += QStringLiteral(" · ") + tr("parent %1").arg(process.ppid);
    return s;
}

namespace {
// When each process began, by its lanes' first events.
std::vector<qint64> processesBegan(const TraceModel& model)
{
    const auto& procs = model.processes();
    std::vector<qint64> began(procs.size(), LLONG_MAX);
    for (size_t i = 0; i < procs.size(); ++i) {
        for (int li : procs[i].lanes) {
            const Lane& l = model.lane(li);
            if (!l.spans.empty())
                began[i] = std::min(began[i], l.spans.front().start);
            if (!l.instants.empty())
                began[i] = std::min(began[i], l.instants.front().t);
            if (l.open)
                began[i] = std::min(began[i], l.openSince);
        }
    }
    return began;
}
} // namespace

size_t TimelineLayout::signature(const TraceModel& model, const QSet<qint64>& collapsed)
{
    size_t h = qHashMulti(0, model.laneCount(), model.processes().size(), model.counters().size());
    const std::vector<qint64> began = processesBegan(model);
    for (size_t i = 0; i < began.size(); ++i) {
        const ProcessInfo& p = model.processes()[i];
        h = qHashMulti(h, p.pid, p.ppid, began[i], p.lanes.size());
        for (int li : p.lanes)
            h = qHash(li, h);
    }
    for (const Lane& l : model.lanes())
        h = qHashMulti(h, l.pid, l.tid, l.name, l.label, l.daemon, l.nested.size());
    for (const CounterTrack& c : model.counters())
        h = qHashMulti(h, c.pid, c.name);
    // A set has no order of its own: combine its members so that any order gives the same.
    size_t folded = 0;
    for (qint64 pid : collapsed)
        folded += qHash(pid, 1);
    return qHashMulti(h, collapsed.size(), folded);
}

namespace {

// Children after their parent, so a process tree reads top-down like `ps f`.
std::vector<int> processOrder(const TraceModel& model)
{
    const auto& procs = model.processes();
    std::vector<int> order;
    order.reserve(procs.size());
    std::vector<bool> placed(procs.size(), false);
    // Siblings in the order they began (their events may arrive in another order).
    const std::vector<qint64> began = processesBegan(model);
    const auto earlier
        = [&](size_t a, size_t b) { return began[a] != began[b] ? began[a] < began[b] : procs[a].pid < procs[b].pid; };
    // A run of a thousand processes: children found by their parent's pid, not by a scan each.
    QMultiHash<qint64, size_t> byParent;
    for (size_t j = 0; j < procs.size(); ++j)
        byParent.insert(procs[j].ppid, j);
    std::function<void(size_t)> place = [&](size_t i) {
        placed[i] = true;
        order.push_back(int(i));
        std::vector<size_t> children;
        for (auto it = byParent.constFind(procs[i].pid); it != byParent.constEnd() && it.key() == procs[i].pid; ++it) {
            if (!placed[*it] && procs[*it].pid != procs[i].pid)
                children.push_back(*it);
        }
        std::sort(children.begin(), children.end(), earlier);
        for (size_t j : children) {
            if (!placed[j])
                place(j);
        }
    };
    for (size_t i = 0; i < procs.size(); ++i) {
        if (!placed[i] && !model.process(procs[i].ppid))
            place(i);
    }
    for (size_t i = 0; i < procs.size(); ++i) {
        if (!placed[i])
            place(i); // a cycle in foreign data: show it anyway
    }

    return order;
}

// Cores busy need only tell one core from two: a lane and a half, where memory gets two.
int counterHeight(const CounterTrack& track, const TimelineStyle& style)
{
    return CounterPainter::isCores(track) ? style.laneHeight * 3 / 2 : style.laneHeight * 2;
}

} // namespace

void TimelineLayout::build(const TraceModel& model, const TimelineStyle& style, const QSet<qint64>& collapsed)
{
    m_rows.clear();
    m_laneCenter.assign(size_t(model.laneCount()), -1);
    m_laneVisible.assign(size_t(model.laneCount()), false);

    const auto& procs = model.processes();
    const std::vector<int> order = processOrder(model);
    const QFontMetrics fm(style.font);
    const QFontMetrics small(style.smallFont);
    int widest = 0;
    int y = 0;
    // Counters of no process (the whole run's cores busy) lead: the run at a glance. With one
    // process it would repeat that process's own strip.
    const auto& counters = model.counters();
    const auto processTracks = std::count_if(counters.begin(), counters.end(),
        [&](const CounterTrack& c) { return CounterPainter::isCores(c) && model.process(c.pid); });
    for (size_t ci = 0; ci < counters.size(); ++ci) {
        if (model.process(counters[ci].pid) || (CounterPainter::isCores(counters[ci]) && processTracks < 2))
            continue;
        m_rows.push_back({ TimelineRow::Kind::Counter, int(ci), y, counterHeight(counters[ci], style) });
        y += m_rows.back().height + style.laneGap;
    }
    QHash<qint64, std::vector<size_t>> countersOf; // by pid, in the order of the model
    for (size_t ci = 0; ci < counters.size(); ++ci)
        countersOf[counters[ci].pid].push_back(ci);
    for (int pi : order) {
        const ProcessInfo& proc = procs[size_t(pi)];
        if (proc.lanes.empty() && proc.instants.empty())
            continue; // a process with marks of its own only still shows them on its header
        if (!m_rows.empty())
            y += style.groupGap;
        m_rows.push_back({ TimelineRow::Kind::Process, pi, y, style.headerHeight });
        const bool folded = collapsed.contains(proc.pid);
        for (int li : proc.lanes)
            m_laneCenter[size_t(li)] = y + style.headerHeight / 2.0;
        y += style.headerHeight;
        if (folded)
            continue;
        for (int li : proc.lanes) {
            y += style.laneGap;
            const Lane& lane = model.lane(li);
            const int levels = TraceModel::depthCount(lane);
            m_rows.push_back({ TimelineRow::Kind::Lane, li, y, style.laneHeight * levels, levels });
            m_laneCenter[size_t(li)] = y + style.laneHeight / 2.0;
            m_laneVisible[size_t(li)] = true;
            int w = fm.horizontalAdvance(laneTitle(lane));
            const QString sub = laneSubtitle(lane);
            if (!sub.isEmpty())
                w += style.padding + small.horizontalAdvance(sub);
            if (lane.daemon)
                w += style.padding + small.horizontalAdvance(tr("daemon"));
            w += 2 * style.padding + small.horizontalAdvance(tr("tid %1").arg(lane.tid));
            widest = std::max(widest, w);
            y += m_rows.back().height;
        }
        for (const size_t ci : countersOf.value(proc.pid)) {
            y += style.laneGap;
            m_rows.push_back({ TimelineRow::Kind::Counter, int(ci), y, counterHeight(counters[ci], style) });
            y += m_rows.back().height;
        }
    }
    m_height = y + style.laneGap;
    m_labelWidth = std::clamp(widest + 3 * style.padding, 150, style.presentation() ? 520 : 360);
}

int TimelineLayout::firstRowBelow(int y) const
{
    auto it
        = std::upper_bound(m_rows.begin(), m_rows.end(), y, [](int v, const TimelineRow& r) { return v < r.bottom(); });
    return int(it - m_rows.begin());
}

int TimelineLayout::rowAt(int y) const
{
    const int i = firstRowBelow(y);
    if (i < int(m_rows.size()) && m_rows[size_t(i)].y <= y)
        return i;
    return -1;
}

double TimelineLayout::laneCenter(int lane) const
{
    return lane >= 0 && size_t(lane) < m_laneCenter.size() ? m_laneCenter[size_t(lane)] : -1;
}

bool TimelineLayout::laneVisible(int lane) const
{
    return lane >= 0 && size_t(lane) < m_laneVisible.size() && m_laneVisible[size_t(lane)];
}

} // namespace Forkline
