// SPDX-License-Identifier: GPL-3.0-or-later
#include "locktable.h"

namespace Forkline {

LockTable::Result LockTable::acquire(
    const QString& name, qint64 tid, const std::function<void()>& onWait, qint64* handoffFlow)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    *handoffFlow = 0;
    if (m_aborted)
        return Result::Aborted;
    Lock& l = m_locks[name];
    if (l.owner == 0 && l.waiters.empty()) {
        l.owner = tid;
        return Result::Acquired;
    }
    l.waiters.push_back(tid);
    lock.unlock();
    if (onWait)
        onWait();
    lock.lock();
    m_cv.wait(lock, [&] { return m_aborted || m_locks[name].handoffTo == tid; });
    if (m_aborted)
        return Result::Aborted;
    Lock& held = m_locks[name];
    held.handoffTo = 0;
    *handoffFlow = held.handoffFlow;
    return Result::Acquired;
}

bool LockTable::release(const QString& name, qint64 flowId, bool* handedOver)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    *handedOver = false;
    auto it = m_locks.find(name);
    if (it == m_locks.end() || it->owner == 0)
        return false;
    Lock& l = *it;
    if (l.waiters.empty()) {
        l.owner = 0;
        return true;
    }
    l.owner = l.handoffTo = l.waiters.front();
    l.waiters.pop_front();
    l.handoffFlow = flowId;
    *handedOver = true;
    m_cv.notify_all();
    return true;
}

void LockTable::abort()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_aborted = true;
    m_cv.notify_all();
}

} // namespace Forkline
