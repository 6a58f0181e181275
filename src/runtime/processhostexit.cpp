// SPDX-License-Identifier: GPL-3.0-or-later
// How a scenario process ends: Python's interpreter shutdown after the root flow (joins,
// daemon workers), and an abort, which ends it at once.
#include "processhost.h"

#include "eventchannel.h"
#include "expectoutcome.h"
#include "memoryblocks.h"
#include "platform.h"
#include "processhost_p.h"
#include "processworkers.h"
#include "simulatedgil.h"
#include "threadworker.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>

namespace Forkline {

using namespace ProcessHostPrivate;

bool ProcessHost::waitForWorkers(Flow& root, const std::vector<int>& workers)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    // Woken at each of 10,000 threads' ends: a worker that has ended stays ended, so each
    // check goes on from the first one still running instead of from the top.
    size_t running = 0;
    auto allEnded = [&] {
        while (running < workers.size() && m_workers[size_t(workers[running])].phase == WorkerState::Ended)
            ++running;
        return running == workers.size();
    };
    if (!allEnded()) {
        lock.unlock();
        emitState(root, State::WaitingExit); // Python's implicit join at exit
        dropGil(root);
        beginWait(root, Wait::join(workerName(root.worker), workers, true));
        lock.lock();
        m_wake.wait(lock, [&] { return m_aborting || allEnded(); });
    }
    return !m_aborting;
}

void ProcessHost::finishRoot(Flow& root, int exitCode)
{
    if (root.worker < 0)
        emitInstant(root, InstantKind::MainExit);
    // On its way out the main thread lets go of the GIL (its last output released it too),
    // so threads already waiting for it run until they block, daemons included.
    if (!yieldGil(root))
        return;
    // Python's order at exit: join non-daemon threads; terminate daemon processes; join
    // non-daemon processes; the process ends and daemon threads die wherever they are.
    std::vector<int> threads;
    std::vector<int> processes;
    std::vector<int> daemonProcesses;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (size_t i = 0; i < m_workers.size(); ++i) {
            const WorkerState& ws = m_workers[i];
            if (ws.phase == WorkerState::Idle)
                continue;
            const bool daemon = m_config.scenario.workers[i].daemon;
            if (ws.isProcess && daemon && ws.phase == WorkerState::Running)
                daemonProcesses.push_back(int(i));
            else if (!daemon && !ws.joined)
                (ws.isProcess ? processes : threads).push_back(int(i));
        }
    }
    auto joinArrows = [&](const std::vector<int>& workers) {
        for (int i : workers) {
            if (ThreadWorker* t = m_workers[size_t(i)].thread)
                t->wait();
            emitFlow(root, m_workers[size_t(i)].joinFlow, FlowKind::Join, false);
        }
    };
    if (!waitForWorkers(root, threads))
        return;
    joinArrows(threads);

    if (!daemonProcesses.empty()) {
        const qint64 now = monotonicNs();
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            for (int i : daemonProcesses)
                m_workers[size_t(i)].killedAtExit = true;
        }
        for (int i : daemonProcesses)
            emitEvent(instantEvent(m_workers[size_t(i)].pid, 0, InstantKind::Killed, now, SIGTERM));
        m_processes->terminateAndWait(daemonProcesses);
    }

    if (!waitForWorkers(root, processes))
        return;
    joinArrows(processes);
    if (m_sampler)
        m_sampler->stop(); // its last sample comes before the end mark
    dropGil(root);

    if (root.worker < 0)
        emitExpectOutcomes(root);
    emitProcessEnd(root, exitCode);
}

// Once every non-daemon worker has ended, the values are final: what a `print` after the joins
// would show.
void ProcessHost::emitExpectOutcomes(const Flow& root)
{
    for (const auto& [name, expected] : m_config.scenario.expect) {
        const auto shared = m_shared.find(name);
        if (shared == m_shared.end())
            continue;
        const ExpectOutcome outcome { name, shared->second.load(), expected };
        ChannelEvent ev = instantEvent(root.pid, root.tid, InstantKind::Other, monotonicNs());
        ev.name = QLatin1String(ExpectOutcome::kInstantName);
        ev.text = QString::fromUtf8(outcome.toArgs());
        emitEvent(ev);
    }
}

void ProcessHost::emitProcessEnd(const Flow& root, int exitCode)
{
    std::lock_guard<std::mutex> emitLock(m_emitMutex);
    if (m_dead)
        return;
    m_dead = true;
    const qint64 now = monotonicNs();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (const WorkerState& ws : m_workers) {
            if (!ws.isProcess && ws.phase == WorkerState::Running && ws.tid)
                m_channel->send(instantEvent(m_pid, ws.tid, InstantKind::Killed, now));
        }
    }
    // The lane ends with the process's exit code; after an uncaught exception it ends
    // `failed`, with the exception's last line.
    ChannelEvent end = instantEvent(
        root.pid, root.tid, m_rootFailure.isEmpty() ? InstantKind::End : InstantKind::Failed, now, exitCode);
    end.text = m_rootFailure;
    m_channel->send(end);
    if (m_config.joinFlowId)
        m_channel->send(flowEvent(root.pid, root.tid, m_config.joinFlowId, FlowKind::Join, true, now));
    std::fflush(stdout);
}

void ProcessHost::abortRun()
{
    m_abortFlag = true;
    {
        // Mark the process dead before waking anyone: a flow woken from its sleep must not
        // get to report a normal end after its `aborted` mark.
        std::lock_guard<std::mutex> emitLock(m_emitMutex);
        if (!m_dead) {
            m_dead = true;
            const qint64 now = monotonicNs();
            m_channel->send(instantEvent(m_pid, m_mainTid, InstantKind::Aborted, now));
            std::lock_guard<std::mutex> lock(m_mutex);
            for (const WorkerState& ws : m_workers) {
                if (!ws.isProcess && ws.phase == WorkerState::Running && ws.tid)
                    m_channel->send(instantEvent(m_pid, ws.tid, InstantKind::Aborted, now));
            }
        }
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_aborting = true;
    }
    m_wake.notify_all();
    m_sleepWake.notify_all();
    m_arrivedWake.notify_all();
    m_runningWake.notify_all();
    if (m_gil)
        m_gil->abort();
    // Children were told to abort by the collector too; whatever still runs is killed.
    {
        std::lock_guard<std::mutex> lock(m_processesMutex);
        if (m_processes)
            m_processes->killAll();
    }
    m_channel->flush();
    std::fflush(stdout);
    // Threads may be anywhere (blocked on stdin, mid-sleep): leave at once, as a killed
    // Python process would, without running QThread destructors on live threads.
    std::_Exit(130);
}

} // namespace Forkline
