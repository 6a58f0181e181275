// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedgil.h"

#include "platform.h"

namespace Forkline {

SimulatedGil::SimulatedGil(qint64 switchIntervalNs)
    : m_interval(switchIntervalNs)
{ }

bool SimulatedGil::acquire(qint64 tid, const std::function<void()>& onWait)
{
    if (enqueue(tid))
        return true;
    if (onWait)
        onWait();
    return waitTurn(tid);
}

bool SimulatedGil::enqueue(qint64 tid)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_aborted && m_owner == 0 && m_queue.empty()) {
        m_owner = tid;
        startSlice();
        return true;
    }
    m_queue.push_back(tid);
    ++m_waiting;
    return false;
}

bool SimulatedGil::waitTurn(qint64 tid)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    std::condition_variable turn;
    m_turns[tid] = &turn;
    turn.wait(lock, [&] { return m_aborted || m_owner == tid; });
    m_turns.erase(tid);
    --m_waiting;
    if (m_aborted)
        return false;
    startSlice();
    return true;
}

bool SimulatedGil::handOver(qint64 tid)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_owner != tid || m_queue.empty())
        return false;
    m_owner = m_queue.front();
    m_queue.pop_front();
    m_queue.push_back(tid);
    ++m_waiting; // the new owner counts itself out when it wakes
    wakeOwner();
    return true;
}

void SimulatedGil::release(qint64 tid)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_owner != tid)
        return;
    if (m_queue.empty()) {
        m_owner = 0;
        return;
    }
    m_owner = m_queue.front();
    m_queue.pop_front();
    wakeOwner();
}

void SimulatedGil::wakeOwner()
{
    // Only the new holder: with a thousand threads queued, waking them all at each hand-over
    // made every hand-over cost a thousand context switches.
    const auto it = m_turns.find(m_owner);
    if (it != m_turns.end())
        it->second->notify_one();
}

bool SimulatedGil::owns(qint64 tid) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_owner == tid;
}

void SimulatedGil::restartSlice(qint64 tid)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_owner == tid)
        startSlice();
}

void SimulatedGil::startSlice()
{
    // Called by the new holder itself: its own CPU clock.
    m_sliceEnd = monotonicNs() + m_interval;
    m_sliceCpuEnd = threadCpuNs() + m_interval;
}

bool SimulatedGil::shouldYield() const
{
    // The cheap clock first: the CPU clock costs a system call.
    return m_waiting.load(std::memory_order_relaxed) > 0 && monotonicNs() >= m_sliceEnd.load(std::memory_order_relaxed)
        && threadCpuNs() >= m_sliceCpuEnd.load(std::memory_order_relaxed);
}

void SimulatedGil::abort()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_aborted = true;
    for (const auto& waiting : m_turns)
        waiting.second->notify_one();
}

} // namespace Forkline
