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
    const QString& queue, qint64 timeoutNs, QueueMessage* out, const std::function<void()>& onWait)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    auto ready = [&] { return m_aborted || !m_queues[queue].empty(); };
    if (!ready()) {
        lock.unlock();
        if (onWait)
            onWait();
        lock.lock();
        if (timeoutNs < 0) {
            m_cv.wait(lock, ready);
        } else if (!m_cv.wait_for(lock, std::chrono::nanoseconds(timeoutNs), ready)) {
            return Result::TimedOut;
        }
    }
    if (m_aborted)
        return Result::Aborted;
    std::deque<QueueMessage>& q = m_queues[queue];
    *out = q.front();
    q.pop_front();
    return Result::Received;
}

void QueueHub::abort()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_aborted = true;
    m_cv.notify_all();
}

} // namespace Forkline
