// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace Forkline {

struct QueueMessage
{
    qint64 flowId = 0; // the arrow from send to receive
    QString text;
};

// Named FIFO queues shared by the threads of one process (queue.Queue). The runner's hub
// also serves the run's other processes through QueueBroker.
class QueueHub
{
public:
    enum class Result { Received, TimedOut, Aborted };
    void send(const QString& queue, const QueueMessage& message);
    // Waits up to timeoutNs (< 0: forever); `onWait` runs when the queue is empty at first.
    // `tid` is the waiting thread, for blocked().
    Result recv(
        const QString& queue, qint64 timeoutNs, QueueMessage* out, const std::function<void()>& onWait, qint64 tid = 0);
    // Whether thread `tid` waits in a recv from `queue` that is empty now. The wait graph asks
    // this rather than trusting its own record: a receiver that has just taken a message is not
    // blocked, even before it has said that its wait is over.
    bool blocked(const QString& queue, qint64 tid) const;
    void abort();

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    QHash<QString, std::deque<QueueMessage>> m_queues;
    QHash<qint64, QString> m_blockedOn; // waiting receivers: tid -> queue
    bool m_aborted = false;
};

} // namespace Forkline
