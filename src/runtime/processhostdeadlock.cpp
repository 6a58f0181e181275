// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform.h"
#include "processhost.h"
#include "processhost_p.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <unordered_set>

namespace Forkline {

using namespace ProcessHostPrivate;

void ProcessHost::beginWait(const Flow& flow, Wait wait)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_waits[flow.tid] = std::move(wait);
    }
    checkDeadlock(flow.tid);
}

void ProcessHost::endWait(const Flow& flow)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_waits.erase(flow.tid);
}

std::vector<qint64> ProcessHost::findWaitCycle(qint64 start, std::vector<QString>* whys)
{
    struct Edge
    {
        qint64 to = 0;
        QString why;
    };
    // Who a waiter waits for now: a join's thread while it runs, a lock's holder. Only
    // waiters can be in a cycle, so a target that waits for nothing ends the path.
    const auto edges = [this](qint64 tid) {
        std::vector<Edge> out;
        const auto it = m_waits.find(tid);
        if (it == m_waits.end())
            return out;
        const Wait& w = it->second;
        if (!w.lock.isEmpty()) {
            if (const qint64 owner = m_locks.owner(w.lock))
                out.push_back({ owner, tr("lock %1").arg(w.lock) });
            return out;
        }
        const QString why = w.atExit ? tr("exit") : tr("join");
        for (int i : w.workers) {
            const WorkerState& ws = m_workers[size_t(i)];
            if (!ws.isProcess && ws.phase == WorkerState::Running && ws.tid != 0)
                out.push_back({ ws.tid, why });
        }
        return out;
    };
    // A join waits for every target, so any cycle is a deadlock; the new wait is the only
    // edge that can have closed one, so the cycle runs through `start`.
    std::vector<qint64> path { start };
    std::vector<QString> pathWhy;
    std::unordered_set<qint64> seen; // a wait at exit may name 10,000 threads
    const std::function<bool(qint64)> search = [&](qint64 tid) {
        for (const Edge& e : edges(tid)) {
            if (e.to == start) {
                pathWhy.push_back(e.why);
                return true;
            }
            if (!seen.insert(e.to).second)
                continue;
            path.push_back(e.to);
            pathWhy.push_back(e.why);
            if (search(e.to))
                return true;
            path.pop_back();
            pathWhy.pop_back();
        }
        return false;
    };
    if (!search(start))
        return {};
    // Read from the thread started first (main before its workers), whichever wait closed it.
    const auto order
        = [this](qint64 tid) { return tid == m_mainTid ? -1 : m_config.scenario.workerIndex(m_waits[tid].who); };
    const auto first
        = std::min_element(path.begin(), path.end(), [&](qint64 a, qint64 b) { return order(a) < order(b); });
    const auto shift = first - path.begin();
    std::rotate(path.begin(), first, path.end());
    std::rotate(pathWhy.begin(), pathWhy.begin() + shift, pathWhy.end());
    *whys = pathWhy;
    return path;
}

void ProcessHost::checkDeadlock(qint64 start)
{
    std::vector<qint64> cycle;
    std::vector<QString> whys;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_aborting)
            return;
        cycle = findWaitCycle(start, &whys);
        if (cycle.empty())
            return;
        for (qint64 tid : cycle) {
            if (std::find(m_deadlocked.begin(), m_deadlocked.end(), tid) != m_deadlocked.end())
                return;
        }
        m_deadlocked.insert(m_deadlocked.end(), cycle.begin(), cycle.end());
        for (size_t i = 0; i < cycle.size(); ++i) {
            const qint64 next = cycle[(i + 1) % cycle.size()];
            whys[i] = tr("%1 waits for %2 (%3)").arg(m_waits[cycle[i]].who, m_waits[next].who, whys[i]);
        }
    }
    QStringList parts;
    for (const QString& s : whys)
        parts.append(s);
    const QString message = parts.join(QStringLiteral(", "));
    const qint64 t = monotonicNs();
    // The lanes stay open in their new state: nothing ends them but the user's Stop.
    for (qint64 tid : cycle) {
        Flow lane;
        lane.pid = m_pid;
        lane.tid = tid;
        emitState(lane, State::Deadlocked, t);
        emitInstant(lane, InstantKind::Deadlocked, message, 0, t);
    }
    std::lock_guard<std::mutex> lock(m_emitMutex);
    const QByteArray line = (tr("Deadlock: %1").arg(message) + QLatin1Char('\n')).toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace Forkline
