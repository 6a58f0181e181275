// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform.h"
#include "processhost.h"
#include "processhost_p.h"

#include "scenariochannels.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <set>

namespace Forkline {

using namespace ProcessHostPrivate;

void ProcessHost::beginWaitOf(qint64 tid, Wait wait)
{
    wait.since = monotonicNs();
    // A process worker's own waits (not those served by the runner) are the runner's to see
    // too, once they last.
    if (!m_config.queueServer.isEmpty() && wait.pid == 0 && wait.queue.isEmpty() && !wait.forwarded) {
        std::call_once(m_forwarderOnce, [this] {
            m_forwarder = std::make_unique<WaitForwarder>(
                m_config.queueServer, m_pid, [this](WaitForwarder& f) { forwardLongWaits(f); });
        });
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_waits.count(tid))
            dropWaitLocked(tid);
        m_waitingByName.insert(wait.who, tid);
        m_waits[tid] = std::move(wait);
    }
    checkDeadlock(tid);
}

void ProcessHost::endWaitOf(qint64 tid)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    dropWaitLocked(tid);
}

void ProcessHost::dropWaitLocked(qint64 tid)
{
    const auto it = m_waits.find(tid);
    if (it == m_waits.end())
        return;
    if (m_waitingByName.value(it->second.who) == tid)
        m_waitingByName.remove(it->second.who);
    if (it->second.sentAs && m_forwarder)
        m_forwarder->post({ false, tid, it->second.sentAs, {}, {}, {} });
    m_waits.erase(it);
}

void ProcessHost::forwardLongWaits(WaitForwarder& forwarder)
{
    const qint64 now = monotonicNs();
    std::lock_guard<std::mutex> lock(m_mutex);
    for (auto& [tid, w] : m_waits) {
        if (w.pid != 0 || !w.queue.isEmpty() || w.forwarded || now - w.since < WaitForwarder::kAfterNs)
            continue;
        // Whom it waits for now, by the names the runner knows them by.
        QStringList names;
        QString why;
        if (!w.lock.isEmpty()) {
            const qint64 owner = m_locks.owner(w.lock);
            why = tr("lock %1").arg(w.lock);
            if (owner == m_mainTid) {
                names << workerName(m_config.scenario.workerIndex(m_config.rootWorker));
            } else {
                for (size_t i = 0; i < m_workers.size(); ++i) {
                    if (owner != 0 && m_workers[i].tid == owner && !m_workers[i].isProcess)
                        names << workerName(int(i));
                }
            }
        } else {
            why = w.atExit ? tr("exit") : tr("join");
            for (int i : w.workers) {
                if (m_workers[size_t(i)].phase == WorkerState::Running)
                    names << workerName(i);
            }
        }
        if (names.isEmpty() || (w.sentAs && names == w.waitsFor))
            continue;
        if (w.sentAs)
            forwarder.post({ false, tid, w.sentAs, {}, {}, {} });
        w.sentAs = ++m_forwardSeq;
        w.waitsFor = names;
        forwarder.post({ true, tid, w.sentAs, w.who, why, names });
    }
}

void ProcessHost::beginForwardedWait(const QueueBroker::ForwardedWait& f)
{
    Wait w;
    w.who = f.who;
    w.pid = f.pid;
    w.forwarded = true;
    w.seq = f.seq;
    w.waitsFor = f.waitsFor;
    w.why = f.why;
    beginWaitOf(f.tid, std::move(w));
}

void ProcessHost::endForwardedWait(qint64 tid, qint64 seq)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_waits.find(tid);
    if (it != m_waits.end() && it->second.forwarded && it->second.seq == seq)
        dropWaitLocked(tid);
}

void ProcessHost::dropForwardedWaitsOf(qint64 pid)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<qint64> gone;
    for (const auto& [tid, w] : m_waits) {
        if (w.forwarded && w.pid == pid)
            gone.push_back(tid);
    }
    for (qint64 tid : gone)
        dropWaitLocked(tid);
}

ProcessHost::Edges ProcessHost::waitEdges(qint64 tid)
{
    Edges out;
    const auto it = m_waits.find(tid);
    if (it == m_waits.end())
        return out;
    const Wait& w = it->second;
    if (w.forwarded) {
        // Who it waits for is known by name; one that is not waiting in the runner's sight may
        // still move, and so may a process that has ended without saying so.
        if (processHasEnded(w.pid))
            return out;
        for (const QString& name : w.waitsFor) {
            const qint64 to = m_waitingByName.value(name);
            if (to != 0 && to != tid) {
                out.to.push_back(to);
                out.why.push_back(w.why);
            }
        }
        return out;
    }
    if (!w.lock.isEmpty()) {
        // An owner that is the waiter itself has just taken the lock and is about to say so.
        const qint64 owner = m_locks.owner(w.lock);
        if (owner != 0 && owner != tid) {
            out.to.push_back(owner);
            out.why.push_back(tr("lock %1").arg(w.lock));
        }
        return out;
    }
    if (!w.queue.isEmpty()) {
        // Only the workers whose steps put on the queue can end the wait: it is stuck only
        // while each of them has ended or waits itself, and while the queue is empty (a
        // receiver just handed a message is not stuck, whatever its record still says).
        if (!m_queues.blocked(ScenarioChannels::recvQueue(m_config.scenario, w.queue), tid))
            return out;
        out.all = true;
        const QString why = tr("recv %1").arg(w.queue);
        for (int feeder : ScenarioChannels::feeders(m_config.scenario, w.queue)) {
            const auto waiting = m_waitingByName.constFind(workerName(feeder));
            if (waiting != m_waitingByName.constEnd()) {
                out.to.push_back(*waiting);
                out.why.push_back(why);
            } else if (feeder < 0 || m_workers[size_t(feeder)].phase != WorkerState::Ended) {
                return {}; // running, not started yet, or out of this process's sight: it may feed
            }
        }
        return out;
    }
    const QString why = w.atExit ? tr("exit") : tr("join");
    for (int i : w.workers) {
        const WorkerState& ws = m_workers[size_t(i)];
        if (ws.phase != WorkerState::Running)
            continue;
        // A process is waited for through its main flow, when that waits in this process's sight.
        const qint64 to = ws.isProcess ? m_waitingByName.value(workerName(i)) : ws.tid;
        if (to != 0) {
            out.to.push_back(to);
            out.why.push_back(why);
        }
    }
    return out;
}

std::vector<qint64> ProcessHost::findWaitCycle(qint64 start, std::vector<QString>* whys)
{
    // The waiters reachable from `start` and who each waits for.
    std::map<qint64, Edges> graph;
    std::vector<qint64> todo { start };
    while (!todo.empty()) {
        const qint64 tid = todo.back();
        todo.pop_back();
        if (graph.count(tid))
            continue;
        Edges e = waitEdges(tid);
        for (qint64 to : e.to)
            todo.push_back(to);
        graph.emplace(tid, std::move(e));
    }
    // The stuck ones: start from all and drop those that can still move, until none is
    // dropped. A join or a lock waits for one that is stuck; a recv for feeders that all are.
    std::set<qint64> stuck;
    for (const auto& [tid, e] : graph) {
        if (!e.to.empty())
            stuck.insert(tid);
    }
    for (bool dropped = true; dropped;) {
        dropped = false;
        for (auto it = stuck.begin(); it != stuck.end();) {
            const Edges& e = graph[*it];
            const auto in = [&](qint64 to) { return stuck.count(to) > 0; };
            const bool keep
                = e.all ? std::all_of(e.to.begin(), e.to.end(), in) : std::any_of(e.to.begin(), e.to.end(), in);
            if (keep) {
                ++it;
            } else {
                it = stuck.erase(it);
                dropped = true;
            }
        }
    }
    if (!stuck.count(start))
        return {};
    // Every stuck waiter waits for a stuck one: walking from `start` comes round to a cycle.
    std::vector<qint64> path;
    std::vector<QString> pathWhy;
    qint64 at = start;
    while (std::find(path.begin(), path.end(), at) == path.end()) {
        const Edges& e = graph[at];
        size_t k = 0;
        while (!stuck.count(e.to[k]))
            ++k;
        path.push_back(at);
        pathWhy.push_back(e.why[k]);
        at = e.to[k];
    }
    const auto cycleStart = std::find(path.begin(), path.end(), at) - path.begin();
    path.erase(path.begin(), path.begin() + cycleStart);
    pathWhy.erase(pathWhy.begin(), pathWhy.begin() + cycleStart);
    // Read from the flow started first (main before its workers), whichever wait closed it.
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

void ProcessHost::checkFeedersOf(int worker)
{
    std::vector<qint64> receivers;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (const auto& [tid, w] : m_waits) {
            if (w.queue.isEmpty())
                continue;
            const std::vector<int> feeders = ScenarioChannels::feeders(m_config.scenario, w.queue);
            if (std::find(feeders.begin(), feeders.end(), worker) != feeders.end())
                receivers.push_back(tid);
        }
    }
    for (qint64 tid : receivers)
        checkDeadlock(tid);
}

void ProcessHost::confirmLater(qint64 start, WaitSignature signature)
{
    const std::lock_guard<std::mutex> lock(m_confirmMutex);
    m_toConfirm.emplace_back(start, std::move(signature));
    if (!m_confirmer.joinable()) {
        m_confirmer = std::thread([this] {
            for (;;) {
                std::vector<std::pair<qint64, WaitSignature>> batch;
                {
                    std::unique_lock<std::mutex> lock(m_confirmMutex);
                    m_confirmWake.wait(lock, [this] { return m_confirmStop || !m_toConfirm.empty(); });
                    // Time for late news: a forwarded wait's end is sent within the
                    // forwarder's interval.
                    if (m_confirmStop || m_confirmWake.wait_for(lock, std::chrono::milliseconds(kConfirmMs), [this] {
                            return m_confirmStop;
                        }))
                        return;
                    batch.swap(m_toConfirm);
                }
                for (const auto& [tid, seen] : batch)
                    checkDeadlock(tid, &seen);
            }
        });
    }
    m_confirmWake.notify_all();
}

void ProcessHost::checkDeadlock(qint64 start, const WaitSignature* confirmed)
{
    std::vector<qint64> cycle;
    std::vector<QString> whys;
    std::vector<qint64> pids; // a process worker's flow is drawn in its own process
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
        // Forwarded waits are news from other processes, which may be late: such a cycle is
        // reported when it is found again, unchanged, a while later. One made of a single
        // process's own waits alone is that process's to report: it sees it whole.
        WaitSignature signature;
        std::set<qint64> forwardedFrom;
        bool seenHere = false;
        for (qint64 tid : cycle) {
            const Wait& w = m_waits[tid];
            signature.emplace_back(tid, w.forwarded ? w.seq : 0);
            if (w.forwarded)
                forwardedFrom.insert(w.pid);
            else
                seenHere = true;
        }
        if (!forwardedFrom.empty()) {
            if (!seenHere && forwardedFrom.size() == 1)
                return;
            std::sort(signature.begin(), signature.end());
            if (!confirmed || *confirmed != signature) {
                confirmLater(start, std::move(signature));
                return;
            }
        }
        m_deadlocked.insert(m_deadlocked.end(), cycle.begin(), cycle.end());
        for (size_t i = 0; i < cycle.size(); ++i) {
            const qint64 next = cycle[(i + 1) % cycle.size()];
            whys[i] = tr("%1 waits for %2 (%3)").arg(m_waits[cycle[i]].who, m_waits[next].who, whys[i]);
            pids.push_back(m_waits[cycle[i]].pid ? m_waits[cycle[i]].pid : m_pid);
        }
    }
    QStringList parts;
    for (const QString& s : whys)
        parts.append(s);
    const QString message = parts.join(QStringLiteral(", "));
    const qint64 t = monotonicNs();
    // The lanes stay open in their new state: nothing ends them but the user's Stop. Every
    // lane's state goes before the first mark: `forkline run` stops the run at the first mark
    // it reads, and a process of the cycle that hears that abort reports its own end on its
    // own socket, which may be read before the rest of this one. A deadlocked state read after
    // that end would be dropped as coming from before it, leaving the mark without its span.
    std::vector<Flow> lanes(cycle.size());
    for (size_t i = 0; i < cycle.size(); ++i) {
        lanes[i].pid = pids[i];
        lanes[i].tid = cycle[i];
        emitState(lanes[i], State::Deadlocked, t);
    }
    for (const Flow& lane : lanes)
        emitInstant(lane, InstantKind::Deadlocked, message, 0, t);
    std::lock_guard<std::mutex> lock(m_emitMutex);
    const QByteArray line = (tr("Deadlock: %1").arg(message) + QLatin1Char('\n')).toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace Forkline
