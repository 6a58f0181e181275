// SPDX-License-Identifier: GPL-3.0-or-later
#include "queuehub.h"

#include <chrono>

namespace Forkline {

void QueueHub::send(const QString& queue, const QueueMessage& message)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queues[queue].push_back(message);
    }
    m_cv.notify_all();
}

QueueHub::Result QueueHub::recv(
    const QString& queue, qint64 timeoutNs, QueueMessage* out, const std::function<void()>& onWait, qint64 tid)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    auto ready = [&] { return m_aborted || !m_queues[queue].empty(); };
    if (!ready()) {
        if (tid != 0)
            m_blockedOn.insert(tid, queue);
        lock.unlock();
        if (onWait)
            onWait();
        lock.lock();
        const bool woken = timeoutNs < 0 ? (m_cv.wait(lock, ready), true)
                                         : m_cv.wait_for(lock, std::chrono::nanoseconds(timeoutNs), ready);
        m_blockedOn.remove(tid);
        if (!woken)
            return Result::TimedOut;
    }
    if (m_aborted)
        return Result::Aborted;
    std::deque<QueueMessage>& q = m_queues[queue];
    *out = q.front();
    q.pop_front();
    return Result::Received;
}

bool QueueHub::blocked(const QString& queue, qint64 tid) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto q = m_queues.constFind(queue);
    return !m_aborted && m_blockedOn.value(tid) == queue && (q == m_queues.constEnd() || q->empty());
}

void QueueHub::abort()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_aborted = true;
    m_cv.notify_all();
}

} // namespace Forkline
